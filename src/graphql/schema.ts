import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { describeGeneratedFields } from "./generatedDescriptions";
import { resolvers } from "./resolvers";

const SCHEMA_DIR = path.resolve(__dirname, "../../schema");

/** The type definitions: every `schema/*.graphql` file, in name order. */
export function readTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"))
    .join("\n");
}

export type PrassiSchema = { schema: GraphQLSchema; neo4jGraphQL: Neo4jGraphQL };

/**
 * The executable schema: the API @neo4j/graphql generates from `schema/`, plus the discovery resolvers.
 * Without JWT_SECRET no token can be valid (a random key nobody knows), so writes are refused.
 */
export async function buildSchema(driver: Driver, jwtSecret?: string): Promise<PrassiSchema> {
  const typeDefs = readTypeDefs();
  const neo4jGraphQL = new Neo4jGraphQL({
    typeDefs,
    driver,
    resolvers,
    features: { authorization: { key: jwtSecret ?? randomBytes(32).toString("hex") } },
  });
  return { schema: describeGeneratedFields(await neo4jGraphQL.getSchema(), typeDefs), neo4jGraphQL };
}
