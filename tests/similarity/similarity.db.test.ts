import type { Driver } from "neo4j-driver";
import {
  LENSES,
  readPracticeRecords,
  readSimilarPractices,
  recomputeSimilarity,
  refreshSimilarity,
  topMatches,
  type Lens,
} from "../../src/similarity";
import { graphReader } from "../../src/neo4j/reader";
import { featureSignature } from "../../src/similarity/features";
import { useTestDatabase } from "../support/database";

async function nearest(driver: Driver, id: string, lens: Lens, limit = 3): Promise<string[]> {
  const matches = await readSimilarPractices(graphReader(driver), [id], lens, limit);
  return matches.get(id)!.map((match) => match.practiceId);
}

/** Every stored edge with what it holds; the generation aside, which every computation draws anew. */
async function storedEdges(driver: Driver): Promise<unknown[]> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Practice)-[s:SIMILAR_TO]->(q:Practice)
     RETURN p.id AS from, q.id AS to, properties(s) AS properties ORDER BY from, to`,
  );
  return records.map((record) => {
    const { generation, ...properties } = record.get("properties") as Record<string, unknown>;
    expect(generation).toEqual(expect.any(String));
    return { from: record.get("from"), to: record.get("to"), properties };
  });
}

/** Per practice: the number of SIMILAR_TO edges its last computation wrote, and the number it has now. */
async function degrees(driver: Driver, ids: string[]): Promise<Map<string, { degree: number; edges: number }>> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Practice) WHERE p.id IN $ids
     RETURN p.id AS id, p.similarityDegree AS degree, COUNT { (p)-[:SIMILAR_TO]->() } AS edges`,
    { ids },
  );
  return new Map(
    records.map((record) => [record.get("id") as string, { degree: record.get("degree"), edges: record.get("edges") }]),
  );
}

describe("similarity on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("stores, for every practice, the union of its top-K under each lens as one generation of self-contained edges", async () => {
    const result = await recomputeSimilarity(db.graph);
    expect(result.practices).toBe(16);
    expect(result.relationships).toBeGreaterThan(16 * 10);
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Practice) RETURN p.id AS id, p.similaritySignature AS signature, p.similarityDegree AS degree,
              [(p)-[s:SIMILAR_TO]->() | s.neighbourhoodSize] AS sizes, [(p)-[s:SIMILAR_TO]->() | s.generation] AS generations`,
    );
    const generations = new Set(records.flatMap((record) => record.get("generations") as string[]));
    expect(generations.size).toBe(1);
    for (const record of records) {
      expect(record.get("signature")).toMatch(/^[0-9a-f]{40}$/);
      const sizes = record.get("sizes") as number[];
      expect(sizes.length).toBeGreaterThanOrEqual(10);
      expect(new Set([...sizes, record.get("degree")])).toEqual(new Set([sizes.length]));
    }
    const [edge] = (await storedEdges(db.driver)) as Array<{ properties: Record<string, unknown> }>;
    expect(Object.keys(edge!.properties).sort()).toEqual(["neighbourhoodSize", "numbers", "score", "shared"]);
    expect(edge!.properties.numbers).toHaveLength(27);
    for (const key of edge!.properties.shared as string[])
      expect(key).toMatch(/^(LEP|TARGET|STAKEHOLDER|FUNDING|REGION|CPI|LAW|TOOL|LINEAGE):./);
  });

  it("makes Job Club and Job Speed Date, Liguria's collocamento mirato services, each other's nearest neighbour", async () => {
    expect((await nearest(db.driver, "2023-004", "BALANCED"))[0]).toBe("2023-005");
    expect((await nearest(db.driver, "2023-005", "BALANCED"))[0]).toBe("2023-004");
    const [match] = (await readSimilarPractices(db.reader, ["2023-004"], "BALANCED", 1)).get("2023-004")!;
    const cpis = match!.reasons.find((reason) => reason.kind === "CPI")!;
    expect(cpis.shared.map((item) => item.id)).toContain("cpi-genova-centro");
    expect(cpis.shared.every((item) => item.name !== item.id)).toBe(true);
  });

  it("pairs the two self-employment services (LEP O), Campania's desk and Emilia-Romagna's, under SERVICES", async () => {
    expect((await nearest(db.driver, "2023-014", "SERVICES"))[0]).toBe("2023-016");
    expect((await nearest(db.driver, "2023-016", "SERVICES"))[0]).toBe("2023-014");
  });

  it("pairs Calabria's school guidance with the Strait network that builds on it, naming the lineage", async () => {
    expect((await nearest(db.driver, "2023-012", "BALANCED"))[0]).toBe("2023-009");
    const [match] = (await readSimilarPractices(db.reader, ["2023-012"], "BALANCED", 1)).get("2023-012")!;
    const lineage = match!.reasons.find((reason) => reason.kind === "LINEAGE")!;
    expect(lineage.shared).toEqual([{ id: "2023-009", name: expect.stringMatching(/orientamento/i) }]);
  });

  it("pairs the company-service practices (LEP P, Q, R, S) of Campania and Palermo under SERVICES", async () => {
    expect((await nearest(db.driver, "2023-010", "SERVICES"))[0]).toBe("2023-013");
    expect((await nearest(db.driver, "2023-013", "SERVICES"))[0]).toBe("2023-010");
  });

  it("counts ANPAL Servizi, involved almost everywhere, for almost nothing", async () => {
    const matches = await readSimilarPractices(db.reader, ["2023-001"], "BALANCED", 10);
    const anpal = matches
      .get("2023-001")!
      .flatMap((match) => match.reasons)
      .filter(
        (reason) =>
          reason.kind === "STAKEHOLDER" && reason.shared.length === 1 && reason.shared[0]!.id === "anpal-servizi",
      );
    expect(anpal.length).toBeGreaterThan(0);
    for (const reason of anpal) expect(reason.weight).toBeLessThan(0.01);
  });

  it("serves the same rankings as the pure scorer, for every practice and lens", async () => {
    const practices = await readPracticeRecords(db.graph);
    const ids = practices.map((practice) => practice.id);
    for (const lens of LENSES) {
      const served = await readSimilarPractices(db.reader, ids, lens, 10);
      for (const id of ids) {
        const expected = topMatches(practices, id, lens, 10);
        const got = served.get(id)!;
        expect(got.map((match) => match.practiceId)).toEqual(expected.map((match) => match.practiceId));
        got.forEach((match, n) => {
          expect(match.score).toBeCloseTo(expected[n]!.score, 8);
          expect(match.reasons.map((reason) => [reason.kind, reason.shared.map((item) => item.id)])).toEqual(
            expected[n]!.reasons.map((reason) => [reason.kind, reason.shared.map((item) => item.id)]),
          );
        });
      }
    }
  });

  it("writes the same edges when recomputed again", async () => {
    const before = await storedEdges(db.driver);
    await recomputeSimilarity(db.graph);
    expect(await storedEdges(db.driver)).toEqual(before);
    expect(await refreshSimilarity(db.graph)).toEqual([]);
  });

  it("rewrites on the next refresh a graph stored in the previous format (SCORING_VERSION 3), rather than misread it", async () => {
    const before = await storedEdges(db.driver);
    const signatures = (await readPracticeRecords(db.graph)).map((record) => ({
      id: record.id,
      signature: featureSignature(record, 3),
    }));
    await db.driver.executeQuery(
      `UNWIND $signatures AS practice
       MATCH (p:Practice {id: practice.id})-[s:SIMILAR_TO]->()
       SET p.similaritySignature = practice.signature,
         s.contributions = s.numbers[0..9], s.practiceMass = s.numbers[9..18], s.neighbourMass = s.numbers[18..27], s.sharedLep = []
       REMOVE s.numbers, s.shared`,
      { signatures },
    );
    expect(await refreshSimilarity(db.graph)).toHaveLength(16);
    expect(await storedEdges(db.driver)).toEqual(before);
  });

  it("refreshes a practice added through Cypher: it gets neighbours, and the practices it affects are recomputed", async () => {
    await db.driver.executeQuery(
      `CREATE (p:Practice {id: '2023-900', title: 'Job Club Savona'})
       WITH p
       MATCH (r:Region {nuts: 'ITC3'}), (c:Cpi {id: 'cpi-savona'}), (t:TargetGroup {id: 'persone-con-disabilita'}),
             (s:Stakeholder {id: 'uffici-collocamento-mirato'}), (l:Lep {code: 'F1'})
       CREATE (p)-[:IN_REGION]->(r), (p)-[:DELIVERED_AT]->(c), (p)-[:TARGETS]->(t), (p)-[:INVOLVES]->(s), (p)-[:IMPLEMENTS]->(l)`,
    );
    const recomputed = await refreshSimilarity(db.graph);
    expect(recomputed).toEqual(expect.arrayContaining(["2023-900", "2023-004", "2023-005"]));
    expect(await nearest(db.driver, "2023-900", "BALANCED", 2)).toEqual(["2023-004", "2023-005"]);
    expect(await nearest(db.driver, "2023-004", "BALANCED", 10)).toContain("2023-900");
    expect(await refreshSimilarity(db.graph)).toEqual([]);
  });

  it("recomputes the former neighbours of a deleted practice", async () => {
    const { records } = await db.driver.executeQuery(
      "MATCH (p:Practice)-[:SIMILAR_TO]->(:Practice {id: '2023-900'}) RETURN p.id AS id",
    );
    const formerNeighbours = records.map((record) => record.get("id") as string);
    expect(formerNeighbours.length).toBeGreaterThan(0);
    await db.driver.executeQuery("MATCH (p:Practice {id: '2023-900'}) DETACH DELETE p");
    // DETACH DELETE took an edge from each former neighbour: until refreshed, each has fewer edges than it was given.
    for (const { degree, edges } of (await degrees(db.driver, formerNeighbours)).values())
      expect(edges).toBeLessThan(degree);
    const recomputed = await refreshSimilarity(db.graph);
    expect(recomputed).toEqual(expect.arrayContaining(formerNeighbours));
    const after = await degrees(db.driver, formerNeighbours);
    expect([...after.keys()].sort()).toEqual([...formerNeighbours].sort());
    for (const { degree, edges } of after.values()) {
      expect(edges).toBe(degree);
      expect(edges).toBeGreaterThanOrEqual(10);
    }
    expect(await refreshSimilarity(db.graph)).toEqual([]);
  });

  it("recomputes a given practice with the practices it can affect", async () => {
    const result = await recomputeSimilarity(db.graph, { practiceIds: ["2023-016"] });
    expect(result.practices).toBeGreaterThan(1);
    expect(result.practices).toBeLessThanOrEqual(16);
  });

  it("gives the practices a refresh recomputes after an edit the neighbourhoods a full recomputation gives them", async () => {
    await recomputeSimilarity(db.graph);
    await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2023-011'}), (t:TargetGroup {id: 'donne'}) MERGE (p)-[:TARGETS]->(t)",
    );
    const recomputed = await refreshSimilarity(db.graph);
    expect(recomputed).toContain("2023-011");
    const ofRecomputed = async () =>
      (await storedEdges(db.driver)).filter((edge) => recomputed.includes((edge as { from: string }).from));
    const refreshed = await ofRecomputed();
    expect(refreshed.length).toBeGreaterThanOrEqual(10 * recomputed.length);
    await recomputeSimilarity(db.graph);
    expect(await ofRecomputed()).toEqual(refreshed);
  });
});
