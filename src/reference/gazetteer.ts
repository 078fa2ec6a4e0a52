/**
 * The Italian gazetteer: every municipality with its ISTAT code, its province and its PES territory (the project's
 * NUTS-2 regions, seed/regions.json), for placing actors named after a town ("CPI di Cantù", "Comune di Castro").
 * The package's data is read and indexed once, on first use (about a second, most of it Node parsing the package's
 * 1.8 MB module); each lookup is then a map read, and municipalityAtStart reads the text only a word or two past
 * the name. Names match whatever their case, accents, apostrophes and spacing, then, when that finds nothing,
 * loosely (placeKeys.ts). Towns share names: lookups return every match, and the ISTAT code tells them apart.
 */
import { readGazetteerSource, type SourceMunicipality, type SourceProvince } from "./gazetteerSource";
import { exactKey, isLinkingWord, looseKey, words } from "./placeKeys";
import { resolveRegion } from "./regions";

export type Territory = { nuts: string; name: string };

export type Province = {
  /** ISTAT code of the province (3 digits), as the first three of its municipalities' codes. */
  istat: string;
  sigla: string;
  name: string;
  region: Territory;
};

export type Municipality = {
  /** ISTAT code (6 digits): the stable key where towns share a name. */
  istat: string;
  /** As ISTAT writes it, bilingual names whole: "Bolzano/Bozen". */
  name: string;
  province: Province;
  /** The province's territory, repeated for the callers that only place. */
  region: Territory;
};

/** A municipality named at the start of a text: `name` is the text's own spelling, text.slice(start, end). */
export type PrefixMatch = { name: string; start: number; end: number; municipalities: readonly Municipality[] };

/** Both keys of every name, with their keys sorted so that a prefix scan can ask whether any name goes on. */
type NameIndex = {
  exact: Map<string, Municipality[]>;
  loose: Map<string, Municipality[]>;
  exactSorted: string[];
  looseSorted: string[];
  /** Each town's names as written but for case, apostrophe and spacing: to prefer "Paternò" (CT) over Paterno (PZ). */
  spellings: Map<Municipality, Set<string>>;
};

type Gazetteer = {
  municipalities: readonly Municipality[];
  provinces: readonly Province[];
  byIstat: ReadonlyMap<string, Municipality>;
  names: NameIndex;
  provinceBySigla: ReadonlyMap<string, Province>;
  provinceByName: ReadonlyMap<string, Province>;
};

let loaded: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  loaded ??= build(readGazetteerSource());
  return loaded;
}

/**
 * The project's territory for a province: its region by name, or else, for the one package region that is two PES
 * territories (Trentino-Alto Adige), the province's own name, which seed/regions.json lists as an alias of its
 * autonomous province (Bolzano -> ITH1, Trento -> ITH2). No table of our own: both come from the registry's data.
 */
function territoryOf(regionName: string, provinceName: string): Territory {
  const region = resolveRegion(regionName) ?? resolveRegion(provinceName);
  if (!region) throw new Error(`gazetteer: no PES territory for region "${regionName}", province "${provinceName}"`);
  return { nuts: region.nuts, name: region.name };
}

/** Provinces that have municipalities: the package also lists the Sardinian ones abolished in 2016, which have none. */
function buildProvinces(
  sources: readonly SourceProvince[],
  towns: readonly SourceMunicipality[],
): Map<string, Province> {
  const bySigla = new Map(sources.map((province) => [province.sigla, province]));
  const provinces = new Map<string, Province>();
  for (const town of towns) {
    if (provinces.has(town.provinceSigla)) continue;
    const source = bySigla.get(town.provinceSigla);
    if (!source) throw new Error(`gazetteer: municipality ${town.istat} has an unknown province ${town.provinceSigla}`);
    const region = territoryOf(town.regionName, source.name);
    provinces.set(source.sigla, { istat: town.istat.slice(0, 3), sigla: source.sigla, name: source.name, region });
  }
  return provinces;
}

/**
 * The names a municipality answers to: its whole name; each side of a bilingual "Italiano/Deutsch" name; and for
 * names ISTAT writes "Italiano-Sloveno" or "Italiano-Ladino", the Italian part, found as the prefix before a hyphen
 * that the package's own key spells ("Savogna d'Isonzo" of "Savogna d'Isonzo-Sovodnje ob Soči"). A hyphenated
 * Italian name ("Gattico-Veruno") is its key whole, so it gains nothing here.
 */
function namesOf(town: SourceMunicipality): string[] {
  const names = [town.name, ...town.name.split("/")];
  const italian = exactKey(town.italianKey);
  for (let hyphen = town.name.indexOf("-"); hyphen > 0; hyphen = town.name.indexOf("-", hyphen + 1)) {
    const before = town.name.slice(0, hyphen);
    if (exactKey(before) === italian) names.push(before);
  }
  return names;
}

function addTo(index: Map<string, Municipality[]>, key: string, town: Municipality): void {
  const found = index.get(key);
  if (!found) index.set(key, [town]);
  else if (!found.includes(town)) found.push(town);
}

/** A name as written, but for case, apostrophes and spaces: accents kept. */
function spelling(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function indexNames(entries: ReadonlyArray<{ town: Municipality; names: string[] }>): NameIndex {
  const exact = new Map<string, Municipality[]>();
  const loose = new Map<string, Municipality[]>();
  const spellings = new Map<Municipality, Set<string>>();
  for (const { town, names } of entries) {
    spellings.set(town, new Set(names.map(spelling)));
    for (const name of names) {
      addTo(exact, exactKey(name), town);
      // "Dello" is all linking word: no loose key, or an empty query would find it.
      const key = looseKey(name);
      if (key !== "") addTo(loose, key, town);
    }
  }
  return { exact, loose, exactSorted: [...exact.keys()].sort(), looseSorted: [...loose.keys()].sort(), spellings };
}

/**
 * Folding accents makes a few distinct towns one key (Paternò CT and Paterno PZ, Tre Ville TN and Treville AL):
 * those spelled exactly as asked win; a careless spelling ("Paterno" for Paternò) still finds all of them.
 */
function preferSpelledAlike(
  asked: string,
  found: Municipality[] | undefined,
  names: NameIndex,
): Municipality[] | undefined {
  if (!found || found.length < 2) return found;
  const written = spelling(asked);
  const alike = found.filter((town) => names.spellings.get(town)?.has(written));
  return alike.length > 0 ? alike : found;
}

function build({ municipalities: towns, provinces: sources }: ReturnType<typeof readGazetteerSource>): Gazetteer {
  const provinceBySigla = buildProvinces(sources, towns);
  const entries = towns.map((town) => {
    const province = provinceBySigla.get(town.provinceSigla);
    if (!province) throw new Error(`gazetteer: municipality ${town.istat} has no province`);
    return { town: { istat: town.istat, name: town.name, province, region: province.region }, names: namesOf(town) };
  });
  const provinceByName = new Map<string, Province>();
  for (const source of sources) {
    const province = provinceBySigla.get(source.sigla);
    if (!province) continue;
    provinceByName.set(exactKey(source.name), province);
    provinceByName.set(exactKey(source.keyName), province);
  }
  const municipalities = entries.map(({ town }) => town);
  return {
    municipalities,
    provinces: [...provinceBySigla.values()],
    byIstat: new Map(municipalities.map((town) => [town.istat, town])),
    names: indexNames(entries),
    provinceBySigla,
    provinceByName,
  };
}

/**
 * Every municipality named `name` (several where towns share it), in the order of ISTAT's list; [] when none is.
 * Where folding accents joins distinct towns, those spelled as asked come alone (preferSpelledAlike).
 */
export function findMunicipalities(name: string): readonly Municipality[] {
  const { names } = gazetteer();
  const loose = looseKey(name);
  const found = names.exact.get(exactKey(name)) ?? (loose === "" ? undefined : names.loose.get(loose));
  return preferSpelledAlike(name, found, names) ?? [];
}

export function municipalityByIstat(code: string): Municipality | undefined {
  return gazetteer().byIstat.get(code.trim());
}

/** A province by sigla ("BA", "bz") or name ("Reggio Emilia", "Reggio nell'Emilia", "Monza e della Brianza"). */
export function findProvince(nameOrSigla: string): Province | undefined {
  const { provinceBySigla, provinceByName } = gazetteer();
  const text = nameOrSigla.trim();
  return /^[a-z]{2}$/i.test(text) ? provinceBySigla.get(text.toUpperCase()) : provinceByName.get(exactKey(text));
}

/** Where a candidate name may end: after a letter or digit, before the end or a character that is not one nor an apostrophe. */
function* candidateEnds(text: string, start: number): Generator<number> {
  for (let at = start + 1; at <= text.length; at += 1) {
    const next = text[at];
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? "") && (next === undefined || !/[\p{L}\p{N}'’]/u.test(next))) yield at;
  }
}

/** Whether some key starts with `prefix`: a binary search for the first key not below it. */
function someKeyStartsWith(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  return sorted[low]?.startsWith(prefix) ?? false;
}

/**
 * The keys of a growing prefix, built a stretch at a time: candidate ends fall between a letter and a non-letter,
 * so no word straddles two stretches and the keys of the whole are the stretches' keys put together.
 */
type PrefixKeys = { exact: string; looseWords: string[]; firstWord?: string; lastWord?: string };

function extend(keys: PrefixKeys, stretch: string): PrefixKeys {
  const added = words(stretch);
  const looseWords = [
    ...keys.looseWords,
    ...looseKey(stretch)
      .split(" ")
      .filter((word) => word !== ""),
  ];
  const lastWord = added[added.length - 1] ?? keys.lastWord;
  return { exact: keys.exact + added.join(""), looseWords, firstWord: keys.firstWord ?? added[0], lastWord };
}

/** The loose key only for a candidate that starts and ends on a word of the name: "Roma in" must not be "Roma". */
function lookupPrefix(keys: PrefixKeys, names: NameIndex): Municipality[] | undefined {
  const exact = names.exact.get(keys.exact);
  if (exact) return exact;
  const { firstWord, lastWord } = keys;
  if (firstWord === undefined || lastWord === undefined || isLinkingWord(firstWord) || isLinkingWord(lastWord))
    return undefined;
  return names.loose.get(keys.looseWords.join(" "));
}

/**
 * The longest municipality name the text starts with (leading spaces skipped), ending at a word boundary:
 * "San Giovanni in Persiceto e Sala Bolognese" -> San Giovanni in Persiceto; "Barile" is not "Bari". The scan stops
 * as soon as no name begins with what it has read, so it reads a word or two past the name, not the whole text.
 */
export function municipalityAtStart(text: string): PrefixMatch | undefined {
  const { names } = gazetteer();
  const start = text.length - text.trimStart().length;
  let keys: PrefixKeys = { exact: "", looseWords: [] };
  let read = start;
  let best: PrefixMatch | undefined;
  for (const end of candidateEnds(text, start)) {
    keys = extend(keys, text.slice(read, end));
    read = end;
    const name = text.slice(start, end);
    const found = preferSpelledAlike(name, lookupPrefix(keys, names), names);
    if (found) best = { name, start, end, municipalities: found };
    // Empty loose words (a text of prepositions, "di di di ...") say nothing of what may follow: the exact key decides.
    const looseGoesOn = keys.looseWords.length > 0 && someKeyStartsWith(names.looseSorted, keys.looseWords.join(" "));
    if (!looseGoesOn && !someKeyStartsWith(names.exactSorted, keys.exact)) break;
  }
  return best;
}

/** Every municipality, in the order of ISTAT's list, region by region (for generators and counts). */
export function allMunicipalities(): readonly Municipality[] {
  return gazetteer().municipalities;
}

/** Every province that has municipalities, in the order of ISTAT's list. */
export function allProvinces(): readonly Province[] {
  return gazetteer().provinces;
}
