import type { Driver } from "neo4j-driver";
import { connectTestDatabase, resetDatabase } from "../support/database";
import { eventually, startTestService, type TestService } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

/**
 * 3,000 practices each involving 20 of 50 stakeholders: a filter that goes from the practices to their stakeholders
 * and back to practices explores 3,000 × 20 × 1,200 paths when nothing matches. Accepted (two relationships, a
 * count), it runs for as long as the database lets it.
 */
async function createSlowGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(
    "UNWIND range(1, 50) AS s CREATE (:Stakeholder {id: 'slow-s-' + s, name: 'S' + s, kind: 'OTHER'})",
  );
  await driver.executeQuery(`
    UNWIND range(1, 3000) AS i
    CREATE (p:Practice {id: 'slow-' + i, title: 'Slow ' + i, catalogNumber: i, printedNumber: '1', summary: '', territorialLevel: 'LOCAL',
                        ongoing: true, anpalSupport: 'NO', sourceStartLine: 1, sourceEndLine: 1})
    WITH p, i UNWIND range(0, 19) AS k
    MATCH (s:Stakeholder {id: 'slow-s-' + ((i + k * 7) % 50 + 1)})
    CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS', line: 1}]->(s)`);
}
const SLOW_QUERY =
  '{ practicesConnection(where: { stakeholders: { some: { practices: { some: { title: { eq: "none" } } } } } }) { totalCount } }';

/** Transactions of requests to the service (they carry a request id), as Neo4j runs them now. */
async function requestTransactions(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId IS NOT NULL RETURN count(*) AS n",
  );
  return records[0]!.get("n");
}

describe("limits of the service, as configured", () => {
  let driver: Driver;
  let service: TestService | undefined;
  const start = async (env: Record<string, string>) =>
    (service = await startTestService({ PRASSI_RATE_LIMIT: "off", ...env }));

  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });
  afterAll(async () => {
    await resetDatabase(driver);
    await driver.close();
  });

  it("listens on 127.0.0.1 unless HOST says otherwise", async () => {
    const { prassi } = await start({});
    expect(new URL(prassi.url).hostname).toBe("127.0.0.1");
  });

  it("replaces a response over the size cap with an error that says so", async () => {
    const { post } = await start({ PRASSI_MAX_RESPONSE_BYTES: "4000" });
    const response = await post({ query: "{ practices(limit: 16) { id summary } }" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Answer;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE" });
    expect(body.errors?.[0]?.message).toMatch(/over the limit of 4000/);
    expect((await post({ query: "{ practices(limit: 2) { id } }" })).status).toBe(200);
  });

  it("limits requests per client address, writes more strictly, behind a trusted proxy per forwarded client", async () => {
    const { post } = await start({
      PRASSI_RATE_LIMIT: "on",
      PRASSI_RATE_LIMIT_READS: "3",
      PRASSI_RATE_LIMIT_WRITES: "1",
      PRASSI_TRUST_PROXY: "loopback",
      JWT_SECRET: TEST_SECRET,
    });
    const from = (client: string) => post({ query: "{ __typename }" }, { "x-forwarded-for": client });
    expect([(await from("10.0.0.1")).status, (await from("10.0.0.1")).status, (await from("10.0.0.1")).status]).toEqual(
      [200, 200, 200],
    );
    const refused = await from("10.0.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as Answer).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // Another client behind the same proxy has its own budget.
    expect((await from("10.0.0.2")).status).toBe(200);

    const editor = await editorToken();
    const write = () =>
      post(
        {
          query:
            'mutation { updatePractices(where: { id: { eq: "2023-001" } }, update: { period: { set: "2008-" } }) { practices { id } } }',
        },
        {
          "x-forwarded-for": "10.0.0.3",
          authorization: `Bearer ${editor}`,
        },
      );
    expect((await write()).status).toBe(200);
    const second = await write();
    expect(second.status).toBe(429);
    expect(((await second.json()) as Answer).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("charges costly queries more of the budget, and limits the requests a client has in flight", async () => {
    const { post } = await start({ PRASSI_RATE_LIMIT: "on", PRASSI_RATE_LIMIT_READS: "30" });
    // 100 practices with up to 45 stakeholders each: a cost of 4,850, so 1 + 19 points of the 30.
    const heavy = () => post({ query: "{ practices(limit: 100) { id stakeholders(limit: 45) { id } } }" });
    expect((await heavy()).status).toBe(200);
    const second = await heavy();
    expect(second.status).toBe(429);
    expect(((await second.json()) as Answer).errors?.[0]?.message).toMatch(/costly queries/);

    await service?.stop();
    const { post: postAgain } = await start({ PRASSI_RATE_LIMIT: "on", PRASSI_MAX_REQUESTS_IN_FLIGHT: "2" });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        postAgain({ query: '{ regionProfile(region: "Liguria") { practiceCount } }' }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
  });

  it("does not believe X-Forwarded-For from a proxy it was not told to trust", async () => {
    const { post } = await start({ PRASSI_RATE_LIMIT: "on", PRASSI_RATE_LIMIT_READS: "2" });
    const statuses = [];
    for (const client of ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
      statuses.push((await post({ query: "{ __typename }" }, { "x-forwarded-for": client })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("restricts browsers to PRASSI_CORS_ORIGINS when it is set", async () => {
    const { base, post } = await start({ PRASSI_CORS_ORIGINS: "https://www.regione.liguria.it" });
    const preflight = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    expect((await preflight("https://www.regione.liguria.it")).headers.get("access-control-allow-origin")).toBe(
      "https://www.regione.liguria.it",
    );
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const read = (origin: string) =>
      post({ query: "{ __typename }" }, { origin }).then((response) =>
        response.headers.get("access-control-allow-origin"),
      );
    expect(await read("https://www.regione.liguria.it")).toBe("https://www.regione.liguria.it");
    expect(await read("https://evil.example")).toBeNull();
  });

  describe("outside development mode", () => {
    beforeAll(() => driver.executeQuery("CREATE (:Practice {id: 'broken', catalogNumber: 0})"));
    afterAll(() => driver.executeQuery("MATCH (p:Practice {id: 'broken'}) DETACH DELETE p"));

    it("masks an internal error down to a request id that the log line of its cause also has", async () => {
      const { post, logs } = await start({});
      const response = await post({ query: '{ practices(where: { id: { eq: "broken" } }) { title } }' });
      const body = (await response.json()) as Answer;
      const error = body.errors?.[0];
      expect(error?.message).toBe("Internal error: the server could not answer this field; it has been logged");
      expect(error?.extensions).toEqual({
        code: "INTERNAL_SERVER_ERROR",
        requestId: response.headers.get("x-request-id"),
      });
      const logged = logs.find(
        (line) => line.msg === "unexpected error" && line.requestId === error?.extensions?.requestId,
      );
      expect(JSON.stringify(logged)).toMatch(/Cannot return null for non-nullable field Practice\.title/);
    });

    it("tells a developer the cause in development mode", async () => {
      const { post } = await start({ NODE_ENV: "development" });
      const body = (await (
        await post({ query: '{ practices(where: { id: { eq: "broken" } }) { title } }' })
      ).json()) as Answer;
      expect(body.errors?.[0]?.extensions?.cause).toMatch(/non-nullable field Practice\.title/);
    });
  });

  describe("on a graph where a filter can run long", () => {
    beforeAll(() => createSlowGraph(driver));

    it("has Neo4j stop a query at the transaction timeout, and says so", async () => {
      const { post } = await start({ PRASSI_QUERY_TIMEOUT_MS: "500" });
      const response = await post({ query: SLOW_QUERY });
      const body = (await response.json()) as Answer;
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TIMEOUT");
      expect(body.errors?.[0]?.message).toMatch(/after 500 ms/);
    });

    it("terminates the database work of a request whose client went away", async () => {
      const { post } = await start({ PRASSI_QUERY_TIMEOUT_MS: "60000" });
      const client = new AbortController();
      const request = post({ query: SLOW_QUERY }, {}, client.signal).catch(() => "aborted");
      await eventually("the query runs in Neo4j", async () => (await requestTransactions(driver)) === 1);
      client.abort();
      expect(await request).toBe("aborted");
      await eventually("its transaction is gone", async () => (await requestTransactions(driver)) === 0, 3_000);
    });

    it("stops a request at its deadline, answering 503 and terminating its work", async () => {
      const { post } = await start({ PRASSI_QUERY_TIMEOUT_MS: "60000", PRASSI_REQUEST_TIMEOUT_MS: "1000" });
      const response = await post({ query: SLOW_QUERY });
      expect(response.status).toBe(503);
      expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe("QUERY_TIMEOUT");
      await eventually("its transaction is gone", async () => (await requestTransactions(driver)) === 0, 3_000);
    });
  });
});
