import fs from "node:fs";
import path from "node:path";
import type { Graph } from "./graph";

const SCHEMA_FILE = path.resolve(__dirname, "../../cypher/schema.cypher");

/** Splits a .cypher file into statements: `;` ends a statement, `//` lines are comments. */
function readCypherStatements(file: string): string[] {
  const withoutComments = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n");
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== "");
}

/** Applies constraints and indexes (idempotent) and waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = readCypherStatements(SCHEMA_FILE);
  for (const statement of statements) {
    await graph.write(statement);
  }
  await graph.write("CALL db.awaitIndexes(120)");
  return statements.length;
}
