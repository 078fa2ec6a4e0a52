package org.prassi.neo4j;
public class BundledNeo4j { public static void main(String[] a) {} }
