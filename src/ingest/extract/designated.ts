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

/** The end of a fund's name: punctuation, a bracket, a line break or a conjunction. */
const FUND_NAME = /^[^,;:.()\n]+?(?=\s*(?:[,;:.()\n]|\s+e\s+|\s+ed\s+|$))/u;
const MAX_FUND_WORDS = 10;

/** A slug of ASCII letters and digits: folding keeps letters such as the "ß" of "Montan an der Weinstraße". */
const slug = (text: string) =>
  normalizePhrase(text)
    .replaceAll("ß", "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
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
      const territory = readTerritory(text, after, region);
      if (territory === undefined) return [];
      const id =
        territory.town && territory.end === territory.town.end ? townSlug(territory.town) : slug(territory.name);
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
    case "fundName": {
      const name = FUND_NAME.exec(text.slice(after))?.[0].trim();
      if (!name || name.split(/\s+/).length > MAX_FUND_WORDS) return [];
      return [
        {
          ...actor(slug(name), name, after + name.length),
          kind: /regional/i.test(name) ? "REGIONAL_BUDGET" : designator.kind,
        },
      ];
    }
  }
}
