import { LEAK } from "../../scripts/fuzz/runFuzz";
import { useTestService } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

const LINK_TARGET = `mutation { updatePractices(where: { id: { eq: "2023-011" } },
  update: { targets: [{ connect: [{ where: { node: { id: { eq: "donne" } } }, edge: { field: TARGETS } }] }] }) { practices { id } } }`;

async function answer(response: Response): Promise<{ status: number; body: Answer; text: string; type: string }> {
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Answer,
    text,
    type: response.headers.get("content-type") ?? "",
  };
}

describe("HTTP requests to /graphql, as a hostile or careless client sends them", () => {
  const service = useTestService({ JWT_SECRET: TEST_SECRET, PRASSI_RATE_LIMIT: "off" });

  it("refuses the nested similar-of-similar query with its cost in a short 400, before it runs, every time it is sent", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const { status, body, text } = await answer(
        await service.post({
          query: "{ practices { similar { similar { similar { similar { similar { id } } } } } } }",
        }),
      );
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "MAX_COST_EXCEEDED",
        cost: 2222220 + 50 + 1000,
        maxCost: 5000,
      });
      expect(text.length).toBeLessThan(1000);
    }
  });

  it("judges a document's cost for each request's variables: the same query accepted with a small page is refused with a large one", async () => {
    const query = "query Page($n: Int) { practices(limit: $n) { id stakeholders(limit: 100) { id } } }";
    for (const [n, status] of [
      [2, 200],
      [100, 400],
      [2, 200],
      [100, 400],
    ] as const) {
      const { status: answered, body } = await answer(await service.post({ query, variables: { n } }));
      expect({ n, answered, code: body.errors?.[0]?.extensions?.code }).toEqual({
        n,
        answered: status,
        code: status === 200 ? undefined : "MAX_COST_EXCEEDED",
      });
    }
  });

  it("answers a syntax error with 400 GRAPHQL_PARSE_FAILED, for both GraphQL-over-HTTP media types", async () => {
    for (const accept of ["application/json", "application/graphql-response+json"]) {
      const { status, body } = await answer(await service.post({ query: "{ practices { id " }, { accept }));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    }
  });

  it("refuses a document over the token limit as a parse error, not a 500", async () => {
    const { status, body } = await answer(
      await service.post({ query: `{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(" ")} }` }),
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors?.[0]?.message).toMatch(/more th\w+ 3000 tokens/);
  });

  it("answers invalid JSON, an empty or oversized body, a wrong media type or encoding and a wrong method with a JSON error, no stack and no path", async () => {
    const cases: Array<[Promise<Response>, number, string]> = [
      [service.post("{not json"), 400, "BAD_REQUEST"],
      [service.post(""), 400, "BAD_REQUEST"],
      [
        service.post(JSON.stringify({ query: `{ __typename }`, padding: "x".repeat(110_000) })),
        413,
        "PAYLOAD_TOO_LARGE",
      ],
      [service.post("not gzip", { "content-encoding": "gzip" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [
        service.post(JSON.stringify({ query: "{ __typename }" }), { "content-type": "text/plain" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [fetch(`${service.base}/graphql`, { method: "PUT", body: "{}" }), 405, "METHOD_NOT_ALLOWED"],
      [fetch(`${service.base}/../../etc/passwd`), 404, "NOT_FOUND"],
    ];
    for (const [request, status, code] of cases) {
      const response = await answer(await request);
      expect({ status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
      expect(response.type).toMatch(/^application\/json/);
      expect(response.text).not.toMatch(LEAK);
    }
    expect(service.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it("refuses negative or zero page arguments as BAD_USER_INPUT before they reach Cypher", async () => {
    for (const [query, field] of [
      ["{ practices(limit: -1) { id } }", "practices.limit"],
      ["{ practices(offset: -1) { id } }", "practices.offset"],
      ["{ practicesConnection(first: -1) { totalCount } }", "practicesConnection.first"],
      ["{ regions { practices(limit: 0) { id } } }", "practices.limit"],
      // A cursor this API never gave: base64 of "arrayconnection:-5".
      [
        '{ practicesConnection(first: 2, after: "YXJyYXljb25uZWN0aW9uOi01") { totalCount } }',
        "practicesConnection.after",
      ],
    ]) {
      const { status, body } = await answer(await service.post({ query }));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("serves a plain GET query (a widget's simple, cacheable request) but never a mutation over GET or a simple POST", async () => {
    const get = await fetch(
      `${service.base}/graphql?query=${encodeURIComponent('{ practices(where: { id: { eq: "2023-004" } }) { title } }')}`,
    );
    expect(get.status).toBe(200);
    expect(((await get.json()) as Answer).data).toEqual({ practices: [{ title: "JOB CLUB" }] });

    const bearer = `Bearer ${await editorToken()}`;
    const overGet = await fetch(`${service.base}/graphql?query=${encodeURIComponent(LINK_TARGET)}`, {
      headers: { authorization: bearer },
    });
    expect(overGet.status).toBe(405);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const simple = await service.post({ query: LINK_TARGET }, { "content-type": type, authorization: bearer });
      expect(simple.status).toBe(415);
    }
    const { records } = await service.prassi.driver.executeQuery(
      "MATCH (:Practice {id: '2023-011'})-[r:TARGETS]->(:TargetGroup {id: 'donne'}) RETURN count(r) AS n",
    );
    expect(records[0]!.get("n")).toBe(0);
  });

  it("answers CORS preflights and lets any origin read, without credentials", async () => {
    const preflight = await fetch(`${service.base}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://www.regione.example.it",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const read = await service.post({ query: "{ __typename }" }, { origin: "https://www.regione.example.it" });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses filters that are too wide or nest too deep, before planning them", async () => {
    const branch = (i: number) => ({
      stakeholders: { some: { practices: { some: { title: { contains: `x${i}` } } } } },
    });
    const wide = await answer(
      await service.post({
        query: "query ($w: PracticeWhere) { practices(where: $w) { id } }",
        variables: { w: { OR: Array.from({ length: 6 }, (_, i) => branch(i)) } },
      }),
    );
    expect(wide.status).toBe(400);
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "practices.where",
      reason: expect.stringMatching(/at most 10 relationship filters; this one holds 12/),
    });
    let deep: Record<string, unknown> = { id: { eq: "x" } };
    for (let level = 0; level < 1000; level++) deep = { AND: [deep] };
    const nested = await answer(
      await service.post({
        query: "query ($w: PracticeWhere) { practices(where: $w) { id } }",
        variables: { w: deep },
      }),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "variables" });
    expect(service.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it("names each request by an id of its own, logging the caller's beside it, and not by framework", async () => {
    const response = await service.post({ query: "{ __typename }" }, { "x-request-id": "portal-abc.123" });
    expect(response.headers.get("x-powered-by")).toBeNull();
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    expect(service.logs.find((line) => line.requestId === requestId && line.msg === "request")).toMatchObject({
      clientRequestId: "portal-abc.123",
      path: "/graphql",
      status: 200,
    });
  });

  it("accepts only HS256 editor tokens with a subject, an expiry and a bounded lifetime, and roles as an array, saying why not", async () => {
    const write = (bearer: string) => service.post({ query: "{ __typename }" }, { authorization: `Bearer ${bearer}` });
    const refusals: Array<[string, RegExp]> = [
      [await editorToken({ expires: null }), /no expiry/],
      [await editorToken({ alg: "HS512" }), /HS256/],
      [await editorToken({ expires: "30d" }), /at most 24 h/],
      // An issue time set late must not stretch the lifetime: ten years ahead, living one hour from there.
      [await editorToken({ issuedAt: 10 * 365 * 86400 - 3600, expires: "3650d" }), /issued in the future/],
      [await editorToken({ roles: "editor" }), /array of strings/],
      [await editorToken({ subject: null }), /no subject/],
      [await editorToken({ secret: "another-secret-that-is-long-enough-for-hs256" }), /signature/],
      [await editorToken({ expires: "-1m" }), /expired/],
      ["not-a-token", /malformed/],
    ];
    for (const [bearer, reason] of refusals) {
      const { status, body } = await answer(await write(bearer));
      expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
      expect(body.errors?.[0]?.message).toMatch(reason);
    }
    expect((await write(await editorToken())).status).toBe(200);
  });

  it("logs every write with the editor, the request id and each field it changed, through fragments, applied or not", async () => {
    const query = `mutation { ...Link duplicate: createTools(input: [{ id: "telegram", name: "Telegram, again" }]) { tools { id } } }
      fragment Link on Mutation { ${LINK_TARGET.replace(/^mutation \{/, "").replace(/\}\s*$/, "")} }`;
    const response = await service.post({ query }, { authorization: `Bearer ${await editorToken()}` });
    const { body } = await answer(response);
    expect(body.errors?.map((error) => (error as { path?: string[] }).path)).toEqual([["duplicate"]]);
    const requestId = response.headers.get("x-request-id");
    const audit = service.logs.find((line) => line.audit === "write" && line.requestId === requestId);
    expect(audit).toMatchObject({
      editor: "maria.rossi",
      changes: [
        { field: "updatePractices", applied: true },
        { field: "createTools", applied: false, errors: ["BAD_USER_INPUT"] },
      ],
    });
    expect(JSON.stringify(audit)).toContain('"eq":"2023-011"');
    expect(typeof audit?.time).toBe("number");
  });
});
