import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { startPrassi } from "../../src/app";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { BundledNeo4jError, startBundledNeo4j, type BundledNeo4j } from "../../src/neo4j/bundled";
import { createDriver, describeDatabase } from "../../src/neo4j/driver";
import { readTypeDefs } from "../../src/graphql/schema";
import { freePort } from "../../src/neo4j/ports";
import { graphOn } from "../../src/neo4j/graph";
import { testNeo4jUri } from "../support/database";

const log = createLogger("silent");

function bundledOptions(dataDir: string, boltPort: number) {
  return { dataDir, boltPort, heap: "512m", pageCache: "64m", log };
}

describe("the bundled Neo4j", () => {
  it("is Neo4j 5.26 with APOC, and @neo4j/graphql's compatibility check passes", async () => {
    const driver = createDriver({ uri: testNeo4jUri() });
    try {
      const description = await describeDatabase(graphOn(driver));
      expect(description.neo4jVersion).toMatch(/^5\.26\./);
      expect(description.apocVersion).toMatch(/^5\.26\./);
      const neo4jGraphQL = new Neo4jGraphQL({ typeDefs: readTypeDefs(), driver });
      await expect(neo4jGraphQL.checkNeo4jCompat({ driver })).resolves.toBeUndefined();
    } finally {
      await driver.close();
    }
  });

  it("listens on loopback only, sends no usage data, and enforces transaction timeouts within 100 ms", async () => {
    const driver = createDriver({ uri: testNeo4jUri() });
    try {
      const { records } = await driver.executeQuery(
        "SHOW SETTINGS YIELD name, value WHERE name IN ['dbms.usage_report.enabled', 'db.transaction.monitor.check.interval', 'server.bolt.listen_address'] RETURN name, value ORDER BY name",
      );
      expect(Object.fromEntries(records.map((record) => [record.get("name"), record.get("value")]))).toEqual({
        "db.transaction.monitor.check.interval": "100ms",
        "dbms.usage_report.enabled": "false",
        "server.bolt.listen_address": `127.0.0.1:${new URL(testNeo4jUri()).port}`,
      });
    } finally {
      await driver.close();
    }
  });

  it("refuses a Bolt port that is taken, saying which variable to change", async () => {
    const taken = Number(new URL(testNeo4jUri()).port);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-port-"));
    try {
      const attempt = startBundledNeo4j(bundledOptions(dataDir, taken));
      await expect(attempt).rejects.toThrow(BundledNeo4jError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${taken}.*PRASSI_BOLT_PORT`));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe("a service on its own bundled database", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-ready-"));
    let boltPort: number;
    let neo4j: BundledNeo4j | undefined;

    beforeAll(async () => {
      boltPort = await freePort();
      neo4j = await startBundledNeo4j(bundledOptions(dataDir, boltPort));
    });
    afterAll(async () => {
      await neo4j?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("goes unready while Neo4j is down, ready again when it returns with its data intact", async () => {
      const prassi = await startPrassi(loadConfig({ PORT: "0", NEO4J_URI: neo4j!.uri, LOG_LEVEL: "silent" }), log);
      const readyz = prassi.url.replace(/\/graphql$/, "/readyz");
      try {
        await prassi.driver.executeQuery("CREATE (:Catalog {id: 'kept-across-restarts'})");
        expect((await fetch(readyz)).status).toBe(200);

        await neo4j!.stop();
        const down = await fetch(readyz);
        expect(down.status).toBe(503);
        expect(await down.json()).toMatchObject({ status: "unavailable" });

        neo4j = await startBundledNeo4j(bundledOptions(dataDir, boltPort));
        expect((await fetch(readyz)).status).toBe(200);
        const { records } = await prassi.driver.executeQuery(
          "MATCH (c:Catalog {id: 'kept-across-restarts'}) RETURN count(c) AS n",
        );
        expect(records[0]!.get("n")).toBe(1);
      } finally {
        await prassi.stop();
      }
    });
  });
});
