/**
 * The places a designator is followed by, read from the gazetteer (src/reference/gazetteer.ts): a town ("CPI di
 * Cantù", "Comune di Castro (LE)"), a list of towns ("Comuni di Avellino, Aiello del Sabato e Guardia Lombardi"), a
 * territory (a town, a province or a region: "Confartigianato Lecce", "Confindustria Toscana Sud"), or a region
 * ("Arpal Umbria"). Every read says where the place's name ends in the text, so the actor's name can be cut there.
 */
import {
  allProvinces,
  findMunicipalities,
  findProvince,
  municipalityAtStart,
  type Municipality,
  type Province,
} from "../../reference/gazetteer";
import { REGIONS, resolveRegion, type Region } from "../../reference/regions";
import { normalizePhrase } from "../../text/tokens";

/** An actor's place, as its entity and node hold it (catalogue.ts): the municipality and province where known. */
export type Place = {
  municipality?: string;
  municipalityIstat?: string;
  province?: string;
  provinceName?: string;
  region: string;
};

export type TownRead = {
  town: Municipality;
  /** The name as the text writes it, a province in brackets aside. */
  written: string;
  /** Whether other towns share the name: the actor's id then carries the ISTAT code. */
  shared: boolean;
  end: number;
};

/** "(LE)" after a town's name: which of the towns sharing the name it is. */
const PROVINCE_IN_BRACKETS = /^\s*\(\s*(\p{L}{2})\s*\)/u;
/** What goes on from one town of a list to the next. */
const LIST_SEPARATOR = /^\s*(?:,\s*(?:e\s+|ed\s+)?|\s+e\s+|\s+ed\s+)/u;

/**
 * The town the text starts with (at `start`); among towns sharing the name, the one of the province in brackets,
 * else the one of the card's region. Undefined when the text starts with no town's name, or with one the card does
 * not let us tell from its namesakes.
 */
export function readTown(text: string, start: number, region?: string): TownRead | undefined {
  const match = municipalityAtStart(text.slice(start));
  // Names are written capitalised: "comuni di zone montane" names no town Zone, "CPI di ora in poi" none Ora/Auer.
  if (match === undefined || !/^\p{Lu}/u.test(match.name)) return undefined;
  let end = start + match.end;
  let candidates = match.municipalities;
  const bracket = PROVINCE_IN_BRACKETS.exec(text.slice(end));
  if (bracket) {
    const province = findProvince(bracket[1]!);
    const inProvince = candidates.filter((town) => town.province.sigla === province?.sigla);
    if (inProvince.length > 0) {
      candidates = inProvince;
      end += bracket[0].length;
    }
  }
  if (candidates.length > 1) candidates = candidates.filter((town) => town.region.nuts === region);
  if (candidates.length !== 1) return undefined;
  const shared = findMunicipalities(candidates[0]!.name).length > 1 || match.municipalities.length > 1;
  return { town: candidates[0]!, written: match.name, shared, end };
}

/** The article a preposition before a town holds: "CPI della Spezia" is the CPI of La Spezia, "dell'Aquila" L'Aquila. */
const ARTICLES: ReadonlyArray<[RegExp, string]> = [
  [/della\s*$/iu, "La "],
  [/dello\s*$/iu, "Lo "],
  [/dell['’]\s*$/iu, "L'"],
];

/**
 * The towns of a list after a designator, as readTowns reads them, or, where none is read after an articled
 * preposition, with its article given back to the first town's name.
 */
export function readTownsAfter(text: string, start: number, region?: string): TownRead[] {
  const towns = readTowns(text, start, region);
  const article = ARTICLES.find(([preposition]) => preposition.test(text.slice(0, start)))?.[1];
  if (towns.length > 0 || article === undefined) return towns;
  const shift = (town: TownRead): TownRead => ({ ...town, end: town.end - article.length + start });
  return readTowns(`${article}${text.slice(start)}`, 0, region).map(shift);
}

/** A name that goes on with a capitalised word is more than the town's ("Pompei Scavi" is not Pompei). */
const NAME_GOES_ON = /^[ \t]+[\p{Lu}\d]/u;

/** The towns of a list that starts at `start`, each followed by a comma or "e" and the next one. */
export function readTowns(text: string, start: number, region?: string): TownRead[] {
  const towns: TownRead[] = [];
  let at = start;
  for (;;) {
    const town = readTown(text, at, region);
    if (town === undefined || NAME_GOES_ON.test(text.slice(town.end))) return towns;
    towns.push(town);
    const separator = LIST_SEPARATOR.exec(text.slice(town.end));
    if (!separator) return towns;
    at = town.end + separator[0].length;
  }
}

export function townPlace(town: Municipality): Place {
  const { istat, name, province, region } = town;
  return {
    municipality: name,
    municipalityIstat: istat,
    province: province.sigla,
    provinceName: province.name,
    region: region.nuts,
  };
}

/** Capitalised words (and the linking words between them) from `start`: a proper name's extent, at most `max` words. */
export function properName(text: string, start: number, max = 4): { text: string; end: number } | undefined {
  const word = /^(\s*)([\p{Lu}\d][\p{L}\p{N}'’.-]*|(?:di|del|della|dei|delle|dell['’]|e)(?=\s))/u;
  let at = start;
  let end = start;
  let count = 0;
  while (count < max) {
    const found = word.exec(text.slice(at));
    if (!found) break;
    at += found[0].length;
    count += 1;
    if (/^\p{Lu}|^\d/u.test(found[2]!)) end = at;
  }
  const name = text.slice(start, end).trim();
  return name === "" ? undefined : { text: name, end };
}

/** The first four words from `start`, up to the end of the phrase (punctuation or a line break). */
function wordsOfPhrase(text: string, start: number): RegExpExecArray[] {
  const phrase = /^[^;,.:()\n]*/u.exec(text.slice(start))![0];
  return [...phrase.matchAll(/\p{L}[\p{L}'’-]*/gu)].slice(0, 4);
}

/** The region a text starts with, over its first one to four words, the longest first ("Valle d'Aosta"). */
export function regionAtStart(text: string, start: number): { region: Region; end: number } | undefined {
  const words = wordsOfPhrase(text, start);
  for (let count = words.length; count > 0; count -= 1) {
    const last = words[count - 1]!;
    const end = start + last.index + last[0].length;
    const region = resolveRegion(text.slice(start, end));
    if (region) return { region, end };
  }
  return undefined;
}

/** Capitalised words right after a place's name that are part of the territory's: "Toscana Sud", "Alto Adriatico". */
const QUALIFIERS = /^(?:[ \t]+[\p{Lu}][\p{L}'’-]*)*/u;

/**
 * A territory: a province by name (provincial associations and chambers are the usual), else a town, else a region,
 * followed by the capitalised words that qualify it ("Confindustria Toscana Sud" is in Tuscany). "e" ends it unless
 * it is inside a province's name ("Pesaro e Urbino"): "Confartigianato Lecce e CNA Bari" names two.
 */
export type Territory = {
  name: string;
  place: Place;
  /** The place as the gazetteer writes it, whatever the spelling: "Reggio Calabria" for "Reggio di Calabria". */
  canonical: string;
  town?: TownRead;
  /** The qualifying words after the place's name ("Sud" of "Toscana Sud"). */
  qualifiers: string;
  end: number;
};

export function readTerritory(text: string, start: number, region?: string): Territory | undefined {
  const name = properName(text, start);
  if (name === undefined) return undefined;
  const found = provinceAtStart(text, start, region) ?? townAt(text, start, region) ?? regionPlaceAt(text, start);
  if (found === undefined) return undefined;
  const qualifiers = QUALIFIERS.exec(text.slice(found.end))![0];
  const end = found.end + qualifiers.length;
  return { ...found, name: text.slice(start, end).trim(), qualifiers: qualifiers.trim(), end };
}

function townAt(text: string, start: number, region?: string) {
  const town = readTown(text, start, region);
  return town && { place: townPlace(town.town), canonical: town.town.name, town, end: town.end };
}

function regionPlaceAt(text: string, start: number) {
  const found = regionAtStart(text, start);
  return found && { place: { region: found.region.nuts }, canonical: found.region.name, end: found.end };
}

/** Words that link a place's name and may be dropped or added in its spellings: "Pesaro (e) Urbino". */
const LINKING = new Set(["e", "ed", "di", "de", "del", "della", "dell", "nell", "nella", "d"]);
const contentWords = (name: string) =>
  normalizePhrase(name)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !LINKING.has(word));

let provincesByWords: Map<string, Province> | undefined;
/** A province by the words of its name but for linking words: "Monza e Brianza", "Pesaro Urbino". */
function provinceByWords(written: string): Province | undefined {
  provincesByWords ??= new Map(allProvinces().map((province) => [contentWords(province.name).join(" "), province]));
  return provincesByWords.get(contentWords(written).join(" "));
}

/**
 * The longest run of one to four words from `start` that names a province ("Monza e della Brianza", "Monza e
 * Brianza", "Lecce"), with the rest of its chief town's name when the text writes that ("Bolzano/Bozen").
 */
function provinceAtStart(text: string, start: number, region?: string) {
  const words = wordsOfPhrase(text, start);
  if (!/^\p{Lu}/u.test(words[0]?.[0] ?? "")) return undefined;
  for (let count = words.length; count > 0; count -= 1) {
    const last = words[count - 1]!;
    const written = text.slice(start, start + last.index + last[0].length);
    if (words[0]![0].length <= 2) return undefined; // a sigla is not a province's name here
    if (contentWords(last[0]).length === 0) continue; // "Lecce e" is Lecce, and "e" goes on to the next name
    const province = findProvince(written) ?? provinceByWords(written);
    if (province) {
      const town = readTown(text, start, region);
      const chief = town?.town.province.sigla === province.sigla && includesAll(town.town.name, province.name);
      return {
        place: { province: province.sigla, provinceName: province.name, region: province.region.nuts },
        canonical: province.name,
        end: Math.max(start + last.index + last[0].length, chief ? town.end : 0),
      };
    }
  }
  return undefined;
}

/** Whether a town's name has every word of its province's: Bolzano/Bozen, Reggio di Calabria. */
function includesAll(town: string, province: string): boolean {
  const words = new Set(contentWords(town));
  return contentWords(province).every((word) => words.has(word));
}

export function regionName(nuts: string): string {
  return REGIONS.find((region) => region.nuts === nuts)?.name ?? nuts;
}
