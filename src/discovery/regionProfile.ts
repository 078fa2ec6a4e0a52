/**
 * regionProfile: what a region's practices cover against the LEP services of DM 4/2018 and the other regions,
 * whom they reach, and, for every service it does not cover, the best models elsewhere (replicableModels ranking).
 */
import type { GraphReader } from "../neo4j/reader";
import { COVERED_LEP_CODES, readLeps } from "./lep";
import { findRegion, type RegionRef } from "./region";
import { modelsForEachLep } from "./replicable";

type LepCoverage = {
  code: string;
  name: string;
  covered: boolean;
  /** The region's practices covering it (a sub-code counts for its parent). */
  practicesHere: number;
  /** Regions, this one included, with at least one practice covering it. */
  regionsCovering: number;
};
type TargetGroupReach = { id: string; name: string; practices: number };
type LepGap = { code: string; name: string; modelIds: string[] };
type RegionProfile = {
  region: RegionRef;
  practiceIds: string[];
  /** Every top-level LEP (A..S), in code order. */
  lepCoverage: LepCoverage[];
  /** covered / all top-level LEPs, 0..1. */
  coverageRate: number;
  /** 1 = the widest coverage among the 21 regions; ties share a rank (1, 2, 2, 4...). */
  coverageRank: number;
  regionsWithPractices: number;
  /** Most reached first. */
  targetGroups: TargetGroupReach[];
  /** Uncovered LEPs in code order, each with the best (at most 3) models of other regions. */
  gaps: LepGap[];
};

/** How many practices per region cover each LEP code (own codes and the parents of sub-codes). */
const COVERAGE_BY_REGION = `
MATCH (r:Region)<-[:IN_REGION]-(p:Practice)
UNWIND ${COVERED_LEP_CODES} AS code
WITH r, code, count(DISTINCT p) AS practices
RETURN r.nuts AS nuts, code, practices`;

const PRACTICES_HERE = `
MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(p:Practice)
RETURN p.id AS id ORDER BY id`;

const REGIONS_WITH_PRACTICES = `
MATCH (r:Region) WHERE EXISTS { (r)<-[:IN_REGION]-(:Practice) }
RETURN count(r) AS regions`;

const ALL_REGION_CODES = `MATCH (r:Region) RETURN r.nuts AS nuts`;

const TARGET_GROUPS_HERE = `
MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(p:Practice)-[:TARGETS]->(t:TargetGroup)
RETURN t.id AS id, t.name AS name, count(DISTINCT p) AS practices
ORDER BY practices DESC, name, id`;

const GAP_MODELS = 3;

/** `region` is a NUTS-2 code or a name; throws NotFoundError("REGION") when none matches. */
export async function regionProfile(reader: GraphReader, region: string): Promise<RegionProfile> {
  const here = findRegion(region);
  const [leps, coverage, practices, withPractices, allRegions, targets] = await Promise.all([
    readLeps(reader),
    reader.run(COVERAGE_BY_REGION),
    reader.run(PRACTICES_HERE, { nuts: here.nuts }),
    reader.run(REGIONS_WITH_PRACTICES),
    reader.run(ALL_REGION_CODES),
    reader.run(TARGET_GROUPS_HERE, { nuts: here.nuts }),
  ]);
  const services = leps.filter((lep) => lep.parent === null);
  const topLevel = new Set(services.map((lep) => lep.code));

  /** region -> code -> practices, top-level codes only. */
  const byRegion = new Map<string, Map<string, number>>(allRegions.records.map((record) => [record.get("nuts") as string, new Map()]));
  for (const record of coverage.records) {
    const code = record.get("code") as string;
    if (topLevel.has(code)) byRegion.get(record.get("nuts") as string)?.set(code, record.get("practices") as number);
  }
  const mine = byRegion.get(here.nuts) ?? new Map<string, number>();
  const lepCoverage: LepCoverage[] = services.map(({ code, name }) => ({
    code,
    name,
    covered: (mine.get(code) ?? 0) > 0,
    practicesHere: mine.get(code) ?? 0,
    regionsCovering: [...byRegion.values()].filter((codes) => (codes.get(code) ?? 0) > 0).length,
  }));
  const coveredHere = mine.size;
  const coverageRank = 1 + [...byRegion.values()].filter((codes) => codes.size > coveredHere).length;

  const uncovered = lepCoverage.filter((entry) => !entry.covered);
  const models = await modelsForEachLep(reader, here.nuts, uncovered, GAP_MODELS);
  const gaps: LepGap[] = uncovered.map(({ code, name }) => ({ code, name, modelIds: models.get(code) ?? [] }));

  return {
    region: here,
    practiceIds: practices.records.map((record) => record.get("id") as string),
    lepCoverage,
    coverageRate: services.length === 0 ? 0 : Math.round((coveredHere / services.length) * 1e6) / 1e6,
    coverageRank,
    regionsWithPractices: withPractices.records[0]?.get("regions") ?? 0,
    targetGroups: targets.records.map((record) => record.toObject() as TargetGroupReach),
    gaps,
  };
}
