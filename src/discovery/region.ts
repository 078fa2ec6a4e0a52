/** Finds the region (PES territory) a caller means: a NUTS-2 code or a name, whatever the case and accents. */
import type { Driver } from "neo4j-driver";
import { resolveRegion as regionByName } from "../ingest/regions";
import { foldForMatch } from "../ingest/textInline";
import { NotFoundError } from "./errors";

export type RegionRef = { nuts: string; name: string; istat: string };

const ALL_REGIONS = `
MATCH (r:Region)
RETURN r.nuts AS nuts, r.name AS name, r.istat AS istat`;

/**
 * "ITC3", "itc3", "liguria", "Emilia Romagna", "Regione Siciliana", "Trento"... -> the Region node.
 * Matching ignores case, accents, hyphens and apostrophes; the aliases of seed/regions.json count too.
 * Throws NotFoundError("REGION", text) when no region of the graph matches.
 */
export async function resolveRegion(driver: Driver, text: string, database?: string): Promise<RegionRef> {
  const { records } = await driver.executeQuery(ALL_REGIONS, {}, { database, routing: "READ" });
  const regions = records.map((record) => record.toObject() as RegionRef);
  const key = foldForMatch(text);
  const byKey = (candidate: string) => regions.find((region) => foldForMatch(region.nuts) === candidate || foldForMatch(region.name) === candidate);
  const alias = regionByName(text);
  const found = byKey(key) ?? byKey(key.replace(/^regione\s+/, "")) ?? (alias ? regions.find((region) => region.nuts === alias.nuts) : undefined);
  if (!found || key === "") throw new NotFoundError("REGION", text);
  return found;
}
