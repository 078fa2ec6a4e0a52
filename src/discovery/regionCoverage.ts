/**
 * regionCoverage: how many LEP services each of the 21 territories covers, counted as regionProfile counts them
 * (one read of coverage.ts for all): the data of a map of Italy coloured by coverage.
 */
import type { GraphReader } from "../neo4j/reader";
import { coverageRank, coverageRate, readCoverageOfAll } from "./coverage";

export type RegionCoverage = {
  nuts: string;
  practiceCount: number;
  /** Top-level LEP services (A..S) at least one of its practices covers. */
  lepsCovered: number;
  coverageRate: number;
  coverageRank: number;
};

/** Every territory, the widest coverage first, then by NUTS code. */
export async function regionCoverage(reader: GraphReader): Promise<RegionCoverage[]> {
  const { services, territories } = await readCoverageOfAll(reader);
  return territories
    .map((territory) => ({
      nuts: territory.nuts,
      practiceCount: territory.practiceCount,
      lepsCovered: territory.services.size,
      coverageRate: coverageRate(territory.services.size, services.length),
      coverageRank: coverageRank(territory.services.size, territories),
    }))
    .sort((a, b) => a.coverageRank - b.coverageRank || a.nuts.localeCompare(b.nuts));
}
