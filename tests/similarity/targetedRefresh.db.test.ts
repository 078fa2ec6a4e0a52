import { graphql, parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { Driver } from "neo4j-driver";
import { similarityRefresher, type SimilarityRefresher } from "../../src/graphql/refreshOnWrite";
import { buildSchema } from "../../src/graphql/schema";
import { createLogger } from "../../src/logger";
import { advanceGraphVersion } from "../../src/neo4j/graphVersion";
import {
  buildSimilarityIndex,
  readPracticeRecords,
  recomputeSimilarity,
  type RefreshReport,
} from "../../src/similarity";
import { featureSignature } from "../../src/similarity/features";
import { computeNeighbourhoods } from "../../src/similarity/neighbours";
import { neighbourhoodRows } from "../../src/similarity/store";
import { loadSynthetic, randomSource, syntheticCatalogue } from "../../scripts/support/syntheticCatalogue";
import { graphOn } from "../../src/neo4j/graph";
import { connectTestDatabase, useTestDatabase } from "../support/database";
import { TEST_SECRET } from "../support/tokens";

type Edge = { from: string; to: string; properties: Record<string, unknown> };

/** The stored edges of the given practices with what they hold, but their generation (drawn by each computation). */
async function edgesOf(driver: Driver, ids: string[]): Promise<Edge[]> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Practice)-[s:SIMILAR_TO]->(q:Practice) WHERE p.id IN $ids
     RETURN p.id AS from, q.id AS to, properties(s) AS properties ORDER BY from, to`,
    { ids },
  );
  return records.map((record) => {
    const { generation: _generation, ...properties } = record.get("properties") as Record<string, unknown>;
    return { from: record.get("from"), to: record.get("to"), properties };
  });
}

/** `updatePractices` of one practice (a where by id) with one relationship field's change. */
function updateOne(practice: string, field: string, change: string, scalars = ""): string {
  return `mutation {
    updatePractices(
      where: { id: { eq: "${practice}" } }
      update: { ${scalars} ${field}: [{ ${change} }] }
    ) { practices { id } }
  }`;
}

const connect = (id: string, field = "TARGETS", key = "id") =>
  `connect: [{ where: { node: { ${key}: { eq: "${id}" } } }, edge: { field: ${field} } }]`;
const disconnect = (id: string) => `disconnect: [{ where: { node: { id: { eq: "${id}" } } } }]`;

/** `createPractices` of one practice with the required scalars and the given links. */
function createOne(practice: string, links: string): string {
  return `mutation {
    createPractices(input: [{
      id: "${practice}", catalogNumber: 901, printedNumber: "901", title: "New", summary: "-", territorialLevel: LOCAL,
      ongoing: true, anpalSupport: NO, sourceStartLine: 1, sourceEndLine: 1, ${links}
    }]) { practices { id } }
  }`;
}

describe("the refresh after a write names the practices it touched", () => {
  const db = useTestDatabase({ seed: true });
  let schema: GraphQLSchema;
  let refresher: SimilarityRefresher;

  beforeAll(async () => {
    schema = (await buildSchema(db.driver, TEST_SECRET)).schema;
    await recomputeSimilarity(db.graph);
    refresher = similarityRefresher(db.graph, createLogger("silent"));
    expect((await refresher.live.refreshAll("loaded by the test")).rewritten).toEqual([]);
  });
  afterAll(() => refresher.live.close());

  /** Runs a mutation as the API does (an editor's token), then what the plugin runs after it. */
  async function write(source: string, variables: Record<string, unknown> = {}): Promise<RefreshReport | undefined> {
    const contextValue = { executionContext: db.driver, sessionConfig: {}, jwt: { roles: ["editor"], sub: "test" } };
    const result = await graphql({ schema, source, variableValues: variables, contextValue });
    expect(result.errors).toBeUndefined();
    const operation = parse(source).definitions[0] as OperationDefinitionNode;
    return refresher.afterWrite(schema, operation, variables);
  }

  /** Every rewritten practice holds exactly the edges a full recomputation then gives it. */
  async function expectExact(report: RefreshReport | undefined, mode: RefreshReport["mode"]): Promise<string[]> {
    expect(report?.mode).toBe(mode);
    const rewritten = report!.rewritten;
    const refreshed = await edgesOf(db.driver, rewritten);
    expect(refreshed.length).toBeGreaterThanOrEqual(10 * rewritten.length);
    await recomputeSimilarity(db.graph);
    expect(await edgesOf(db.driver, rewritten)).toEqual(refreshed);
    return rewritten;
  }

  it("links a target group (connect, variables): targeted, exact", async () => {
    const report = await write(
      `mutation Link($practice: ID!, $item: ID!) {
        updatePractices(
          where: { id: { eq: $practice } }
          update: { targets: [{ connect: [{ where: { node: { id: { eq: $item } } }, edge: { field: TARGETS } }] }] }
        ) { practices { id } }
      }`,
      { practice: "2023-011", item: "donne" },
    );
    expect(await expectExact(report, "targeted")).toContain("2023-011");
  });

  it("unlinks a stakeholder and sets a title in the same update (disconnect, scalar): targeted, exact", async () => {
    const report = await write(`mutation {
      updatePractices(where: { id: { in: ["2023-004"] } }, update: {
        title: { set: "Job Club (edited)" }
        stakeholders: [{ disconnect: [{ where: { node: { id: { eq: "anpal-servizi" } } } }] }]
      }) { practices { id } }
    }`);
    expect(await expectExact(report, "targeted")).toContain("2023-004");
  });

  it("links a target group created in the same write (an item no practice had): targeted, exact", async () => {
    const node = `{ id: "giovani-neet-liguria", name: "NEET liguri", nameEn: "Ligurian NEETs" }`;
    const report = await write(
      updateOne("2023-005", "targets", `create: [{ node: ${node}, edge: { field: TARGETS } }]`),
    );
    expect(await expectExact(report, "targeted")).toContain("2023-005");
  });

  it("leaves similarity alone after a write that changes no link", async () => {
    const source = `mutation {
      updatePractices(where: { id: { eq: "2023-004" } }, update: { summary: { set: "Edited." } }) { practices { id } }
    }`;
    expect(await write(source)).toBeUndefined();
  });

  it("creates a practice with links: targeted, exact, and it enters its neighbours' lists", async () => {
    const report = await write(
      createOne(
        "2023-901",
        `regions: { ${connect("ITC3", "REGION", "nuts")} }, cpis: { ${connect("cpi-savona", "EMPLOYMENT_SERVICE")} },
         targets: { ${connect("persone-con-disabilita")} }, leps: { ${connect("F1", "LEPS", "code")} }`,
      ),
    );
    const rewritten = await expectExact(report, "targeted");
    expect(rewritten).toEqual(expect.arrayContaining(["2023-901", "2023-004"]));
  });

  it("deletes that practice: targeted, its former neighbours rewritten exactly", async () => {
    const { records } = await db.driver.executeQuery(
      "MATCH (p:Practice)-[:SIMILAR_TO]->(:Practice {id: '2023-901'}) RETURN p.id AS id",
    );
    const formerNeighbours = records.map((record) => record.get("id") as string);
    expect(formerNeighbours.length).toBeGreaterThan(0);
    const report = await write(`mutation { deletePractices(where: { id: { eq: "2023-901" } }) { nodesDeleted } }`);
    expect(await expectExact(report, "targeted")).toEqual(expect.arrayContaining(formerNeighbours));
  });

  it("deletes a practice and creates it again with the same links in one write: targeted, both sides rewritten", async () => {
    const links = `regions: { ${connect("ITC3", "REGION", "nuts")} }, targets: { ${connect("persone-con-disabilita")} },
      leps: { ${connect("F1", "LEPS", "code")} }`;
    await expectExact(await write(createOne("2023-902", links)), "targeted");
    const { records } = await db.driver.executeQuery(
      "MATCH (p:Practice)-[:SIMILAR_TO]->(:Practice {id: '2023-902'}) RETURN p.id AS id",
    );
    const listers = records.map((record) => record.get("id") as string);
    expect(listers.length).toBeGreaterThan(0);
    const create = createOne("2023-902", links)
      .replace(/^mutation \{/, "")
      .replace(/\}\s*$/, "");
    const report = await write(`mutation {
      d: deletePractices(where: { id: { eq: "2023-902" } }) { nodesDeleted }
      c: ${create.trim()}
    }`);
    // The new node has the old one's items but none of its edges, and its listers lost theirs with the old node.
    expect(await expectExact(report, "targeted")).toEqual(expect.arrayContaining(["2023-902", ...listers]));
  });

  it("falls back to the full refresh for a shape it does not analyse (a BUILDS_ON link), still exact", async () => {
    const report = await write(updateOne("2023-016", "buildsOn", connect("2023-014", "DESCRIPTION")));
    expect(report?.reason).toMatch(/buildsOn/);
    expect(await expectExact(report, "full")).toEqual(expect.arrayContaining(["2023-016", "2023-014"]));
  });

  it("refreshes nothing after a write that only renames a node of another type, or creates one without links", async () => {
    const rename = `mutation {
      updateStakeholders(where: { id: { eq: "anpal-servizi" } }, update: { name: { set: "ANPAL Servizi (renamed)" } }) {
        stakeholders { id }
      }
    }`;
    expect(await write(rename)).toBeUndefined();
    const create = `mutation { createTools(input: [{ id: "bacheca-online", name: "Bacheca online" }]) { tools { id } } }`;
    expect(await write(create)).toBeUndefined();
  });

  it("falls back to the full refresh when a write changes the key of a node of another type, still exact", async () => {
    const report = await write(`mutation {
      updateTools(where: { id: { eq: "siler" } }, update: { id: { set: "siler-sicilia" } }) { tools { id } }
    }`);
    expect(report?.reason).toMatch(/Tool\.id, a key/);
    expect((await expectExact(report, "full")).length).toBeGreaterThan(0);
  });

  it("falls back to the full refresh for a write on another type that links practices", async () => {
    const report = await write(`mutation {
      updateTargetGroups(
        where: { id: { eq: "donne" } }
        update: { practices: [{ ${connect("2023-001")} }] }
      ) { targetGroups { id } }
    }`);
    expect(report?.reason).toMatch(/updateTargetGroups/);
    expect(await expectExact(report, "full")).toContain("2023-001");
  });

  it("reloads rather than trust its index after another instance, or an import, changed the graph", async () => {
    const other = connectTestDatabase();
    const elsewhere = similarityRefresher(graphOn(other), createLogger("silent"));
    try {
      await elsewhere.live.refreshAll("the other instance starts");
      // The other instance's write, refreshed by its own targeted run: this process heard of neither.
      await other.executeQuery(
        `MATCH (p:Practice {id: '2023-002'}), (t:TargetGroup {id: 'donne'})
         MERGE (p)-[:TARGETS {field: 'TARGETS'}]->(t)`,
      );
      await advanceGraphVersion(graphOn(other));
      expect((await elsewhere.live.refreshPractices(["2023-002"])).mode).toBe("targeted");
      const afterOther = await write(updateOne("2023-003", "targets", connect("donne")));
      expect(afterOther?.reason).toMatch(/elsewhere/);
      await expectExact(afterOther, "full");
      // An import: its transaction advances the stamp, and nothing refreshes the practice it changed.
      await other.executeQuery(
        `MATCH (p:Practice {id: '2023-006'}), (t:TargetGroup {id: 'donne'}) MERGE (p)-[:TARGETS {field: 'TARGETS'}]->(t)
         WITH 1 AS done MERGE (version:GraphVersion {id: 'graph'}) SET version.stamp = version.stamp + 1`,
      );
      const afterImport = await write(updateOne("2023-007", "stakeholders", disconnect("anpal-servizi")));
      expect(afterImport?.mode).toBe("full");
      expect(await expectExact(afterImport, "full")).toContain("2023-006");
    } finally {
      elsewhere.live.close();
      await other.close();
    }
  });
});

describe("targeted refreshes in a row on synthetic practices, where the candidate cap and rarity drift matter", () => {
  const db = useTestDatabase();
  let schema: GraphQLSchema;
  let refresher: SimilarityRefresher;
  const random = randomSource(31);
  const SIZE = 1_500;

  beforeAll(async () => {
    await loadSynthetic(db.graph, syntheticCatalogue(SIZE, random));
    schema = (await buildSchema(db.driver, TEST_SECRET)).schema;
    await recomputeSimilarity(db.graph);
    refresher = similarityRefresher(db.graph, createLogger("silent"));
    await refresher.live.refreshAll("loaded by the test");
  }, 600_000);
  afterAll(() => refresher.live.close());

  it("gives each rewritten practice what a computation gives, and rewrites each list a change enters", async () => {
    const contextValue = { executionContext: db.driver, sessionConfig: {}, jwt: { roles: ["editor"], sub: "test" } };
    let rewritten = 0;
    for (let round = 0; round < 8; round++) {
      const practice = round === 5 ? "bench-new" : `bench-${String(Math.floor(random() * SIZE)).padStart(6, "0")}`;
      const item = `target-${Math.floor(random() * 20)}`;
      const source =
        round === 5
          ? createOne("bench-new", `targets: { ${connect(item)} }, leps: { ${connect("F1", "LEPS", "code")} }`)
          : round === 7
            ? `mutation { deletePractices(where: { id: { eq: "bench-new" } }) { nodesDeleted } }`
            : updateOne(practice, "targets", round % 2 ? disconnect(item) : connect(item));
      const result = await graphql({ schema, source, contextValue });
      expect(result.errors).toBeUndefined();
      const report = await refresher.afterWrite(schema, parse(source).definitions[0] as OperationDefinitionNode);
      const touched = round === 5 || round === 7 ? "bench-new" : practice;
      if (!report) continue; // unlinking what was not linked changes nothing
      expect(report.mode).toBe("targeted");
      rewritten += report.rewritten.length;

      // What a computation from the graph as it is now gives, in memory: nothing is written.
      const records = await readPracticeRecords(db.graph);
      const index = buildSimilarityIndex(records);
      const signatures = new Map(records.map((record) => [record.id, featureSignature(record)]));
      const expected = neighbourhoodRows(computeNeighbourhoods(index, report.rewritten), signatures);
      const stored = await edgesOf(db.driver, report.rewritten);
      for (const row of expected) {
        const edges = (row.edges as Array<{ target: string; properties: Record<string, unknown> }>).map(
          ({ target, properties }) => ({
            from: row.id,
            to: target,
            properties: { ...properties, neighbourhoodSize: (row.edges as unknown[]).length },
          }),
        );
        expect(stored.filter((edge) => edge.from === row.id)).toEqual(edges.sort((a, b) => (a.to < b.to ? -1 : 1)));
      }
      // Every practice whose neighbourhood the change enters now lists it: rewritten by this run or listing it already.
      if (index.positionOf.has(touched)) {
        const entered = computeNeighbourhoods(index)
          .filter((neighbourhood) => neighbourhood.edges.some((edge) => edge.target === touched))
          .map((neighbourhood) => neighbourhood.practiceId);
        const listing = records.filter((record) => record.neighbours.includes(touched)).map((record) => record.id);
        expect(listing).toEqual(expect.arrayContaining(entered));
      }
    }
    expect(rewritten).toBeGreaterThan(8);
  }, 600_000);
});
