/**
 * How far each of the 21 territories' practices cover the LEP services of DM 4/2018, read once for all of them:
 * what regionProfile compares a region with, and what regionCoverage lists (the map of the region page).
 */
import type { GraphReader } from "../neo4j/reader";
import { COVERED_LEP_CODES } from "./lep";

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
 * One read: the top-level services, then every region with, for each service, how many of its practices cover it
 * (own codes and the parents of sub-codes, COVERED_LEP_CODES).
 */
const COVERAGE_OF_ALL = `
MATCH (service:Lep) WHERE NOT EXISTS { (service)-[:PART_OF]->(:Lep) }
WITH service ORDER BY service.code
WITH collect({ code: service.code, name: service.name }) AS services
MATCH (r:Region)
OPTIONAL MATCH (r)<-[:IN_REGION]-(p:Practice)
WITH services, r, collect(DISTINCT p) AS practices
RETURN services, r.nuts AS nuts, size(practices) AS practiceCount,
       [service IN services | size([p IN practices WHERE service.code IN ${COVERED_LEP_CODES}])] AS practicesPerService
ORDER BY nuts`;

export async function readCoverageOfAll(reader: GraphReader): Promise<CoverageOfAll> {
  const { records } = await reader.run(COVERAGE_OF_ALL);
  const services = (records[0]?.get("services") as LepService[] | undefined) ?? [];
  const territories = records.map((record) => {
    const perService = record.get("practicesPerService") as number[];
    return {
      nuts: record.get("nuts") as string,
      practiceCount: record.get("practiceCount") as number,
      services: new Map(services.flatMap(({ code }, index) => (perService[index]! > 0 ? [[code, perService[index]!] as const] : []))),
    };
  });
  return { services, territories };
}

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
