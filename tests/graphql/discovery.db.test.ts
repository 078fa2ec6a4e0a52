import fs from "node:fs";
import path from "node:path";
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { createContext } from "../../src/graphql/context";
import { formatError } from "../../src/graphql/errors";
import { buildSchema } from "../../src/graphql/schema";
import { loadCatalogue } from "../../src/ingest/load";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { createLogger } from "../../src/logger";
import { recomputeSimilarity } from "../../src/similarity";
import { graphOn } from "../../src/neo4j/graph";
import { countingDriver } from "../support/countingDriver";
import { connectTestDatabase, resetDatabase } from "../support/database";

const QUERIES_DIR = path.resolve(__dirname, "../../docs/queries");
const log = createLogger("silent");
const answerWith = formatError({ development: false, queryTimeoutMs: 10_000 });

type Match = {
  score: number;
  practice: { id: string; title: string };
  reasons: Array<{ kind: string; weight: number; shared: Array<{ id: string }> }>;
};

describe("the discovery API on the 2023 catalogue", () => {
  let driver: Driver;
  let counting: ReturnType<typeof countingDriver>;
  let schema: GraphQLSchema;

  /** Executes as the server does, errors included: each is answered as formatError maps it. */
  async function ask<T = Record<string, unknown>>(source: string, variableValues?: Record<string, unknown>) {
    const scope = { requestId: "test", log, signal: new AbortController().signal };
    const contextValue = createContext(
      { graph: graphOn(counting.driver), queryTimeoutMs: 10_000 },
      { scope, clientAddress: "test" },
    );
    const result = (await graphql({ schema, source, variableValues, contextValue })) as ExecutionResult<T>;
    const errors = result.errors?.map((error) => answerWith(error.toJSON(), error));
    return { ...result, errors };
  }

  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
    await loadCatalogue(graphOn(driver), readSeedCatalogues()[0]!);
    await recomputeSimilarity(graphOn(driver));
    counting = countingDriver(driver);
    ({ schema } = await buildSchema(counting.driver));
  });
  afterAll(async () => {
    await resetDatabase(driver);
    await driver.close();
  });

  const readOnlyExamples = fs
    .readdirSync(QUERIES_DIR)
    .filter((file) => !fs.readFileSync(path.join(QUERIES_DIR, file), "utf8").includes("mutation"));

  it.each(readOnlyExamples)("answers the example operation docs/queries/%s with data and no errors", async (file) => {
    const result = await ask(fs.readFileSync(path.join(QUERIES_DIR, file), "utf8"));
    expect(result.errors).toBeUndefined();
    const [answer] = Object.values(result.data ?? {});
    expect(Array.isArray(answer) ? answer.length : answer).toBeTruthy();
  });

  it("ranks Job Speed Date first among Job Club's similar practices, explaining the shared targeted-placement service", async () => {
    const result = await ask<{ similarPractices: Match[] }>(`{ similarPractices(id: "2023-004", limit: 3) {
      score practice { id title } reasons { kind weight shared { id name } } } }`);
    expect(result.errors).toBeUndefined();
    const [first] = result.data!.similarPractices;
    expect(first!.practice.id).toBe("2023-005");
    const reasons = first!.reasons;
    expect(reasons.map((reason) => reason.weight)).toEqual(
      [...reasons.map((reason) => reason.weight)].sort((a, b) => b - a),
    );
    expect(reasons.reduce((sum, reason) => sum + reason.weight, 0)).toBeCloseTo(first!.score, 6);
  });

  it("resolves nested relationships of the matched practices", async () => {
    const result = await ask<{
      similarPractices: Array<{
        practice: { regions: Array<{ name: string }>; stakeholdersConnection: { totalCount: number } };
      }>;
    }>(
      `{ similarPractices(id: "2023-014", limit: 2) { practice { regions { name } stakeholdersConnection { totalCount } } } }`,
    );
    expect(result.errors).toBeUndefined();
    for (const match of result.data!.similarPractices) {
      expect(match.practice.regions.length).toBe(1);
      expect(match.practice.stakeholdersConnection.totalCount).toBeGreaterThan(0);
    }
  });

  it("lists a practice's similar practices as similarPractices ranks them, under each lens asked, nested or aliased", async () => {
    const ranked = async (id: string, lens: string) => {
      const result = await ask<{ similarPractices: Array<{ practice: { id: string } }> }>(
        `{ similarPractices(id: "${id}", limit: 3, lens: ${lens}) { practice { id } } }`,
      );
      return result.data!.similarPractices.map((match) => match.practice);
    };
    const listed = await ask<{ practices: Array<{ similar: Array<{ id: string }> }> }>(
      `{ practices(where: { id: { eq: "2023-004" } }) { similar(limit: 3) { id } } }`,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.practices[0]!.similar).toEqual(await ranked("2023-004", "BALANCED"));

    const nested = await ask<{
      similarPractices: Array<{
        practice: { id: string; actors: Array<{ id: string }>; services: Array<{ id: string }> };
      }>;
    }>(
      `{ similarPractices(id: "2023-004", limit: 2) { practice { id actors: similar(lens: ACTORS, limit: 3) { id } services: similar(lens: SERVICES, limit: 3) { id } } } }`,
    );
    expect(nested.errors).toBeUndefined();
    for (const { practice } of nested.data!.similarPractices) {
      expect(practice.actors).toEqual(await ranked(practice.id, "ACTORS"));
      expect(practice.services).toEqual(await ranked(practice.id, "SERVICES"));
    }
    const tooMany = await ask(`{ practices(limit: 1) { similar(limit: 11) { id } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });

  it("makes a bounded number of database round trips, however many practices' neighbours are asked", async () => {
    const widget = (ids: string[]) =>
      `{ ${ids
        .map(
          (id, i) =>
            `p${i}: similarPractices(id: "${id}", limit: 5) { score reasons { kind shared { name } } practice { id title regions { name } leps { code } stakeholders { name } } }`,
        )
        .join("\n")} }`;
    const ids = Array.from({ length: 10 }, (_, i) => `2023-${String(i + 1).padStart(3, "0")}`);
    // The first request of the file may read once what later ones do not (the database's version, say).
    await ask(widget(ids.slice(0, 1)));

    counting.reset();
    const one = await ask(widget(ids.slice(0, 1)));
    const forOne = counting.count();
    counting.reset();
    const ten = await ask(widget(ids));
    const forTen = counting.count();

    expect(one.errors).toBeUndefined();
    expect(ten.errors).toBeUndefined();
    expect(Object.keys(ten.data!)).toHaveLength(10);
    expect(forTen).toBe(forOne);
    // One similarity read for all ten, their practices read along (directRead/, loaders.ts).
    expect(forTen).toBe(1);
  });

  it("refuses a write without a token before any Cypher runs", async () => {
    counting.reset();
    const result = await ask(fs.readFileSync(path.join(QUERIES_DIR, "update-practice.graphql"), "utf8"));
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.errors?.[0]?.message).toMatch(/^Unauthenticated: writes need `Authorization: Bearer <token>`/);
    expect(counting.count()).toBe(0);
  });

  it("names an unknown practice in a NOT_FOUND error", async () => {
    const result = await ask(`{ similarPractices(id: "2023-999") { score } }`);
    expect(result.errors?.[0]?.message).toBe("no practice has id '2023-999'");
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", value: "2023-999" });
  });

  it("names an unknown region in a NOT_FOUND error", async () => {
    const result = await ask(`{ regionProfile(region: "Atlantide") { coverageRate } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", value: "Atlantide" });
    expect(result.errors?.[0]?.message).toMatch(/Atlantide/);
  });

  it.each([0, 51])("refuses limit %i with BAD_USER_INPUT naming the argument", async (limit) => {
    const result = await ask(`query ($limit: Int) { searchPractices(text: "lavoro", limit: $limit) { score } }`, {
      limit,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
    expect(result.errors?.[0]?.message).toBe("limit: must be between 1 and 50");
  });

  it("returns only other regions' practices implementing the LEP a region without practices asks for", async () => {
    const result = await ask<{
      replicableModels: Array<
        Match & { practice: { regions: Array<{ nuts: string }>; leps: Array<{ code: string }> } }
      >;
    }>(`{ replicableModels(region: "Veneto", lep: ["M"]) { score practice { id regions { nuts } leps { code } } } }`);
    expect(result.errors).toBeUndefined();
    const matches = result.data!.replicableModels;
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      expect(match.practice.regions.map((region) => region.nuts)).not.toContain("ITH3");
      expect(match.practice.leps.map((lep) => lep.code).some((code) => code === "M" || code.startsWith("M"))).toBe(
        true,
      );
    }
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
