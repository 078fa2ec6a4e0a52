/** Runs an npm script's entry point as `npm run` does, against the run's Neo4j unless `env` says otherwise. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { testNeo4jUri } from "./database";

const root = path.resolve(__dirname, "../..");

export function runScript(entry: string, args: string[], env: Record<string, string> = { NEO4J_URI: testNeo4jUri() }) {
  return spawnSync(process.execPath, ["--require", "tsx/cjs", entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 90_000,
  });
}

export const ingest = (...args: string[]) => runScript("src/ingest/cli.ts", args);
export const exportDatabase = (...args: string[]) => runScript("src/backup/exportCommand.ts", args);
