/**
 * Malformed and hostile requests to /graphql, by kind: what a careless client, a scanner or an attacker sends. Each
 * kind draws its requests from a seeded random source, so a run can be repeated exactly.
 */
import { SignJWT } from "jose";

export type HostileRequest = {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
};
type Random = () => number;
type Generator = (
  random: Random,
  context: { secret: string },
) => Promise<Omit<HostileRequest, "kind">> | Omit<HostileRequest, "kind">;

const JSON_TYPE = { "content-type": "application/json" };
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  path: "/graphql",
  headers: { ...JSON_TYPE, ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const get = (query: string) => ({ method: "GET", path: `/graphql?${query}`, headers: {} });

/** Valid operations the hostile ones are cut, bent and nested from. */
const VALID = [
  '{ similarPractices(id: "2023-004", limit: 3) { score practice { id title } reasons { kind weight shared { id name } } } }',
  '{ practices(where: { leps: { some: { code: { eq: "O" } } } }, limit: 5) { id title stakeholders { name } } }',
  '{ regionProfile(region: "Liguria") { practiceCount gaps { lep { code } models { id } } } }',
  '{ searchPractices(text: "collocamento mirato", limit: 5) { score practice { id } } }',
  '{ practicePath(from: "2023-004", to: "2023-012") { position kind name link } }',
  "{ practicesConnection(first: 3) { totalCount edges { node { id } } } }",
];
/** Lists of practices reached from a practice: [what opens the level, what closes it after the inner braces]. */
const LIST_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ["similar", ""],
  ["inspired", ""],
  ["stakeholders { practices", " }"],
  ["regions { practices", " }"],
  ["targets { practices", " }"],
];

function nested(depth: number, level: () => readonly [string, string]): string {
  let query = "id";
  for (let i = 0; i < depth; i++) {
    const [open, close] = level();
    query = `${open} { ${query} }${close}`;
  }
  return query;
}

function token(
  claims: Record<string, unknown>,
  secret: string,
  options: { alg?: string; expires?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? "HS256" }).setIssuedAt();
  if (options.expires !== null) jwt = jwt.setExpirationTime(options.expires ?? "10m");
  return jwt.sign(new TextEncoder().encode(secret));
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export const KINDS: Record<string, Generator> = {
  "invalid JSON": (random) => {
    const valid = JSON.stringify({ query: pick(random, VALID) });
    return post(
      pick(random, [
        valid.slice(0, between(random, 1, valid.length - 1)),
        "{query:",
        "\u0000\u0001\u0002",
        "{'query': '{ x }'}",
        '{"query": "{ x }",}',
      ]),
    );
  },
  "JSON that is not an object": (random) => post(pick(random, ["[]", "1", '"{ __typename }"', "null", "true", "[{}]"])),
  "query of the wrong type": (random) => post({ query: pick(random, [42, null, { a: 1 }, ["{ x }"], true, ""]) }),
  "syntax errors": (random) => {
    const valid = pick(random, VALID);
    const cut = between(random, 1, valid.length - 2);
    return post({
      query: pick(random, [
        valid.slice(0, cut),
        `${valid.slice(0, cut)}}}}${valid.slice(cut)}`,
        `${valid}"`,
        valid.replace(/\{/g, "("),
      ]),
    });
  },
  "token floods": (random) =>
    post({
      query: `{ ${Array.from({ length: between(random, 1600, 6000) }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    }),
  "deep nesting": (random) =>
    post({
      query: `{ practices { ${nested(between(random, 12, 60), () => pick(random, LIST_FIELDS.slice(0, 2)))} } }`,
    }),
  "alias floods": (random) =>
    post({
      query: `{ ${Array.from({ length: between(random, 31, 300) }, (_, i) => `a${i}: practices(limit: 1) { id }`).join(" ")} }`,
    }),
  "cost bombs": (random) =>
    post({ query: `{ practices { ${nested(between(random, 3, 5), () => pick(random, LIST_FIELDS))} } }` }),
  "bad page arguments": (random) => {
    const value = pick(random, ["-1", "0", "-2147483648", "2147483648", "1.5", '"10"', "null"]);
    return post({
      query: `{ ${pick(random, [`practices(limit: ${value})`, `practices(offset: ${value})`, `practicesConnection(first: ${value})`, `similarPractices(id: "2023-004", limit: ${value})`])} { __typename } }`,
    });
  },
  "filters through too many relationships": (random) => {
    const chain = Array.from({ length: between(random, 3, 12) }, () =>
      pick(random, ["stakeholders", "leps", "targets"]),
    );
    const where = chain.reduceRight(
      (inner, relationship) => `{ ${relationship}: { some: { practices: { some: ${inner} } } } }`,
      '{ id: { eq: "x" } }',
    );
    return post({ query: `{ practices(where: ${where}) { id } }` });
  },
  "bad variables": (random) =>
    post({
      query: "query ($id: ID!, $n: Int) { similarPractices(id: $id, limit: $n) { score } }",
      variables: pick(random, [
        { id: 1, n: "x" },
        "not an object",
        [1, 2],
        { n: 3 },
        { id: { nested: true } },
        // eslint-disable-next-line no-loss-of-precision -- a number past a double's range, on purpose
        { id: "2023-004", n: 1e309 },
      ]),
    }),
  "unknown or ambiguous operations": (random) =>
    post(
      pick(random, [
        { query: "query A { __typename } query B { __typename }" },
        { query: "query A { __typename }", operationName: "Z" },
        { query: "subscription { x }" },
      ]),
    ),
  "wrong content types": (random) => ({
    ...post({ query: pick(random, VALID) }),
    headers: {
      "content-type": pick(random, [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/graphql",
        "",
      ]),
    },
  }),
  "wrong methods": (random) => ({
    method: pick(random, ["PUT", "DELETE", "PATCH"]),
    path: "/graphql",
    headers: JSON_TYPE,
    body: JSON.stringify({ query: "{ __typename }" }),
  }),
  "bad tokens": async (random, { secret }) => {
    const bearer = pick(random, [
      () => Promise.resolve("garbage"),
      () => Promise.resolve(`${base64url({ alg: "none" })}.${base64url({ roles: ["editor"], exp: 9999999999 })}.`),
      () => token({ roles: ["editor"] }, secret, { alg: "HS512" }),
      () => token({ roles: ["editor"] }, secret, { expires: null }),
      () => token({ roles: ["editor"] }, secret, { expires: "-1h" }),
      () => token({ roles: "editor" }, secret),
      () => token({ roles: ["editor"] }, secret, { expires: "400d" }),
      () => Promise.resolve("x".repeat(8000)),
    ])();
    return post(
      { query: "mutation { deletePractices(where: {}) { nodesDeleted } }" },
      { authorization: `Bearer ${await bearer}` },
    );
  },
  "writes without a token, or over GET": (random) =>
    pick(random, [
      post({ query: 'mutation { deletePractices(where: { id: { eq: "2023-004" } }) { nodesDeleted } }' }),
      get(`query=${encodeURIComponent("mutation { deletePractices(where: {}) { nodesDeleted } }")}`),
    ]),
  "oversized bodies": (random) =>
    post({ query: "{ __typename }", padding: "x".repeat(between(random, 1_050_000, 2_000_000)) }),
  "unknown paths": (random) => ({
    method: pick(random, ["GET", "POST"]),
    path: pick(random, [
      "/",
      "/graphql/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      `/${"a".repeat(2000)}`,
      "/graphql.php",
      "/.env",
      "/admin",
    ]),
    headers: {},
  }),
  "malformed GETs": (random) =>
    get(
      pick(random, [
        "query=%E0%A4%A",
        "query={__typename}&variables={bad",
        "query=%7B__typename%7D&extensions=%7B",
        "variables=%7B%7D",
        "query=",
        `query=${"%7B".repeat(3000)}`,
      ]),
    ),
  "wrong charsets": (random) => ({
    ...post({ query: "{ __typename }" }),
    headers: {
      "content-type": `application/json; charset=${pick(random, ["latin1", "utf-16", "ebcdic", "x-unknown"])}`,
    },
  }),
  "directive abuse": (random) =>
    post({
      query: `{ __typename ${Array.from({ length: between(random, 21, 200) }, () => pick(random, ["@include(if: true)", "@skip(if: false)", "@unknown", '@skip(if: "yes")'])).join(" ")} }`,
    }),
  "batched operations": (random) =>
    post(Array.from({ length: between(random, 2, 50) }, () => ({ query: pick(random, VALID) }))),
  "odd discovery arguments": (random) =>
    post({
      query: pick(random, [
        `{ similarPractices(id: "${"9".repeat(between(random, 1, 500))}") { score } }`,
        `{ searchPractices(text: "${pick(random, ["*", "?", "~", "\\\\", "AND OR NOT", "((((", '\\"', "a".repeat(300)])}") { score } }`,
        `{ practicePath(from: "2023-001", to: "2023-016", maxHops: ${pick(random, [0, 9, -1, 100])}) { id } }`,
        `{ regionProfile(region: "${pick(random, ["Atlantide", "", " ", "ITC", "'; DROP"])}") { practiceCount } }`,
        `{ replicableModels(region: "Veneto", lep: ["${pick(random, ["Z9", "", "f1", "'"])}"]) { score } }`,
      ]),
    }),
  "introspection probes": (random) =>
    post({
      query: pick(random, [
        "{ __schema { types { name } } }",
        '{ __type(name: "Nope") { name } }',
        "{ __typename __schema { queryType { fields { name } } } }",
      ]),
    }),
  "expensive within the budget": (random) => {
    const aliases = (count: number, field: (i: number) => string) =>
      Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(" ");
    const practice = () => `2023-${String(between(random, 1, 16)).padStart(3, "0")}`;
    const texts = "title summary objectives activities humanResources results outcomes lessons conclusions";
    // Each as many as the default budget (5,000) accepts, by the cost rules of docs/operations.md.
    return post({
      query: pick(random, [
        `{ practices(limit: 100) { ${texts} stakeholders(limit: 45) { id name } } }`,
        `{ practicesConnection(first: 100) { totalCount edges { node { id stakeholders(limit: 45) { id name } } } } }`,
        `{ ${aliases(13, () => `practicePath(from: "${practice()}", to: "${practice()}", maxHops: 8) { id practice { id } }`)} }`,
        `{ ${aliases(8, (i) => `regionProfile(region: "${["Liguria", "Campania", "Lazio", "Sardegna", "Veneto"][i % 5]}") { practiceCount gaps { lep { code } models { id title } } targetGroups { targetGroup { id } } }`)} }`,
        `{ ${aliases(6, () => `searchPractices(text: "${pick(random, ["lavoro", "giovani", "collocamento mirato", "impresa", "donne"])}", limit: 50) { score practice { id title } }`)} }`,
        `{ ${aliases(12, () => `replicableModels(region: "${pick(random, ["Veneto", "Liguria", "Puglia"])}", limit: 50) { score practice { id title } reasons { shared { id } } }`)} }`,
        `{ ${aliases(30, () => `practices(where: { stakeholders: { some: { practices: { some: { title: { contains: "${pick(random, ["a", "e", "zz"])}" } } } } } }) { id }`)} }`,
        `{ ${aliases(30, () => `similarPractices(id: "${practice()}", limit: 50, lens: ${pick(random, ["BALANCED", "ACTORS", "SERVICES"])}) { score practice { id title } reasons { kind weight shared { id name } } }`)} }`,
      ]),
    });
  },
  "queries of a new shape each": (random) => {
    // A new shape is a new Cypher statement to plan: the plan cache cannot help.
    const fields = [
      "id",
      "title",
      "summary",
      "scope",
      "period",
      "driver",
      "objectives",
      "results",
      "startYear",
      "ongoing",
      "anpalSupport",
    ];
    const some = () => fields.filter(() => random() < 0.5).join(" ") || "id";
    const shape = () =>
      `practices(limit: 1) { ${some()} stakeholders(limit: 1) { name practices(limit: 1) { ${some()} regions(limit: 1) { name cpis(limit: 1) { id } } } } }`;
    return post({
      query: `{ ${Array.from({ length: between(random, 1, 30) }, (_, i) => `a${i}: ${shape()}`).join(" ")} }`,
    });
  },
  "wide and deep filters": (random) => {
    const branch = (i: number) => ({
      stakeholders: { some: { practices: { some: { title: { contains: `x${i}` } } } } },
    });
    let deep: Record<string, unknown> = { id: { eq: "x" } };
    for (let level = between(random, 17, 2000); level > 0; level--) deep = { AND: [deep] };
    const where = pick(random, [{ OR: Array.from({ length: between(random, 6, 3000) }, (_, i) => branch(i)) }, deep]);
    return post({ query: "query ($w: PracticeWhere) { practices(where: $w) { id } }", variables: { w: where } });
  },
  "forged cursors": (random) => {
    const cursor = Buffer.from(
      pick(random, [
        "arrayconnection:-5",
        "arrayconnection:99999999999999999999",
        "arrayconnection:abc",
        "nonsense",
        "",
      ]),
    ).toString("base64");
    return post({
      query: `{ practicesConnection(first: 2, ${pick(random, ["after", "before"])}: "${cursor}") { totalCount edges { node { id } } } }`,
    });
  },
  "compressed bodies": (random) => ({
    ...post({ query: "{ __typename }" }),
    headers: { ...JSON_TYPE, "content-encoding": pick(random, ["gzip", "deflate", "br", "x-unknown"]) },
  }),
  "strange text": (random) =>
    post({
      query: `{ searchPractices(text: "${pick(random, ["\\u0000", "👩‍💼".repeat(50), "\\uD800", "é".repeat(150)])}") { score } }`,
    }),
};

/** `count` requests, spread evenly over the kinds (or only those named), drawn from `seed`. */
export async function hostileRequests(
  count: number,
  seed: number,
  secret: string,
  only?: string[],
): Promise<HostileRequest[]> {
  let state = seed;
  const random: Random = () => {
    // mulberry32: small, fast, good enough to vary requests
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const kinds = Object.entries(KINDS).filter(([kind]) => !only || only.includes(kind));
  if (kinds.length === 0)
    throw new Error(`no such kind: ${only?.join(", ")}; the kinds are: ${Object.keys(KINDS).join(", ")}`);
  const requests: HostileRequest[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, generate] = kinds[i % kinds.length]!;
    requests.push({ kind, ...(await generate(random, { secret })) });
  }
  return requests;
}
