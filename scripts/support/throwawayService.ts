import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pino from "pino";
import { startPrassi, type Prassi } from "../../src/app";
import { loadConfig } from "../../src/config";
import { freePort } from "../../src/neo4j/ports";

/**
 * Runs `use` against the service started in-process on a throw-away bundled Neo4j (seeded with the 2023 catalogue),
 * rate limiting off (a benchmark is one client), then stops it and deletes its data directory, whatever happened.
 */
export async function withThrowawayService<T>(
  name: string,
  env: Record<string, string>,
  log: pino.Logger,
  use: (prassi: Prassi) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `prassi-${name}-`));
  const config = loadConfig({
    PORT: "0",
    PRASSI_DATA_DIR: dataDir,
    PRASSI_BOLT_PORT: String(await freePort()),
    PRASSI_RATE_LIMIT: "off",
    ...env,
  });
  const prassi = await startPrassi(config, log);
  try {
    return await use(prassi);
  } finally {
    await prassi.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs a benchmark's main, printing its error and exiting 1 when it fails. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
