import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--require", "tsx/cjs", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start with bad configuration", () => {
  it("stops at once with a message naming the wrong variable", () => {
    const run = startWith({ PORT: "not-a-port", NEO4J_URI: "http://localhost:7474" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/PORT: must be a port number/);
    expect(run.stderr).toMatch(/NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/);
  });
});

describe("npm start without Java", () => {
  it("stops with a message saying what to install, or to use an external Neo4j", () => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-no-java-"));
    try {
      const run = startWith({ PATH: emptyBin, PRASSI_DATA_DIR: path.join(emptyBin, "data") });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        /'java' was not found: it is needed to run the bundled Neo4j\. Install Java 17 and Maven, or set NEO4J_URI/,
      );
    } finally {
      fs.rmSync(emptyBin, { recursive: true, force: true });
    }
  });
});
