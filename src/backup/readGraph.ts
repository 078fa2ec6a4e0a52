/**
 * Reads every node and relationship of the database, as they are, for the export to sort into files. Similarity
 * edges are left out: they are derived, and a restore recomputes them.
 */
import type { Driver } from "neo4j-driver";

export type GraphNode = { elementId: string; labels: string[]; properties: Record<string, unknown> };
export type GraphRelationship = { elementId: string; type: string; from: string; to: string; properties: Record<string, unknown> };
export type GraphContents = { nodes: GraphNode[]; relationships: GraphRelationship[] };

const NODES = "MATCH (n) RETURN elementId(n) AS elementId, labels(n) AS labels, properties(n) AS properties";
const RELATIONSHIPS = `
MATCH (a)-[r]->(b) WHERE type(r) <> 'SIMILAR_TO'
RETURN elementId(r) AS elementId, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS properties`;

/**
 * In one read transaction; Neo4j reads committed data statement by statement, so an export taken while an import or
 * an editor writes may see part of that write: take it when nothing writes (README.md, "Backup and restore").
 */
export async function readGraph(driver: Driver, database?: string): Promise<GraphContents> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = (await tx.run(NODES)).records.map((record) => record.toObject() as GraphNode);
      const relationships = (await tx.run(RELATIONSHIPS)).records.map((record) => record.toObject() as GraphRelationship);
      return { nodes, relationships };
    });
  } finally {
    await session.close();
  }
}
