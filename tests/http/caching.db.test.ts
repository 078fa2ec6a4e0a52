import { createHash } from "node:crypto";
import { connectTestDatabase, resetDatabase } from "../support/database";
import { startTestService, type TestService } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

/** The freshness bound the service promises: the stamp is read once a second, plus the time of that read (a few ms, more on a loaded machine). */
const FRESH_WITHIN_MS = 1_000;
const POLL_MARGIN_MS = 500;

const TITLE = '{ practices(where: { id: { eq: "2023-004" } }) { id title } }';

function graphqlGet(
  service: TestService,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const url = new URL(`${service.base}/graphql`);
  for (const [key, value] of Object.entries(params))
    url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
  return fetch(url, { headers });
}

async function titleOn(service: TestService): Promise<{ title: string; hit: boolean }> {
  const response = await graphqlGet(service, { query: TITLE });
  const answer = (await response.json()) as Answer;
  const practices = answer.data?.practices as Array<{ title: string }>;
  return { title: practices[0]!.title, hit: response.headers.has("age") };
}

describe("caching across instances: the graph version stamp, the response cache, HTTP caching", () => {
  let a: TestService;
  let b: TestService;
  let bearer: string;
  const env = { JWT_SECRET: TEST_SECRET, PRASSI_RATE_LIMIT: "off", LOG_LEVEL: "info" };

  beforeAll(async () => {
    const driver = connectTestDatabase();
    await resetDatabase(driver);
    await driver.close();
    a = await startTestService(env);
    b = await startTestService(env);
    bearer = `Bearer ${await editorToken({ expires: "10m" })}`;
  });
  afterAll(async () => {
    await resetDatabase(a.prassi.driver);
    await b.stop();
    await a.stop();
  });

  it("shows a write through instance A on instance B's cached reads within a second of its acknowledgement, never later", async () => {
    // B answers from its cache before the write. Asked again until it does: its first answer may be stored under a
    // stamp about to move (the services' start advanced it less than a second before), or not yet stored.
    const before = await titleOn(b);
    let cached = await titleOn(b);
    for (const startedAt = Date.now(); !cached.hit && Date.now() - startedAt < 3_000; cached = await titleOn(b)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cached).toEqual({ title: before.title, hit: true });

    const newTitle = `${before.title} (rivista)`;
    const write = await a.post(
      {
        query: `mutation($title: String!) { updatePractices(where: { id: { eq: "2023-004" } }, update: { title: { set: $title } }) { practices { title } } }`,
        variables: { title: newTitle },
      },
      { authorization: bearer },
    );
    const acknowledged = Date.now();
    expect(((await write.json()) as Answer).errors).toBeUndefined();
    // The instance that wrote serves the new title at once.
    expect((await titleOn(a)).title).toBe(newTitle);

    const seen: Array<{ afterMs: number; title: string; hit: boolean }> = [];
    while (Date.now() - acknowledged < 3_000) {
      const asked = Date.now();
      seen.push({ afterMs: asked - acknowledged, ...(await titleOn(b)) });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const firstNew = seen.find((answer) => answer.title === newTitle);
    expect(firstNew).toBeDefined();
    expect(firstNew!.afterMs).toBeLessThanOrEqual(FRESH_WITHIN_MS + POLL_MARGIN_MS);
    // Every answer asked after the bound is the new one, and B caches it again.
    const late = seen.filter((answer) => answer.afterMs > FRESH_WITHIN_MS + POLL_MARGIN_MS);
    expect(late.length).toBeGreaterThan(10);
    expect(late.filter((answer) => answer.title !== newTitle)).toEqual([]);
    expect(late.some((answer) => answer.hit)).toBe(true);
    process.stdout.write(
      `instance B served the write ${firstNew!.afterMs} ms after its acknowledgement (${seen.length} reads in 3 s)\n`,
    );
  });

  it("never answers a request with a token from the shared cache, nor stores its answer there", async () => {
    const query = '{ practices(where: { id: { eq: "2023-007" } }) { id title } }';
    await graphqlGet(b, { query });
    const publicHit = await graphqlGet(b, { query });
    expect(publicHit.headers.get("age")).not.toBeNull();

    // A token read after public reads of the same query: executed, not served from the cache.
    const withToken = await graphqlGet(b, { query }, { authorization: bearer });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("age")).toBeNull();
    expect(withToken.headers.get("cache-control")).toBe("no-store");

    // A query asked first with a token, then publicly: the token read left nothing for the public one to be served.
    const other = '{ practices(where: { id: { eq: "2023-008" } }) { id title } }';
    for (let i = 0; i < 3; i++)
      expect((await graphqlGet(b, { query: other }, { authorization: bearer })).headers.get("age")).toBeNull();
    const firstPublic = await graphqlGet(b, { query: other });
    expect(firstPublic.headers.get("age")).toBeNull();
    expect((await graphqlGet(b, { query: other })).headers.get("age")).not.toBeNull();
  });

  it("says in Cache-Control what may be kept: public reads for 60 s, nothing with a token, an error or a mutation", async () => {
    const anonymous = await graphqlGet(a, { query: TITLE });
    expect(anonymous.headers.get("cache-control")).toBe("max-age=60, public");
    const posted = await a.post({ query: TITLE });
    expect(posted.headers.get("cache-control")).toBe("max-age=60, public");

    expect((await graphqlGet(a, { query: TITLE }, { authorization: bearer })).headers.get("cache-control")).toBe(
      "no-store",
    );
    const unknown = await graphqlGet(a, { query: '{ regionProfile(region: "Atlantide") { practiceCount } }' });
    expect(((await unknown.json()) as Answer).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    expect((await graphqlGet(a, { query: "{ practices { nope } }" })).headers.get("cache-control")).toBe("no-store");

    const mutation = `mutation { updatePractices(where: { id: { eq: "2023-001" } }, update: { period: { set: "2019-" } }) { practices { id } } }`;
    const written = await a.post({ query: mutation }, { authorization: bearer });
    expect(((await written.json()) as Answer).errors).toBeUndefined();
    expect(written.headers.get("cache-control")).toBe("no-store");
    // Refused without a token: no-store, and the refusal is not a change (the stamp does not move).
    const refused = await a.post({ query: mutation });
    expect(((await refused.json()) as Answer).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a GET whose ETag the client holds with 304 and no body", async () => {
    const first = await graphqlGet(a, { query: TITLE });
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // As a browser revalidates (fetch would otherwise add Cache-Control: no-cache to a conditional request, asking
    // for the whole answer again).
    const again = await graphqlGet(a, { query: TITLE }, { "if-none-match": etag!, "cache-control": "max-age=0" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await graphqlGet(
      a,
      { query: TITLE },
      { "if-none-match": 'W/"something-else"', "cache-control": "max-age=0" },
    );
    expect(changed.status).toBe(200);
  });

  it("compresses an answer for a client that accepts gzip, and not for one that does not", async () => {
    const query = "{ practices(limit: 16) { id title summary activities } }";
    const gzipped = await graphqlGet(a, { query }, { "accept-encoding": "gzip" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toMatch(/accept-encoding/i);
    expect((((await gzipped.json()) as Answer).data?.practices as unknown[]).length).toBe(16);
    const plain = await graphqlGet(a, { query }, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("serves the widget's query as a GET automatic persisted query, under the same cost limits", async () => {
    const query =
      "query Widget($id: ID!) { similarPractices(id: $id, limit: 3) { score practice { id title regions { name } } } }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    const variables = { id: "2023-004" };

    const unknown = await graphqlGet(a, { variables, extensions });
    expect(((await unknown.json()) as Answer).errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toMatch(/no-cache|no-store/);
    const registered = await graphqlGet(a, { query, variables, extensions });
    expect(((await registered.json()) as Answer).data?.similarPractices).toHaveLength(3);
    const byHash = await graphqlGet(a, { variables, extensions });
    expect(byHash.headers.get("cache-control")).toBe("max-age=60, public");
    expect(((await byHash.json()) as Answer).data?.similarPractices).toHaveLength(3);

    const costly = "{ practices(limit: 100) { similar(limit: 10) { similar(limit: 10) { id } } } }";
    const costlyExtensions = {
      persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(costly).digest("hex") },
    };
    const refused = await graphqlGet(a, { query: costly, extensions: costlyExtensions });
    expect(((await refused.json()) as Answer).errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
    const refusedByHash = await graphqlGet(a, { extensions: costlyExtensions });
    expect(((await refusedByHash.json()) as Answer).errors?.[0]?.extensions?.code).toMatch(
      /MAX_COST_EXCEEDED|PERSISTED_QUERY_NOT_FOUND/,
    );
  });
});
