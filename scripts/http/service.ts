/**
 * The service under measurement, in a process of its own (so that the load generator does not share its event
 * loop), on a throw-away bundled Neo4j this process starts and owns: the benchmark reads it directly through the
 * driver (the raw read) and can load a synthetic catalogue into it before the service starts. The service then
 * applies the schema, seeds the 2023 catalogue and computes similarity as `npm start` does, in production mode,
 * rate limiting off.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "../../src/logger";
import { startBundledNeo4j } from "../../src/neo4j/bundled";
import { createDriver } from "../../src/neo4j/driver";
import { graphOn, type Graph } from "../../src/neo4j/graph";
import { freePort } from "../../src/neo4j/ports";
import { applySchema } from "../../src/neo4j/schema";
import { startServiceProcess, type ServiceProcess } from "../support/serviceProcess";
import { loadSynthetic, randomSource, syntheticCatalogue } from "../support/syntheticCatalogue";

export type Database = {
  graph: Graph;
  uri: string;
  stop: () => Promise<void>;
};

/** A bundled Neo4j on a temporary directory and a free port; with `synthetic`, that many synthetic practices loaded. */
export async function startDatabase(synthetic: number, log: (line: string) => void): Promise<Database> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-bench-http-"));
  const neo4j = await startBundledNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: process.env.PRASSI_NEO4J_HEAP ?? "2g",
    pageCache: process.env.PRASSI_NEO4J_PAGECACHE ?? "1g",
    log: createLogger("warn"),
  });
  const driver = createDriver({ uri: neo4j.uri });
  const graph = graphOn(driver);
  const stop = async () => {
    await driver.close();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (synthetic > 0) {
      await applySchema(graph);
      const started = performance.now();
      await loadSynthetic(graph, syntheticCatalogue(synthetic, randomSource(2023)));
      log(`loaded ${synthetic} synthetic practices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { graph, uri: neo4j.uri, stop };
}

/** The service on the database at `neo4jUri` (its own credentials, none); with `profileDir`, profiled (serviceProcess.ts). */
export function startService(neo4jUri: string, options: { profileDir?: string } = {}): Promise<ServiceProcess> {
  return startServiceProcess(
    {
      HOST: "127.0.0.1",
      NEO4J_URI: neo4jUri,
      NEO4J_USERNAME: undefined,
      NEO4J_PASSWORD: undefined,
      NEO4J_DATABASE: undefined,
    },
    options,
  );
}
