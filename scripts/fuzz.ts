/**
 * npm run fuzz -- [--count 2000] [--seed 1] [--concurrency 4] [--kind "cost bombs" ...] [--url http://127.0.0.1:4000]
 * Sends malformed and hostile requests (scripts/fuzz/hostileRequests.ts: 30 kinds) and prints the statuses per kind,
 * the slowest accepted answers and every violation: a 5xx, an internal error, a body that is not JSON, a stack trace
 * or path, no answer, a service that died. Exit 1 on any violation. Without --url it starts Prassi itself, in production mode,
 * as a child process on a throw-away bundled Neo4j (or on NEO4J_URI, which it only reads), rate limiting off so
 * every request reaches the code under test. Loopback only.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../src/neo4j/ports";
import { formatReport, runFuzz } from "./fuzz/runFuzz";
import { startServiceProcess, type ServiceProcess } from "./support/serviceProcess";

/** Prassi on a throw-away bundled Neo4j (or on NEO4J_URI, which it only reads), its data deleted when it stops. */
async function startService(secret: string): Promise<ServiceProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-fuzz-"));
  const service = await startServiceProcess({
    PRASSI_DATA_DIR: dataDir,
    PRASSI_BOLT_PORT: String(await freePort()),
    PRASSI_NEO4J_HEAP: "1g",
    PRASSI_NEO4J_PAGECACHE: "256m",
    JWT_SECRET: secret,
  });
  return {
    ...service,
    stop: async () => {
      const code = await service.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "2000" },
      seed: { type: "string", default: "1" },
      concurrency: { type: "string", default: "4" },
      kind: { type: "string", multiple: true },
      url: { type: "string" },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const secret = process.env.JWT_SECRET ?? randomBytes(32).toString("hex");
  const service = values.url ? undefined : await startService(secret);
  const url = values.url ?? service!.url;
  process.stderr.write(`fuzz: ${count} requests (seed ${seed}) to ${url}\n`);
  const started = Date.now();
  const report = await runFuzz(url, {
    count,
    seed,
    secret,
    concurrency: Number(values.concurrency),
    kinds: values.kind,
  });
  report.rateLimit = service
    ? "off (every request reaches the code under test)"
    : "as the service at --url is configured";
  process.stdout.write(formatReport(report));
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const crashed = service?.exited() ?? false;
  if (crashed) process.stdout.write("the service DIED during the run\n");
  const stopCode = await service?.stop();
  if (service && stopCode !== 0) process.stdout.write(`the service stopped with exit code ${stopCode}\n`);
  return report.violations.length === 0 && report.healthyAfter && !crashed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
