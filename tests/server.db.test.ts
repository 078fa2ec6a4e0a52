import { startPrassi, type Prassi } from "../src/app";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { resetDatabase } from "./support/database";
import { testNeo4jUri } from "./support/database";

describe("the Prassi service on the shared test Neo4j", () => {
  let prassi: Prassi;
  const base = () => prassi.url.replace(/\/graphql$/, "");

  beforeAll(async () => {
    prassi = await startPrassi(
      loadConfig({ PORT: "0", NEO4J_URI: testNeo4jUri(), LOG_LEVEL: "silent" }),
      createLogger("silent"),
    );
    await resetDatabase(prassi.driver);
  });
  afterAll(async () => {
    await resetDatabase(prassi.driver);
    await prassi.stop();
  });

  it("answers a GraphQL query over HTTP with data read from Neo4j", async () => {
    await prassi.driver.executeQuery("CREATE (:Region {nuts: 'ITC3', name: 'Liguria', istat: '07'})");
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ regions(where: { nuts: { eq: "ITC3" } }) { nuts name } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { regions: [{ nuts: "ITC3", name: "Liguria" }] } });
  });

  it("reports a malformed query as a GraphQL error, not a crash", async () => {
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ regions { nope } }" }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toMatch(/Cannot query field "nope" on type "Region"/);
  });

  it("refuses a query nested deeper than the limit, saying so", async () => {
    const deep =
      "{ regions { practices { regions { practices { regions { practices { regions { practices { regions { practices { regions { practices { id } } } } } } } } } } } } }";
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: deep }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string }>; data?: unknown };
    expect(body.errors[0]!.message).toMatch(/depth/i);
    expect(body.data).toBeUndefined();
  });

  it("is alive on /healthz and ready on /readyz while Neo4j answers", async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("has a uniqueness constraint for every node key and the Italian full-text index", async () => {
    const { records } = await prassi.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] + '.' + reduce(key = '', property IN properties | key + CASE key WHEN '' THEN '' ELSE '+' END + property) AS key",
    );
    expect(records.map((record) => record.get("key")).sort()).toEqual(
      [
        "Catalog.id",
        "Cpi.id",
        "FundingSource.id",
        "Law.id",
        "Lep.code",
        "NodeAlias.type+from",
        "Practice.id",
        "Region.nuts",
        "Stakeholder.id",
        "TargetGroup.id",
        "Tool.id",
      ].sort(),
    );
    const fulltext = await prassi.driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, state, options RETURN name, state, options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    expect(fulltext.records.map((record) => record.toObject())).toEqual([
      { name: "practice_card_text", state: "ONLINE", analyzer: "italian" },
    ]);
  });
});
