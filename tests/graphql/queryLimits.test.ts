import fs from "node:fs";
import path from "node:path";
import { parse, type GraphQLSchema } from "graphql";
import { loadConfig } from "../../src/config";
import { findArgumentProblem } from "../../src/graphql/argumentLimits";
import { PLANNING_COST, queryCostEstimator, readPageLimits, ROUND_TRIP_COST } from "../../src/graphql/queryCost";
import { buildSchema, readTypeDefs } from "../../src/graphql/schema";
import { coercedVariables } from "../../src/graphql/variables";
import { createDriver } from "../../src/neo4j/driver";

let schema: GraphQLSchema;
const pageLimits = readPageLimits(readTypeDefs());
const estimate = queryCostEstimator(pageLimits);
const cost = (query: string, variables?: Record<string, unknown>) => estimate(schema, parse(query), variables);
/** Each root field is one or more round trips to the database. */
const trips = (count: number) => count * ROUND_TRIP_COST;
/** A generated query plans each relationship it follows. */
const plans = (relationships: number) => relationships * PLANNING_COST;

function badArgument(query: string, raw: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition")!;
  return findArgumentProblem(
    schema,
    new Set(pageLimits.keys()),
    document,
    operation,
    coercedVariables(schema, operation, raw)!,
  );
}

beforeAll(async () => {
  // Building the schema reads no data: the driver never connects.
  const driver = createDriver({ uri: "bolt://127.0.0.1:1" });
  ({ schema } = await buildSchema(driver));
  await driver.close();
});

describe("the cost of a query", () => {
  it("reads every node type's page sizes from the @limit of the type definitions", () => {
    const limits = readPageLimits(readTypeDefs());
    expect(limits.get("Practice")).toEqual({ default: 20, max: 100 });
    expect(limits.get("Stakeholder")).toEqual({ default: 50, max: 200 });
    expect(limits.has("PracticeMatch")).toBe(false);
  });

  it("multiplies nested lists at their default page size, so the similar-of-similar bomb is priced at what it could return", () => {
    // 20 practices, each with its 10 similar (a practice's page: 20; similar's default: the 10 precomputed).
    const levels = [0, 1, 2, 3, 4, 5].map((depth) => 20 * 10 ** depth);
    expect(cost("{ practices { similar { similar { similar { similar { similar { id } } } } } } }")).toBe(
      trips(1) + plans(5) + levels.reduce((a, b) => a + b),
    );
    expect(cost("{ practices { stakeholders { practices { id } } } }")).toBe(
      trips(1) + plans(2) + 20 + 20 * 50 + 20 * 50 * 20,
    );
  });

  it("counts a list at its limit, never above the type's maximum page", () => {
    expect(cost("{ practices(limit: 5) { id stakeholders(limit: 3) { id name } } }")).toBe(
      trips(1) + plans(1) + 5 + 5 * 3,
    );
    expect(cost("{ practices(limit: 100000) { id } }")).toBe(trips(1) + 100);
  });

  it("takes limits from variables, defaults included", () => {
    expect(cost("query ($n: Int = 7) { practices(limit: $n) { id } }")).toBe(trips(1) + 7);
    expect(cost("query ($n: Int = 7) { practices(limit: $n) { id } }", { n: 3 })).toBe(trips(1) + 3);
  });

  it("counts a connection at `first`, and nothing for its count or page info", () => {
    expect(
      cost("{ practicesConnection(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id } } } }"),
    ).toBe(trips(1) + 5);
    expect(cost("{ practicesConnection { edges { node { id catalog { id } } } } }")).toBe(trips(1) + plans(1) + 20 * 2);
  });

  it("counts each alias and fragment, and nothing for introspection", () => {
    expect(
      cost(
        "{ a: practices(limit: 2) { id } b: practices(limit: 3) { ...P } } fragment P on Practice { regions(limit: 1) { nuts } }",
      ),
    ).toBe(trips(2) + plans(1) + 2 + 3 + 3);
    expect(cost("{ __schema { types { name fields { name args { name } } } } }")).toBe(0);
  });

  it("counts planning per relationship a generated query follows, whatever the page sizes: a new shape must be planned", () => {
    const shape =
      "practices(limit: 1) { id stakeholders(limit: 1) { name practices(limit: 1) { title regions(limit: 1) { name cpis(limit: 1) { id } } } } }";
    expect(cost(`{ ${shape} }`)).toBe(trips(1) + plans(4) + 5);
    expect(cost(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${shape}`).join(" ")} }`)).toBeGreaterThan(
      loadConfig({}).limits.queryCost,
    );
  });

  it("accepts every example operation of docs/queries within the default budget", () => {
    const examples = path.resolve(__dirname, "../../docs/queries");
    const { queryCost } = loadConfig({}).limits;
    for (const file of fs.readdirSync(examples)) {
      expect({ file, cost: cost(fs.readFileSync(path.join(examples, file), "utf8")) <= queryCost }).toEqual({
        file,
        cost: true,
      });
    }
  });

  it("counts the nodes inside discovery answers, plus the round trips each discovery field makes", () => {
    // 50 matches with their practice; reasons and shared items are computed in memory.
    expect(
      cost(
        '{ similarPractices(id: "2023-004", limit: 50) { score practice { id } reasons { kind shared { id name } } } }',
      ),
    ).toBe(trips(2) + 50);
    expect(cost('{ practicePath(from: "a", to: "b", maxHops: 8) { id practice { id } } }')).toBe(trips(7) + 9);
    expect(cost('{ regionProfile(region: "Liguria") { gaps { models { id } } } }')).toBe(trips(9) + 25 * 3);
    // The 21 territories, each with its region: one read, then the regions, batched.
    expect(cost("{ regionCoverage { region { nuts } lepsCovered } }")).toBe(trips(2) + 21);
  });
});

describe("page arguments", () => {
  it("refuses a negative or zero limit, a zero first and a negative offset, naming the field", () => {
    expect(badArgument("{ practices(limit: -1) { id } }")).toEqual({
      field: "practices.limit",
      reason: "must be 1 or more (got -1)",
    });
    expect(badArgument("{ practicesConnection(first: 0) { totalCount } }")).toEqual({
      field: "practicesConnection.first",
      reason: "must be 1 or more (got 0)",
    });
    expect(badArgument("{ practices { stakeholders(offset: -3) { id } } }")).toMatchObject({
      field: "stakeholders.offset",
    });
  });

  it("reads them from variables and fragments too", () => {
    expect(badArgument("query ($n: Int) { practices(limit: $n) { id } }", { n: -5 })).toMatchObject({
      field: "practices.limit",
    });
    expect(
      badArgument("{ practices(limit: 1) { ...P } } fragment P on Practice { similar(limit: 0) { id } }"),
    ).toMatchObject({ field: "similar.limit" });
  });

  it("lets valid pages through", () => {
    expect(
      badArgument("{ practices(limit: 1, offset: 0) { id } practicesConnection(first: 3) { totalCount } }"),
    ).toBeUndefined();
  });
});

describe("filters", () => {
  it("may follow two relationships, one inside the other, through lists, connections or single links", () => {
    expect(badArgument('{ practices(where: { leps: { some: { code: { eq: "O" } } } }) { id } }')).toBeUndefined();
    expect(badArgument('{ cpis(where: { region: { name: { eq: "Sardegna" } } }) { id } }')).toBeUndefined();
    expect(
      badArgument(
        '{ practices(where: { stakeholdersConnection: { some: { node: { practices: { some: { id: { eq: "2023-001" } } } } } } }) { id } }',
      ),
    ).toBeUndefined();
  });

  it("refuses a third relationship inside, naming the chain, in AND/OR branches and nested fields too", () => {
    expect(
      badArgument(
        '{ practices(where: { stakeholders: { some: { practices: { some: { regions: { some: { nuts: { eq: "ITC3" } } } } } } } }) { id } }',
      ),
    ).toEqual({
      field: "practices.where",
      reason:
        "a filter may follow at most 2 relationships, one inside the other; this one follows 3 (stakeholders > practices > regions)",
    });
    expect(
      badArgument(
        '{ practices(where: { OR: [{ id: { eq: "x" } }, { catalog: { practices: { some: { inspired: { some: { id: { eq: "y" } } } } } } }] }) { id } }',
      ),
    ).toMatchObject({ field: "practices.where" });
    expect(
      badArgument("query ($w: PracticeWhere) { regions { practices(where: $w) { id } } }", {
        w: { leps: { some: { practices: { some: { targets: { some: { id: { eq: "donne" } } } } } } } },
      }),
    ).toMatchObject({ field: "practices.where" });
  });
});
