import type { Driver } from "neo4j-driver";
import { createDriver } from "../../src/neo4j/driver";
import { loadCatalogue } from "../../src/ingest/load";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { graphOn, type Graph } from "../../src/neo4j/graph";
import type { GraphReader } from "../../src/neo4j/reader";
import { applySchema } from "../../src/neo4j/schema";

/** The run's shared Neo4j (started by globalSetup). */
export function testNeo4jUri(): string {
  const uri = process.env.PRASSI_TEST_NEO4J_URI;
  if (!uri) throw new Error("PRASSI_TEST_NEO4J_URI is not set: db tests run through the jest 'db' project");
  return uri;
}

export function connectTestDatabase(): Driver {
  return createDriver({ uri: testNeo4jUri() });
}

/**
 * Empties the database and applies the schema. Test files run one at a time (maxWorkers 1),
 * so each file owns the database for its duration and starts from a known state.
 */
export async function resetDatabase(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) DETACH DELETE n");
  await applySchema(graphOn(driver));
}

export async function countGraph(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    "CALL { MATCH (n) WHERE NOT n:GraphVersion RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
  );
  return { nodes: records[0]!.get("nodes"), relationships: records[0]!.get("relationships") };
}

/**
 * Gives a describe block the shared database, emptied before it runs and after it ends;
 * with `seed`, the 2023 catalogue is loaded first. Use `db.graph` (or `db.reader`, for the read services; `db.driver` for
 * Cypher of the test's own) inside the tests.
 */
export function useTestDatabase(setup: { seed?: boolean } = {}): {
  readonly driver: Driver;
  readonly graph: Graph;
  readonly reader: GraphReader;
} {
  const db = {} as { driver: Driver; graph: Graph; reader: GraphReader };
  beforeAll(async () => {
    db.driver = connectTestDatabase();
    db.graph = graphOn(db.driver);
    db.reader = db.graph.reader();
    await resetDatabase(db.driver);
    if (setup.seed) await loadCatalogue(db.graph, readSeedCatalogues()[0]!);
  });
  afterAll(async () => {
    await resetDatabase(db.driver);
    await db.driver.close();
  });
  return db;
}
