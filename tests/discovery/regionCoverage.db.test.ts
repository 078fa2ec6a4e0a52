import { graphql, type GraphQLSchema } from "graphql";
import { regionCoverage } from "../../src/discovery/regionCoverage";
import { createContext } from "../../src/graphql/context";
import { buildSchema } from "../../src/graphql/schema";
import { createLogger } from "../../src/logger";
import type { GraphReader } from "../../src/neo4j/reader";
import { REGIONS } from "../../src/reference/regions";
import { useTestDatabase } from "../support/database";

type Coverage = {
  region: { nuts: string; name: string };
  practiceCount: number;
  lepsCovered: number;
  coverageRate: number;
  coverageRank: number;
};
type Profile = {
  practiceCount: number;
  coverageRate: number;
  coverageRank: number;
  lepCoverage: Array<{ covered: boolean }>;
};

/** A reader that counts the statements it runs. */
function counting(reader: GraphReader): GraphReader & { statements: number } {
  const counted = {
    scope: reader.scope,
    statements: 0,
    run: (cypher: string, parameters?: Record<string, unknown>) => (
      counted.statements++,
      reader.run(cypher, parameters)
    ),
  };
  return counted;
}

describe("every territory's LEP coverage, on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("lists the 21 territories of seed/regions.json, widest coverage first, in one read", async () => {
    const reader = counting(db.reader);
    const coverage = await regionCoverage(reader);
    expect(reader.statements).toBe(1);
    expect(coverage.map((entry) => entry.nuts).sort()).toEqual(REGIONS.map((region) => region.nuts).sort());
    const ranks = coverage.map((entry) => entry.coverageRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Marche's single card covers A B C D F G K; Liguria's two cover E F M S; Umbria has no practice.
    expect(coverage[0]).toEqual({
      nuts: "ITI3",
      practiceCount: 1,
      lepsCovered: 7,
      coverageRate: 0.368421,
      coverageRank: 1,
    });
    expect(coverage.find((entry) => entry.nuts === "ITC3")).toEqual({
      nuts: "ITC3",
      practiceCount: 2,
      lepsCovered: 4,
      coverageRate: 0.210526,
      coverageRank: 4,
    });
    expect(coverage.find((entry) => entry.nuts === "ITI2")).toMatchObject({
      practiceCount: 0,
      lepsCovered: 0,
      coverageRate: 0,
      coverageRank: 11,
    });
  });

  it("counts as a plain tally of the graph does: each territory's practices, and the top-level LEP services they implement", async () => {
    // An oracle that shares nothing with src/discovery/coverage.ts: every link read raw, the counting done here.
    const { records } = await db.driver.executeQuery(
      `MATCH (r:Region)
       OPTIONAL MATCH (r)<-[:IN_REGION]-(p:Practice)
       OPTIONAL MATCH (p)-[:IMPLEMENTS]->(l:Lep)
       OPTIONAL MATCH (l)-[:PART_OF]->(parent:Lep)
       RETURN r.nuts AS nuts, collect(DISTINCT p.id) AS practices, collect(DISTINCT coalesce(parent.code, l.code)) AS services`,
    );
    const { records: topLevel } = await db.driver.executeQuery(
      "MATCH (l:Lep) WHERE NOT (l)-[:PART_OF]->() RETURN count(l) AS services",
    );
    const services = Number(topLevel[0]!.get("services"));
    const tally = new Map(
      records.map((record) => [
        record.get("nuts") as string,
        { practices: record.get("practices").length as number, covered: record.get("services").length as number },
      ]),
    );
    for (const entry of await regionCoverage(db.reader)) {
      const expected = tally.get(entry.nuts)!;
      const wider = [...tally.values()].filter((other) => other.covered > expected.covered).length;
      expect({
        nuts: entry.nuts,
        practiceCount: entry.practiceCount,
        lepsCovered: entry.lepsCovered,
        coverageRank: entry.coverageRank,
      }).toEqual({
        nuts: entry.nuts,
        practiceCount: expected.practices,
        lepsCovered: expected.covered,
        coverageRank: 1 + wider,
      });
      expect(entry.coverageRate).toBeCloseTo(expected.covered / services, 6);
    }
  });

  it("answers the GraphQL field as the regionProfile field does for each territory", async () => {
    const { schema } = (await buildSchema(db.driver)) as { schema: GraphQLSchema };
    const log = createLogger("silent");
    const ask = async <T>(source: string) => {
      const contextValue = createContext(
        { graph: db.graph, queryTimeoutMs: 10_000 },
        { scope: { requestId: "test", log, signal: new AbortController().signal }, clientAddress: "test" },
      );
      const result = await graphql({ schema, source, contextValue });
      expect(result.errors).toBeUndefined();
      return result.data as T;
    };
    const { regionCoverage: coverage } = await ask<{ regionCoverage: Coverage[] }>(
      "{ regionCoverage { region { nuts name } practiceCount lepsCovered coverageRate coverageRank } }",
    );
    expect(coverage.map((entry) => entry.region)).toEqual(
      expect.arrayContaining(REGIONS.map(({ nuts, name }) => ({ nuts, name }))),
    );
    expect(coverage).toHaveLength(REGIONS.length);
    const profiles = await ask<Record<string, Profile>>(
      `{ ${coverage.map((entry) => `${entry.region.nuts}: regionProfile(region: "${entry.region.nuts}") { practiceCount coverageRate coverageRank lepCoverage { covered } }`).join(" ")} }`,
    );
    for (const entry of coverage) {
      const profile = profiles[entry.region.nuts]!;
      expect({
        nuts: entry.region.nuts,
        practiceCount: entry.practiceCount,
        lepsCovered: entry.lepsCovered,
        coverageRate: entry.coverageRate,
        coverageRank: entry.coverageRank,
      }).toEqual({
        nuts: entry.region.nuts,
        practiceCount: profile.practiceCount,
        lepsCovered: profile.lepCoverage.filter((lep) => lep.covered).length,
        coverageRate: profile.coverageRate,
        coverageRank: profile.coverageRank,
      });
    }
  });
});
