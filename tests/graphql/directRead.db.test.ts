import fs from "node:fs";
import path from "node:path";
import {
  getNamedType,
  graphql,
  isLeafType,
  isListType,
  isObjectType,
  getNullableType,
  type ExecutionResult,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { Driver } from "neo4j-driver";
import { createContext } from "../../src/graphql/context";
import { readNodeModel } from "../../src/graphql/directRead/model";
import { createLoaders } from "../../src/graphql/loaders";
import { buildSchema, readTypeDefs } from "../../src/graphql/schema";
import { loadCatalogue } from "../../src/ingest/load";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { createLogger } from "../../src/logger";
import { recomputeSimilarity } from "../../src/similarity";
import { graphOn } from "../../src/neo4j/graph";
import { countingDriver } from "../support/countingDriver";
import { connectTestDatabase, resetDatabase } from "../support/database";

const QUERIES_DIR = path.resolve(__dirname, "../../docs/queries");
const WIDGET = `query Widget($id: ID!) { similarPractices(id: $id, limit: 5) { score practice { id title regions { name } } reasons { kind weight shared { id name } } } }`;
const log = createLogger("silent");

/** What one request sent to the database: the statements of the request's reader, and those of generated queries. */
type Trace = {
  reads: Array<{ cypher: string; requestId?: string; timeout?: number; started: number; ended?: number }>;
  generated: number;
};

/** A small seeded generator, so that the "random" selections are the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("nodes of discovery answers read directly, as the generated API answers them", () => {
  let driver: Driver;
  let schema: GraphQLSchema;
  let practiceIds: string[];
  /** Orders the starts and ends of statements. */
  let sequence = 0;

  /** Runs one request; `direct: false` resolves every node through the generated API (delegation), as before. */
  async function ask<T = Record<string, unknown>>(
    source: string,
    options: { direct?: boolean; variables?: Record<string, unknown> } = {},
  ): Promise<{ result: ExecutionResult<T>; trace: Trace }> {
    const trace: Trace = { reads: [], generated: 0 };
    const reading = new Proxy(driver, {
      get(target, property) {
        if (property === "executeQuery") {
          return (
            cypher: string,
            parameters: unknown,
            config: { transactionConfig?: { timeout?: number; metadata?: { requestId?: string } } },
          ) => {
            const read: Trace["reads"][number] = {
              cypher,
              requestId: config?.transactionConfig?.metadata?.requestId,
              timeout: config?.transactionConfig?.timeout,
              started: sequence++,
            };
            trace.reads.push(read);
            return target
              .executeQuery(cypher, parameters as Record<string, unknown>, config as never)
              .finally(() => (read.ended = sequence++));
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const generated = countingDriver(driver);
    const context = createContext(
      { graph: graphOn(reading), queryTimeoutMs: 10_000 },
      { scope: { requestId: "direct-read-test", log, signal: new AbortController().signal }, clientAddress: "test" },
    );
    const contextValue = {
      ...context,
      executionContext: generated.driver,
      ...(options.direct === false ? { loaders: createLoaders(context.reader, { directNodeReads: false }) } : {}),
    };
    const result = (await graphql({
      schema,
      source,
      variableValues: options.variables,
      contextValue,
    })) as ExecutionResult<T>;
    trace.generated = generated.count();
    return { result, trace };
  }

  /** The answer read directly and the answer through delegation, which must be the same. */
  async function bothWays(source: string, variables?: Record<string, unknown>) {
    const direct = await ask(source, { variables });
    const delegated = await ask(source, { variables, direct: false });
    expect(direct.result.errors).toBeUndefined();
    expect(delegated.result.errors).toBeUndefined();
    expect(JSON.stringify(direct.result.data)).toBe(JSON.stringify(delegated.result.data));
    return { direct, delegated };
  }

  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
    await loadCatalogue(graphOn(driver), readSeedCatalogues()[0]!);
    await recomputeSimilarity(graphOn(driver));
    ({ schema } = await buildSchema(driver));
    const { records } = await driver.executeQuery("MATCH (p:Practice) RETURN p.id AS id ORDER BY id");
    practiceIds = records.map((record) => record.get("id") as string);
    // @neo4j/graphql asks the database's version once, at its first request: not a statement of the ones counted.
    await ask("{ practices(limit: 1) { id } }");
  });
  afterAll(async () => {
    await resetDatabase(driver);
    await driver.close();
  });

  it("describes the node types as the type definitions do: labels, properties, relationships with direction and target, pages", () => {
    const model = readNodeModel(readTypeDefs());
    const practice = model.get("Practice")!;
    expect(practice.label).toBe("Practice");
    expect([...practice.properties]).toEqual(
      expect.arrayContaining(["id", "title", "summary", "territorialLevel", "ongoing", "startYear", "sourceEndLine"]),
    );
    expect(practice.properties.has("transferability")).toBe(false);
    expect(practice.relationships.get("regions")).toEqual({
      type: "IN_REGION",
      direction: "OUT",
      target: "Region",
      list: true,
    });
    expect(practice.relationships.get("inspired")).toEqual({
      type: "BUILDS_ON",
      direction: "IN",
      target: "Practice",
      list: true,
    });
    expect(practice.relationships.get("catalog")).toEqual({
      type: "LISTED_IN",
      direction: "OUT",
      target: "Catalog",
      list: false,
    });
    expect([...practice.computed.keys()].sort()).toEqual(["similar", "transferability"]);
    expect(practice.limit).toEqual({ default: 20, max: 100 });
    expect(model.get("Lep")!.relationships.get("parent")).toEqual({
      type: "PART_OF",
      direction: "OUT",
      target: "Lep",
      list: false,
    });
    expect(model.get("Region")!.limit).toEqual({ default: 50, max: 200 });
  });

  it("answers the widget query for every practice as delegation does, in one statement and no generated query", async () => {
    for (const id of practiceIds) {
      const { direct, delegated } = await bothWays(WIDGET, { id });
      expect(direct.trace.generated).toBe(0);
      // The similarity read brings the matched practices along.
      expect(direct.trace.reads).toHaveLength(1);
      expect(delegated.trace.generated).toBeGreaterThan(0);
    }
  });

  it("reads the practices of a practice's similar list along with the similarity read", async () => {
    const { direct } = await bothWays(
      `{ practices(where: { id: { eq: "2023-004" } }) { id similar(limit: 3) { id title regions { name } } } }`,
    );
    // The generated query of the outer practice, then one statement for the similar practices and their fields.
    expect(direct.trace.reads).toHaveLength(1);
  });

  it("reads along one selection covering two widgets' different fields; a selection paging differently is read after", async () => {
    const merged = await bothWays(`{
      a: similarPractices(id: "2023-004", limit: 5) { practice { id title } }
      b: similarPractices(id: "2023-012", limit: 5) { practice { id regions { name } leps(limit: 2) { code } } }
    }`);
    expect(merged.direct.trace.reads).toHaveLength(1);
    const paged = await bothWays(`{
      a: similarPractices(id: "2023-004", limit: 5) { practice { id leps(limit: 1) { code } } }
      b: similarPractices(id: "2023-012", limit: 5) { practice { id leps(limit: 2) { code } } }
    }`);
    expect(paged.direct.trace.generated).toBe(0);
    expect(paged.direct.trace.reads).toHaveLength(2);
  });

  it("reads nothing ahead when the matches' practices are not asked for", async () => {
    const { result, trace } = await ask(`{ similarPractices(id: "2023-004", limit: 5) { score reasons { kind } } }`);
    expect(result.errors).toBeUndefined();
    expect(trace.reads).toHaveLength(1);
  });

  it("reads the nodes of ten aliased widgets in one statement, within the request's timeout and tagged with its id", async () => {
    const source = `{ ${practiceIds
      .slice(0, 10)
      .map(
        (id, i) =>
          `w${i}: similarPractices(id: "${id}", limit: 5) { score practice { id title regions { name } leps { code name nameEn } targets { id nameEn } } }`,
      )
      .join("\n")} }`;
    const { direct } = await bothWays(source);
    expect(direct.trace.generated).toBe(0);
    // One similarity read for the ten, their practices read along.
    expect(direct.trace.reads).toHaveLength(1);
    for (const read of direct.trace.reads)
      expect(read).toMatchObject({ requestId: "direct-read-test", timeout: 10_000 });
  });

  const nestingExamples = [
    "similar-practices",
    "search-practices",
    "replicable-models",
    "region-profile",
    "region-coverage",
    "practice-path",
  ];

  it.each(nestingExamples)("answers docs/queries/%s.graphql as delegation does", async (name) => {
    const { direct } = await bothWays(fs.readFileSync(path.join(QUERIES_DIR, `${name}.graphql`), "utf8"));
    // region-coverage pages through the region's practices (a connection): that one node is delegated.
    expect(direct.trace.generated).toBe(name === "region-coverage" ? 1 : 0);
  });

  it("keeps aliases, fragments, @skip/@include, relationship pages and a step that is no practice", async () => {
    await bothWays(
      `query ($skip: Boolean = true, $first: Int = 2) {
        similarPractices(id: "2023-002", limit: 4) {
          practice {
            name: title
            ...Card
            ... on Practice { cpis(limit: $first, offset: 1) { id n: name } }
            summary @skip(if: $skip)
            catalog { title year }
            some: stakeholders(limit: 3) { name kind }
            stakeholders(limit: 3) { id }
            inspired { id title }
          }
        }
        practicePath(from: "2023-004", to: "2023-012") { kind id practice { id ...Card } }
      }
      fragment Card on Practice { id ongoing territorialLevel transferability regions { name nuts } }`,
    );
    await bothWays(
      `{ practicePath(from: "2023-002", to: "2023-015", maxHops: 6) { kind practice { title cpis(offset: 20) { id } } } }`,
    );
  });

  it("falls back to delegation for what it does not cover, with the same answer", async () => {
    const uncovered = [
      "similar(limit: 2) { id title }",
      `regions(where: { name: { eq: "Liguria" } }) { name }`,
      "leps(sort: [{ code: DESC }]) { code }",
      "regionsConnection { totalCount edges { properties { field line } node { name } } }",
      "regions { name practices { id } }",
      "catalog { id practices(limit: 2) { id } }",
      "buildsOn { id transferability }",
      "a: cpis(limit: 2) { id } b: cpis(limit: 3) { id }",
      "transferability funding(limit: 1) { kind }",
    ];
    for (const selection of uncovered) {
      const { direct } = await bothWays(
        `{ similarPractices(id: "2023-015", limit: 3) { score practice { id ${selection} } } }`,
      );
      expect({ selection, generated: direct.trace.generated }).toEqual({ selection, generated: 1 });
    }
  });

  it("answers random selections of practice fields and their links as the generated practices query does", async () => {
    const random = generator(9);
    const pick = <T>(items: readonly T[], count: number) => [...items].sort(() => random() - 0.5).slice(0, count);
    const practiceType = schema.getType("Practice") as GraphQLObjectType;
    // A practice's own fields include the computed transferability; a linked practice's, only what it stores.
    const leafFields = (type: GraphQLObjectType, nested = false) =>
      Object.values(type.getFields())
        .filter(
          (field) =>
            isLeafType(getNamedType(field.type)) &&
            field.args.length === 0 &&
            !(nested && field.name === "transferability"),
        )
        .map((field) => field.name);
    const links = Object.values(practiceType.getFields()).filter(
      (field) =>
        field.name !== "similar" &&
        isObjectType(getNamedType(field.type)) &&
        !/(Connection|Aggregat)/.test(getNamedType(field.type).name),
    );
    const selections: string[] = [];
    for (let i = 0; i < 25; i++) {
      const fields = pick(leafFields(practiceType), 1 + Math.floor(random() * 6));
      for (const link of pick(links, Math.floor(random() * 4))) {
        const target = getNamedType(link.type) as GraphQLObjectType;
        const page =
          isListType(getNullableType(link.type)) && random() < 0.3
            ? `(limit: ${1 + Math.floor(random() * 3)}${random() < 0.5 ? ", offset: 1" : ""})`
            : "";
        fields.push(
          `${link.name}${page} { ${pick(leafFields(target, true), 1 + Math.floor(random() * 3)).join(" ")} }`,
        );
      }
      selections.push(fields.join(" "));
    }
    for (const [i, selection] of selections.entries()) {
      const id = practiceIds[i % practiceIds.length]!;
      const { direct } = await bothWays(
        `{ similarPractices(id: "${id}", limit: 10) { practice { id ${selection} } } searchPractices(text: "lavoro", limit: 3) { practice { id ${selection} } } }`,
      );
      expect(direct.trace.generated).toBe(0);
      const data = direct.result.data as Record<string, Array<{ practice: { id: string } }>>;
      const found = [...data.similarPractices!, ...data.searchPractices!].map((match) => match.practice);
      const { result } = await ask<{ practices: Array<{ id: string }> }>(
        `query ($ids: [ID!]) { practices(where: { id: { in: $ids } }, limit: 100) { id ${selection} } }`,
        {
          variables: { ids: found.map((practice) => practice.id) },
        },
      );
      expect(result.errors).toBeUndefined();
      const generated = new Map(result.data!.practices.map((practice) => [practice.id, practice]));
      for (const practice of found) expect(practice).toEqual(generated.get(practice.id));
    }
  });

  it("answers random selections of a region, its LEP services, target groups and models as delegation does", async () => {
    const random = generator(4);
    const pick = <T>(items: readonly T[]) => [...items].filter(() => random() < 0.5);
    for (const region of ["Liguria", "Sardegna", "Lombardia", "Umbria"]) {
      for (let i = 0; i < 4; i++) {
        const regionFields = [
          "nuts",
          ...pick(["name", "istat", random() < 0.5 ? "cpis { id name }" : "cpis(limit: 2) { name }"]),
        ].join(" ");
        const lepFields = ["code", ...pick(["name", "nameEn", "group", "parent { code }", "parts { code name }"])].join(
          " ",
        );
        const targetFields = ["id", ...pick(["name", "nameEn"])].join(" ");
        const modelFields = [
          "id",
          ...pick(["title", "ongoing", "regions(limit: 3) { nuts name }", "leps { code }", "funding { kind }"]),
        ].join(" ");
        const { direct } = await bothWays(
          `{ regionProfile(region: "${region}") { region { ${regionFields} } lepCoverage { lep { ${lepFields} } } targetGroups { targetGroup { ${targetFields} } } gaps { lep { code } models { ${modelFields} } } } }`,
        );
        expect(direct.trace.generated).toBe(0);
      }
    }
  });
});
