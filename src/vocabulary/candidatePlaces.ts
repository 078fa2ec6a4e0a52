/**
 * The places alias candidates are compared by (candidates.ts): a node's, an entry's. A place may be several towns:
 * the curated "CPI di Eboli-Oliveto Citra" serves both, and a provisional "CPI di Oliveto Citra" may be it.
 */
import { readTown, readTownsAfter, type TownRead } from "../ingest/extract/actorPlaces";
import { DESIGNATORS } from "../ingest/extract/designators";

/** Each level's values: several where an entry covers several towns (and their provinces). */
export type Place = { municipalities: Town[]; provinces: string[]; region?: string };
type Town = { istat: string; name: string };

type SharedPlace = { level: "municipality" | "province" | "region"; weight: number; says: string };

/** A node's or a stakeholder entry's place, as its fields give it. */
export function placeOf(fields: {
  municipalityIstat?: string;
  municipality?: string;
  province?: string;
  region?: string;
}): Place {
  const { municipalityIstat: istat, municipality: name, province, region } = fields;
  return {
    municipalities: istat === undefined ? [] : [{ istat, name: name ?? istat }],
    provinces: province === undefined ? [] : [province],
    region,
  };
}

/** After a town of a job centre's name, what goes on to the next: "Eboli-Oliveto Citra", "Sala e Teggiano". */
const TOWN_SEPARATOR = /^\s*(?:[-–,]\s*|\s+e\s+|\s+ed\s+)/u;

/** The importer's job-centre designator (extract/designators.ts), its preposition included: "CPI di", "CPI dell'". */
const CPI_DESIGNATOR = new RegExp(DESIGNATORS.find((designator) => designator.label === "Cpi")!.pattern.source, "iu");

/**
 * A curated job centre is placed by its region only; its towns are the names after its designator ("CPI Genova
 * Centro": Genova; "CPI di Eboli-Oliveto Citra": both), each in the entry's region, read as the importer reads a
 * town: the first one as after a designator (readTownsAfter), so that an articled preposition gives the town its
 * article back ("CPI della Spezia": La Spezia; "CPI dell'Aquila": L'Aquila), the others as a town (readTown). Not
 * placeCuratedCpi (extract/curatedPlaces.ts), which gives the import the one place a node has: the first town only,
 * so that "CPI di Oliveto Citra" would be ruled out by its town.
 */
export function cpiPlace(entry: { name: string; aliases: string[]; region: string }): Place {
  for (const name of [entry.name, ...entry.aliases]) {
    const designator = CPI_DESIGNATOR.exec(name);
    if (designator === null) continue;
    const after = designator.index + designator[0].length;
    // readTownsAfter's list stops at a town followed by a capitalised word ("Genova Centro"): it is asked only for
    // the first town, where readTown reads none (an articled one).
    let read: TownRead | undefined =
      readTown(name, after, entry.region) ?? readTownsAfter(name, after, entry.region)[0];
    const towns = [];
    while (read !== undefined && read.town.region.nuts === entry.region) {
      towns.push(read.town);
      const separator = TOWN_SEPARATOR.exec(name.slice(read.end));
      read = separator ? readTown(name, read.end + separator[0].length, entry.region) : undefined;
    }
    if (towns.length > 0) {
      return {
        municipalities: towns.map((town) => ({ istat: town.istat, name: town.name })),
        provinces: [...new Set(towns.map((town) => town.province.sigla))],
        region: entry.region,
      };
    }
  }
  return { municipalities: [], provinces: [], region: entry.region };
}

const LEVELS = [
  { level: "municipality", weight: 1, values: (place: Place) => place.municipalities.map((town) => town.istat) },
  { level: "province", weight: 0.5, values: (place: Place) => place.provinces },
  { level: "region", weight: 0.25, values: (place: Place) => (place.region === undefined ? [] : [place.region]) },
] as const;

/**
 * The finest place both know: one they share (what it weighs, how to say it), "conflict" when they know that level
 * and none of the node's is the entry's, or undefined when one of them knows no place at all.
 */
export function sharedPlace(node: Place, entry: Place): SharedPlace | "conflict" | undefined {
  for (const { level, weight, values } of LEVELS) {
    const [mine, theirs] = [values(node), values(entry)];
    if (mine.length === 0 || theirs.length === 0) continue;
    const shared = mine.find((value) => theirs.includes(value));
    if (shared === undefined) return "conflict";
    const name = node.municipalities.find((town) => town.istat === shared)?.name ?? shared;
    return { level, weight, says: `same ${level} ${name}` };
  }
  return undefined;
}
