/**
 * regionProfile: what a region's practices cover against the LEP services of DM 4/2018 and the other regions,
 * whom they reach, and, for every service it does not cover, the best models elsewhere (replicableModels ranking).
 */
import type { GraphReader } from "../neo4j/reader";
import { coverageRank, coverageRate, readCoverageOfAll } from "./coverage";
import { findRegion, type RegionRef } from "./region";
import { modelsForEachLep } from "./replicable";

export type LepCoverage = {
  code: string;
  name: string;
  covered: boolean;
  /** The region's practices covering it (a sub-code counts for its parent). */
  practicesHere: number;
  /** Regions, this one included, with at least one practice covering it. */
  regionsCovering: number;
};
export type TargetGroupReach = { id: string; name: string; practices: number };
export type LepGap = { code: string; name: string; modelIds: string[] };
export type RegionProfile = {
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

const PRACTICES_HERE = `
MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(p:Practice)
RETURN p.id AS id ORDER BY id`;

const TARGET_GROUPS_HERE = `
MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(p:Practice)-[:TARGETS]->(t:TargetGroup)
RETURN t.id AS id, t.name AS name, count(DISTINCT p) AS practices
ORDER BY practices DESC, name, id`;

const GAP_MODELS = 3;

/** `region` is a NUTS-2 code or a name; throws NotFoundError("REGION") when none matches. */
export async function regionProfile(reader: GraphReader, region: string): Promise<RegionProfile> {
  const here = findRegion(region);
  const [{ services, territories }, practices, targets] = await Promise.all([
    readCoverageOfAll(reader),
    reader.run(PRACTICES_HERE, { nuts: here.nuts }),
    reader.run(TARGET_GROUPS_HERE, { nuts: here.nuts }),
  ]);
  const mine = territories.find((territory) => territory.nuts === here.nuts)?.services ?? new Map<string, number>();
  const lepCoverage: LepCoverage[] = services.map(({ code, name }) => ({
    code,
    name,
    covered: mine.has(code),
    practicesHere: mine.get(code) ?? 0,
    regionsCovering: territories.filter((territory) => territory.services.has(code)).length,
  }));

  const uncovered = lepCoverage.filter((entry) => !entry.covered);
  const models = await modelsForEachLep(reader, here.nuts, uncovered, GAP_MODELS);
  const gaps: LepGap[] = uncovered.map(({ code, name }) => ({ code, name, modelIds: models.get(code) ?? [] }));

  return {
    region: here,
    practiceIds: practices.records.map((record) => record.get("id") as string),
    lepCoverage,
    coverageRate: coverageRate(mine.size, services.length),
    coverageRank: coverageRank(mine.size, territories),
    regionsWithPractices: territories.filter((territory) => territory.practiceCount > 0).length,
    targetGroups: targets.records.map((record) => record.toObject() as TargetGroupReach),
    gaps,
  };
}
