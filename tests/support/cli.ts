/** Runs an npm script's entry point as `npm run` does, against the run's Neo4j unless `env` says otherwise. */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { testNeo4jUri } from "./database";

const root = path.resolve(__dirname, "../..");

const environment = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env });

export function runScript(entry: string, args: string[], env: Record<string, string> = { NEO4J_URI: testNeo4jUri() }) {
  return spawnSync(process.execPath, ["--require", "tsx/cjs", entry, ...args], {
    cwd: root,
    env: environment(env),
    encoding: "utf8",
    timeout: 90_000,
  });
}

/** `npm run ingest` started without waiting for it: what it has printed so far, and its end. */
export function startIngest(...args: string[]): {
  stdout: () => string;
  exited: Promise<{ status: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", "src/ingest/cli.ts", ...args], {
    cwd: root,
    env: environment({ NEO4J_URI: testNeo4jUri() }),
  });
  let [stdout, stderr] = ["", ""];
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (status) => resolve({ status, stdout, stderr })),
  );
  return { stdout: () => stdout, exited };
}

export const ingest = (...args: string[]) => runScript("src/ingest/cli.ts", args);
export const exportDatabase = (...args: string[]) => runScript("src/backup/exportCommand.ts", args);
