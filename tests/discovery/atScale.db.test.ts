import { loadSynthetic, randomSource, syntheticCatalogue } from "../../scripts/support/syntheticCatalogue";
import { regionCoverage } from "../../src/discovery/regionCoverage";
import { regionProfile } from "../../src/discovery/regionProfile";
import { findReplicableModels } from "../../src/discovery/replicable";
import { REGIONS } from "../../src/reference/regions";
import { useTestDatabase } from "../support/database";

/**
 * The discovery reads on a graph larger and more varied than the 2023 catalogue: 600 synthetic practices beside it
 * (every region with practices, sub-codes F1..M3 drawn as often as their parents, 80 target groups), a few of them
 * also placed in a second region. Every answer is held against a plain tally of the raw links, counted here by the
 * rule of docs/discovery.md, sharing nothing with the Cypher of src/discovery/.
 */

type Links = {
  /** Practice id -> the regions it is in, the LEP codes it implements, the target groups it reaches. */
  practices: Map<string, { regions: string[]; leps: string[]; targets: string[] }>;
  /** LEP code -> its parent's code, or null for a top-level service. */
  parents: Map<string, string | null>;
};

/** Own codes plus the parents of sub-codes: what a practice covers. */
function covers(links: Links, leps: readonly string[]): Set<string> {
  return new Set(leps.flatMap((code) => [code, links.parents.get(code) ?? []].flat()));
}

describe("the discovery reads on the 2023 catalogue plus 600 synthetic practices", () => {
  const db = useTestDatabase({ seed: true });
  const links: Links = { practices: new Map(), parents: new Map() };
  const services = () =>
    [...links.parents]
      .filter(([, parent]) => parent === null)
      .map(([code]) => code)
      .sort();
  const practicesIn = (nuts: string) => [...links.practices].filter(([, practice]) => practice.regions.includes(nuts));

  beforeAll(async () => {
    await loadSynthetic(db.graph, syntheticCatalogue(600, randomSource(9)));
    // Practices in two regions: each region counts them.
    await db.driver.executeQuery(
      `MATCH (p:Practice) WHERE p.id IN ['bench-000001', 'bench-000002', 'bench-000003']
       MATCH (r:Region {nuts: 'ITI2'}) WHERE NOT (p)-[:IN_REGION]->(r)
       CREATE (p)-[:IN_REGION]->(r)`,
    );
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Practice)
       RETURN p.id AS id, [(p)-[:IN_REGION]->(r:Region) | r.nuts] AS regions,
              [(p)-[:IMPLEMENTS]->(l:Lep) | l.code] AS leps, [(p)-[:TARGETS]->(t:TargetGroup) | t.id] AS targets`,
    );
    for (const record of records) {
      links.practices.set(record.get("id"), {
        regions: record.get("regions"),
        leps: record.get("leps"),
        targets: record.get("targets"),
      });
    }
    const lepRows = await db.driver.executeQuery(
      "MATCH (l:Lep) OPTIONAL MATCH (l)-[:PART_OF]->(parent:Lep) RETURN l.code AS code, parent.code AS parent",
    );
    for (const record of lepRows.records) links.parents.set(record.get("code"), record.get("parent"));
  });

  it("counts every territory's practices and covered services as the tally does", async () => {
    const tally = REGIONS.map(({ nuts }) => {
      const here = practicesIn(nuts);
      const covered = new Set(here.flatMap(([, practice]) => [...covers(links, practice.leps)]));
      return { nuts, practiceCount: here.length, lepsCovered: services().filter((code) => covered.has(code)).length };
    });
    expect(tally.find((entry) => entry.nuts === "ITI2")!.practiceCount).toBeGreaterThan(3);
    const coverage = await regionCoverage(db.reader);
    expect(coverage.map(({ nuts, practiceCount, lepsCovered }) => ({ nuts, practiceCount, lepsCovered }))).toEqual(
      expect.arrayContaining(tally),
    );
    expect(coverage).toHaveLength(tally.length);
    for (const entry of coverage) {
      expect(entry.coverageRank).toBe(1 + tally.filter((other) => other.lepsCovered > entry.lepsCovered).length);
    }
  });

  it.each(["ITC3", "ITI2", "ITF6", "ITH1"])(
    "profiles %s as the tally does, its gaps' models in replicableModels order",
    async (nuts) => {
      const profile = await regionProfile(db.reader, nuts);
      const here = practicesIn(nuts);
      expect(profile.practiceIds).toEqual(here.map(([id]) => id).sort());
      const lepCoverage = services().map((code) => {
        const practicesHere = here.filter(([, practice]) => covers(links, practice.leps).has(code)).length;
        const regionsCovering = REGIONS.filter((region) =>
          practicesIn(region.nuts).some(([, practice]) => covers(links, practice.leps).has(code)),
        ).length;
        return { code, covered: practicesHere > 0, practicesHere, regionsCovering };
      });
      expect(
        profile.lepCoverage.map(({ code, covered, practicesHere, regionsCovering }) => ({
          code,
          covered,
          practicesHere,
          regionsCovering,
        })),
      ).toEqual(lepCoverage);
      expect(profile.gaps.map((gap) => gap.code)).toEqual(
        lepCoverage.filter((entry) => !entry.covered).map((entry) => entry.code),
      );
      for (const gap of profile.gaps) {
        const { matches } = await findReplicableModels(db.reader, { region: nuts, leps: [gap.code], limit: 3 });
        expect(gap.modelIds).toEqual(matches.map((match) => match.practiceId));
      }
    },
  );

  it("profiles every territory alike with the memos of a graph version as without", async () => {
    const version = `at-scale-${Date.now()}`;
    const memoised = { ...db.reader, scope: { ...db.reader.scope, graphVersion: () => version } };
    for (const { nuts } of REGIONS) {
      const plain = await regionProfile(db.reader, nuts);
      expect(await regionProfile(memoised, nuts)).toEqual(plain);
      expect(await regionProfile(memoised, nuts)).toEqual(plain);
    }
  });

  it("has regions with gaps among those profiled", async () => {
    const withGaps = await Promise.all(
      ["ITC3", "ITI2", "ITF6", "ITH1"].map(async (nuts) => (await regionProfile(db.reader, nuts)).gaps.length),
    );
    expect(withGaps.some((gaps) => gaps > 0)).toBe(true);
  });

  const asks: Array<{ region: string; leps?: string[]; targets?: string[] }> = [
    { region: "ITH3", leps: ["M"] },
    { region: "ITC4", leps: ["F", "O"] },
    { region: "ITC3", leps: ["F1"] },
    { region: "ITI4", leps: ["M2", "A"], targets: ["target-0", "target-7", "persone-con-disabilita"] },
    { region: "ITF6", targets: ["target-3"] },
    { region: "ITI2" },
    { region: "ITG2" },
  ];

  it.each(asks)("finds every other region's practice covering the ask, with what it shares: %j", async (ask) => {
    const { asked, matches } = await findReplicableModels(db.reader, { ...ask, limit: 100_000 });
    const own = (nuts: string) => practicesIn(nuts).map(([, practice]) => practice);
    const offeredLeps = new Set(own(ask.region).flatMap((practice) => [...covers(links, practice.leps)]));
    const offeredTargets = new Set(own(ask.region).flatMap((practice) => practice.targets));
    const askedLeps = ask.leps ?? (ask.targets ? [] : services().filter((code) => !offeredLeps.has(code)));
    const askedTargets = ask.targets ?? [];
    expect(asked.leps.map(({ id, offeredHere }) => ({ id, offeredHere }))).toEqual(
      askedLeps.map((id) => ({ id, offeredHere: offeredLeps.has(id) })),
    );
    expect(asked.targets.map(({ id, offeredHere }) => ({ id, offeredHere }))).toEqual(
      askedTargets.map((id) => ({ id, offeredHere: offeredTargets.has(id) })),
    );

    const expected = [...links.practices]
      .filter(([, practice]) => !practice.regions.includes(ask.region))
      .map(([id, practice]) => {
        const covered = covers(links, practice.leps);
        return {
          id,
          leps: askedLeps.filter((code) => covered.has(code)),
          targets: askedTargets.filter((target) => practice.targets.includes(target)),
        };
      })
      .filter((candidate) => candidate.leps.length + candidate.targets.length > 0)
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(expected.length).toBeGreaterThan(3);
    const shared = (match: (typeof matches)[number], kind: string) =>
      match.reasons.find((reason) => reason.kind === kind)?.shared.map((item) => item.id) ?? [];
    const found = matches.map((match) => ({
      id: match.practiceId,
      leps: shared(match, "LEP"),
      targets: shared(match, "TARGET"),
    }));
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
  });
});
