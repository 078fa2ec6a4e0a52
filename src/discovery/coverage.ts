/**
 * How far each of the 21 territories' practices cover the LEP services of DM 4/2018, read once for all of them:
 * what regionProfile compares a region with, and what regionCoverage lists (the map of the region page).
 */
import type { GraphReader } from "../neo4j/reader";
import { memoOnGraphVersion } from "./versionMemo";

/** A top-level LEP service (A..S): sub-codes are counted in their parent. */
export type LepService = { code: string; name: string };

export type TerritoryCoverage = {
  nuts: string;
  practiceCount: number;
  /** Top-level service code -> the territory's practices covering it; only services with at least one. */
  services: Map<string, number>;
};

export type CoverageOfAll = {
  /** Every top-level LEP service, in code order. */
  services: LepService[];
  /** Every Region node (the 21 territories), with or without practices, in NUTS order. */
  territories: TerritoryCoverage[];
};

/**
 * One read: the top-level services, then every region with, for each code its practices cover (own codes and the
 * parents of sub-codes, the rule of lep.ts), how many of them cover it. One pass over the relationships: each
 * region's practices are grouped by the LEP they implement, each LEP counts for itself and its parents, and the
 * practices are counted once per code (a card implementing M and M1 covers M once). The work grows with the
 * IMPLEMENTS relationships, not with practices times services.
 */
const COVERAGE_OF_ALL = `
MATCH (service:Lep) WHERE NOT EXISTS { (service)-[:PART_OF]->(:Lep) }
WITH service ORDER BY service.code
WITH collect({ code: service.code, name: service.name }) AS services
MATCH (r:Region)
CALL (r) {
  MATCH (r)<-[:IN_REGION]-(p:Practice)
  RETURN count(DISTINCT p) AS practiceCount
}
CALL (r) {
  MATCH (r)<-[:IN_REGION]-(p:Practice)-[:IMPLEMENTS]->(l:Lep)
  WITH l, collect(DISTINCT p) AS implementing
  UNWIND [l.code] + [(l)-[:PART_OF]->(parent:Lep) | parent.code] AS code
  UNWIND implementing AS p
  WITH code, count(DISTINCT p) AS practices
  RETURN collect({ code: code, practices: practices }) AS covered
}
RETURN services, r.nuts AS nuts, practiceCount, covered
ORDER BY nuts`;

/**
 * The same for every request, and a pass over every practice's services: read once per graph version
 * (versionMemo.ts), so a request pays for it only after the graph changed.
 */
export const readCoverageOfAll = memoOnGraphVersion(async (reader: GraphReader): Promise<CoverageOfAll> => {
  const { records } = await reader.run(COVERAGE_OF_ALL);
  const services = (records[0]?.get("services") as LepService[] | undefined) ?? [];
  const serviceCodes = new Set(services.map(({ code }) => code));
  const territories = records.map((record) => {
    const covered = record.get("covered") as Array<{ code: string; practices: number }>;
    return {
      nuts: record.get("nuts") as string,
      practiceCount: record.get("practiceCount") as number,
      services: new Map(
        covered.filter(({ code }) => serviceCodes.has(code)).map(({ code, practices }) => [code, practices] as const),
      ),
    };
  });
  return { services, territories };
});

/** Covered services / all services, 0..1, rounded to 6 decimals. */
export function coverageRate(covered: number, services: number): number {
  return services === 0 ? 0 : Math.round((covered / services) * 1e6) / 1e6;
}

/**
 * 1 = the widest coverage among the territories; ties share a rank (1, 2, 2, 4...), so every territory without
 * practices shares the last one.
 */
export function coverageRank(covered: number, territories: readonly TerritoryCoverage[]): number {
  return 1 + territories.filter((territory) => territory.services.size > covered).length;
}
