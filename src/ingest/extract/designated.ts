/**
 * The actors a text names with a designator (designators.ts), each with the id, kind, name and place it gets whether
 * or not the vocabulary knows it. The id is the kind's prefix and the normalized name read after the designator
 * ("cpi-cantu", "confartigianato-lecce"), with the ISTAT code where towns share the name ("comune-castro-075019"),
 * so the same actor gets the same id in every card and every import, and an expert who accepts it into the
 * vocabulary keeps it.
 */
import { normalizePhrase } from "../../text/tokens";
import {
  properName,
  readTerritory,
  readTown,
  readTownsAfter,
  regionAtStart,
  regionName,
  townPlace,
  type Place,
  type TownRead,
} from "./actorPlaces";
import { DESIGNATORS, type ActorLabel, type Designator } from "./designators";
import type { Span } from "./matcher";

export type DesignatedActor = Span & {
  label: ActorLabel;
  kind: Designator["kind"];
  id: string;
  name: string;
  place?: Place;
  partOf?: string;
};

/**
 * A fund's name: its capitalised words, with "e", "di", "per" (and an article) between them, or a list of single words
 * ("Asilo, Migrazione e Integrazione"). A year, a lowercase word or another fund ends it: "Fondo Sociale Europeo
 * 2014-2020" and "Fondo Sociale Europeo nell'ambito del POR" are the Fondo Sociale Europeo the vocabulary knows.
 */
const FUND_WORD = String.raw`(?!Fond[oi](?![\p{L}]))\p{Lu}[\p{L}'’-]*|(?!(?:19|20)\d\d)\d+(?![\p{L}\p{N}])`;
const FUND_OF = String.raw`(?:di|per|del|della|dei|delle|degli)(?:\s+(?:il|la|lo|le|i|gli)\s+|\s+l['’]\s*|\s+)`;
const FUND_LINK = String.raw`(?:e|ed|${FUND_OF})`;
const FUND_NAME = new RegExp(
  String.raw`^(?:${FUND_OF})?(?:(?:${FUND_WORD})(?:,\s+(?:${FUND_WORD}))+\s+e\s+(?:${FUND_WORD})` +
    String.raw`|(?:${FUND_WORD})(?:\s+(?:${FUND_LINK}\s*)?(?:${FUND_WORD}))*)(?![\p{L}\p{N}])`,
  "u",
);

/** A slug of ASCII letters and digits: folding keeps letters such as the "ß" of "Montan an der Weinstraße". */
const slug = (text: string) =>
  normalizePhrase(text)
    .replaceAll("ß", "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
/** "di" or its articled forms before a town: "Enrico Fermi di Lecce" is Enrico Fermi, of Lecce. */
const TRAILING_OF = /\s+(?:di|del|della|dell['’]|d['’])?\s*$/iu;
/** The town a school's name ends with ("Enrico Fermi di Lecce"), and where in the name it starts. */
function townEnding(name: string, region?: string): { read: TownRead; start: number } | undefined {
  for (const word of name.matchAll(/(?<=\s|['’])\p{Lu}/gu)) {
    const read = readTown(name, word.index, region);
    // properName keeps a full stop in a word ("S.p.A."), so one may follow the town
    if (read && /^\.?$/u.test(name.slice(read.end))) return { read, start: word.index };
  }
  return undefined;
}
const townSlug = (read: TownRead) => `${slug(read.town.name)}${read.shared ? `-${read.town.istat}` : ""}`;

/** Every designated actor of the text, in reading order; `region` (the card's) tells towns sharing a name apart. */
export function findDesignatedActors(text: string, region?: string): DesignatedActor[] {
  const actors = DESIGNATORS.flatMap((designator) =>
    [...text.matchAll(designator.pattern)].flatMap((match) =>
      read(designator, text, match.index, match.index + match[0].length, region),
    ),
  );
  return actors.sort((a, b) => a.start - b.start || b.end - a.end);
}

function read(designator: Designator, text: string, start: number, after: number, region?: string): DesignatedActor[] {
  const written = text.slice(start, after).trim().replace(/\s+/g, " ");
  const actor = (id: string, name: string, end: number, place?: Place): DesignatedActor => ({
    label: designator.label,
    kind: designator.kind,
    id: `${designator.idPrefix}-${id}`,
    name: designator.name(name, written),
    ...(place ? { place } : {}),
    ...(designator.partOf ? { partOf: designator.partOf } : {}),
    start,
    end,
  });
  switch (designator.reading) {
    case "towns":
      // Each town of a list is its own actor, the first one's span starting at the designator.
      return readTownsAfter(text, after, region)
        .map((town) => actor(townSlug(town), town.town.name, town.end, townPlace(town.town)))
        .map((found, index, all) => (index === 0 ? found : { ...found, start: all[index - 1]!.end }));
    case "townAndName": {
      const town = readTown(text, after, region);
      if (town === undefined) return [];
      const rest = properName(text, town.end, 3);
      const name = rest ? `${town.town.name} ${rest.text}` : town.town.name;
      return [
        actor(
          rest ? `${townSlug(town)}-${slug(rest.text)}` : townSlug(town),
          name,
          rest?.end ?? town.end,
          townPlace(town.town),
        ),
      ];
    }
    case "territory": {
      // The id is the place as the gazetteer writes it, so that every spelling of a branch or chamber gives one id:
      // "Reggio di Calabria" and "Reggio Calabria", "Pesaro e Urbino" and "Pesaro Urbino", "Bolzano/Bozen".
      const territory = readTerritory(text, after, region);
      if (territory === undefined) return [];
      const place = territory.town ? townSlug(territory.town) : slug(territory.canonical);
      const id = [place, slug(territory.qualifiers)].filter((part) => part !== "").join("-");
      return [actor(id, territory.name, territory.end, territory.place)];
    }
    case "region": {
      const found = regionAtStart(text, after);
      return found ? [actor(slug(found.region.name), found.region.name, found.end, { region: found.region.nuts })] : [];
    }
    case "regionLavoro": {
      const found = regionAtStart(text, after);
      const lavoro = found && /^\s+lavoro(?![\p{L}])/iu.exec(text.slice(found.end));
      if (!found || !lavoro) return [];
      return [
        actor(`${slug(found.region.name)}-lavoro`, found.region.name, found.end + lavoro[0].length, {
          region: found.region.nuts,
        }),
      ];
    }
    case "name": {
      const name = properName(text, after, 8);
      return name ? [actor(slug(name.text), name.text, name.end)] : [];
    }
    case "school": {
      // Schools share names ("Enrico Fermi"): the id keeps the kind of school, then its town, else the card's region.
      const name = properName(text, after, 8);
      if (name === undefined) return [];
      const kind = slug(written.replace(/^istituto/iu, ""));
      const town = townEnding(name.text, region);
      const own = town ? name.text.slice(0, town.start).replace(TRAILING_OF, "") : name.text;
      const where = town ? townSlug(town.read) : region === undefined ? "" : slug(regionName(region));
      const id = [kind, slug(own), where].filter((part) => part !== "").join("-");
      const place = town ? townPlace(town.read.town) : region === undefined ? undefined : { region };
      return [actor(id, name.text, name.end, place)];
    }
    case "fundName": {
      const name = FUND_NAME.exec(text.slice(after))?.[0].trim();
      if (!name) return [];
      return [
        {
          ...actor(slug(name), name, after + name.length),
          kind: /regional/i.test(name) ? "REGIONAL_BUDGET" : designator.kind,
        },
      ];
    }
  }
}
