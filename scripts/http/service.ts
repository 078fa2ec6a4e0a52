/**
 * The service under measurement, in a process of its own (so that the load generator does not share its event
 * loop), on a throw-away bundled Neo4j this process starts and owns: the benchmark reads it directly through the
 * driver (the raw read) and can load a synthetic catalogue into it before the service starts. The service then
 * applies the schema, seeds the 2023 catalogue and computes similarity as `npm start` does, in production mode,
 * rate limiting off.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Driver } from "neo4j-driver";
import { createLogger } from "../../src/logger";
import { startBundledNeo4j } from "../../src/neo4j/bundled";
import { createDriver } from "../../src/neo4j/driver";
import { freePort } from "../../src/neo4j/ports";
import { applySchema } from "../../src/neo4j/schema";
import { loadSynthetic, randomSource, syntheticCatalogue } from "../support/syntheticCatalogue";

export type Database = {
  driver: Driver;
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
  const stop = async () => {
    await driver.close();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (synthetic > 0) {
      await applySchema(driver);
      const started = performance.now();
      await loadSynthetic(driver, syntheticCatalogue(synthetic, randomSource(2023)));
      log(`loaded ${synthetic} synthetic practices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { driver, uri: neo4j.uri, stop };
}

export type Service = { url: string; stop: () => Promise<number | null> };

/**
 * `node [--cpu-prof] --require tsx/cjs src/main.ts` on the database at `neo4jUri`; resolves once it serves.
 * With `profileDir`, V8 writes a .cpuprofile there when the service exits (stop() sends SIGTERM).
 */
export async function startService(neo4jUri: string, options: { profileDir?: string } = {}): Promise<Service> {
  const profiling = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    NEO4J_URI: neo4jUri,
    PRASSI_RATE_LIMIT: "off",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  for (const name of ["NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name];
  const child = spawn(process.execPath, [...profiling, "--require", "tsx/cjs", "src/main.ts"], {
    cwd: path.resolve(__dirname, "..", ".."),
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // Read every line, so that the service never blocks on a full pipe; only errors are shown.
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      let event: { msg?: string; url?: string; level?: number } = {};
      try {
        event = JSON.parse(line);
      } catch {
        process.stderr.write(`service: ${line}\n`);
      }
      if (event.msg === "GraphQL server ready" && event.url) resolve(event.url);
      if ((event.level ?? 0) >= 50) process.stderr.write(`service: ${line}\n`);
    });
    void exited.then((code) => reject(new Error(`the service exited (code ${code}) before it was ready`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
