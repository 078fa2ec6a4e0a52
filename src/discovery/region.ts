/** Finds the region (PES territory) a caller means: a NUTS-2 code or a name, whatever the case and accents. */
import { REGIONS, resolveRegion } from "../reference/regions";
import { NotFoundError } from "../errors";

export type RegionRef = { nuts: string; name: string; istat: string };

/**
 * "ITC3", "itc3", "liguria", "Emilia Romagna", "Regione Siciliana", "Trento"... -> the region. Names and aliases
 * are matched by the ingest's resolveRegion (seed/regions.json: the 21 territories the loader writes as Region
 * nodes), ignoring case, accents, hyphens, apostrophes and a leading "Regione".
 * Throws NotFoundError("REGION", text) when nothing matches.
 */
export function findRegion(text: string): RegionRef {
  const code = text.trim().toUpperCase();
  const found = REGIONS.find((region) => region.nuts === code) ?? resolveRegion(text);
  if (!found) throw new NotFoundError("REGION", text);
  return { nuts: found.nuts, name: found.name, istat: found.istat };
}
