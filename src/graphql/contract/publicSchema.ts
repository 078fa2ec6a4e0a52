/**
 * The public schema as a contract: widgets on other sites and analysts' saved queries depend on it, so the served
 * schema is committed (docs/schema.graphql) and a change to it is made on purpose. The snapshot is printed in a
 * canonical order, so it differs only where the API does.
 */
import fs from "node:fs";
import path from "node:path";
import { buildSchema as buildFromSnapshot, findBreakingChanges, lexicographicSortSchema, printSchema } from "graphql";
import neo4j from "neo4j-driver";
import { buildSchema } from "../schema";

export const SNAPSHOT_FILE = path.resolve(__dirname, "../../../docs/schema.graphql");

const HEADER = `# The public GraphQL schema Prassi serves, printed by \`npm run schema:snapshot\` (do not edit by hand).
# tests/graphql/contract.test.ts fails when the served schema differs from it: a breaking change to the API is
# made on purpose, by printing this file again in the same commit.
`;

/** The schema as served, printed canonically. Building it opens no connection: the driver is never used. */
export async function printServedSchema(): Promise<string> {
  const driver = neo4j.driver("bolt://127.0.0.1:1");
  try {
    const { schema } = await buildSchema(driver);
    return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await driver.close();
  }
}

export function readSnapshot(): string {
  return fs.readFileSync(SNAPSHOT_FILE, "utf8");
}

export function writeSnapshot(printed: string): void {
  fs.writeFileSync(SNAPSHOT_FILE, printed);
}

/** What a client written against the snapshot would find broken in the served schema, one line each. */
export function breakingChanges(snapshot: string, served: string): string[] {
  return findBreakingChanges(buildFromSnapshot(snapshot), buildFromSnapshot(served)).map(
    (change) => `${change.type}: ${change.description}`,
  );
}
