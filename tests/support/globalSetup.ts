import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "../../src/logger";
import { startBundledNeo4j, type BundledNeo4j } from "../../src/neo4j/bundled";
import { freePort } from "../../src/neo4j/ports";

declare global {
  // Shared with globalTeardown, which runs in the same process.
  var prassiTestNeo4j: { neo4j: BundledNeo4j; dataDir: string } | undefined;
}

/** Starts one real Neo4j for the whole run: a free Bolt port, a throw-away data dir. */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-test-"));
  const neo4j = await startBundledNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: "1g",
    pageCache: "256m",
    log: createLogger(process.env.LOG_LEVEL ?? "warn"),
  });
  globalThis.prassiTestNeo4j = { neo4j, dataDir };
  // Test workers start after this and inherit the environment.
  process.env.PRASSI_TEST_NEO4J_URI = neo4j.uri;
}
