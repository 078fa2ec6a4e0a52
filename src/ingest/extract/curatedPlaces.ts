/**
 * The municipality and province of a curated job centre, read from its name as a designated one's are ("CPI di
 * Lecco" is in Lecco; "CPI Genova Centro", a centre of a town with several, in Genova), where the town is in the
 * region the vocabulary gives it, or from an alias ("CPI La Spezia"). Read once per entry. (A curated stakeholder's
 * place is its entry's region, if any.)
 */
import { readTown, townPlace } from "./actorPlaces";
import { DESIGNATORS } from "./designators";

type CpiLike = { id: string; name: string; region?: string; aliases?: string[] };

const CPI_DESIGNATOR = new RegExp(DESIGNATORS.find((designator) => designator.label === "Cpi")!.pattern.source, "iu");
const placed = new WeakMap<object, object>();

export function placeCuratedCpi<E extends CpiLike>(entry: E): E {
  if ("curated" in entry || entry.region === undefined) return entry;
  let result = placed.get(entry) as E | undefined;
  if (result === undefined) {
    const town = [entry.name, ...(entry.aliases ?? [])].map((name) => townIn(name, entry.region)).find(Boolean);
    result = town ? { ...entry, ...townPlace(town) } : entry;
    placed.set(entry, result);
  }
  return result;
}

/** The town a job centre's name gives after its designator, if it is in the region ("CPI della Spezia" gives none). */
function townIn(name: string, region: string | undefined) {
  const designator = CPI_DESIGNATOR.exec(name);
  const town = designator && readTown(name, designator.index + designator[0].length, region)?.town;
  return town?.region.nuts === region ? town : undefined;
}
