/**
 * The municipality and province of a curated job centre, read from its name as a designated one's are ("CPI di
 * Lecco" is in Lecco; "CPI Genova Centro", a centre of a town with several, in Genova), where the town is in the
 * region the vocabulary gives it. Read once per entry. (A curated stakeholder's place is its entry's region, if any.)
 */
import { readTown, townPlace } from "./actorPlaces";
import { DESIGNATORS } from "./designators";

type CpiLike = { id: string; name: string; region?: string };

const CPI_DESIGNATOR = new RegExp(DESIGNATORS.find((designator) => designator.label === "Cpi")!.pattern.source, "iu");
const placed = new WeakMap<object, object>();

export function placeCuratedCpi<E extends CpiLike>(entry: E): E {
  if ("curated" in entry || entry.region === undefined) return entry;
  let result = placed.get(entry) as E | undefined;
  if (result === undefined) {
    const designator = CPI_DESIGNATOR.exec(entry.name);
    const town = designator && readTown(entry.name, designator.index + designator[0].length, entry.region);
    result = town?.town.region.nuts === entry.region ? { ...entry, ...townPlace(town.town) } : entry;
    placed.set(entry, result);
  }
  return result;
}
