/**
 * The curated vocabulary (seed/vocabulary/*.json): the stakeholders, target groups, funding sources, job centres,
 * laws and tools a card can name, with the spellings found in the cards. A domain expert edits the JSON; this
 * module validates it and refuses it, naming file and entry, when it is inconsistent. Regions are not part of
 * it: entries refer to the territories of seed/regions.json by NUTS-2 code.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FundingKindSchema, PracticeIdSchema, SlugSchema, StakeholderKindSchema } from "../ingest/catalogue";
import { normalizePhrase, tokenize } from "../text/tokens";
import { canonicalizeCpiDesignators } from "./cpiNames";
import { findMunicipalities, findProvince, municipalityByIstat } from "./gazetteer";
import { NutsCodeSchema, REGIONS } from "./regions";

const text = z.string().trim().min(1);
const TERRITORIES = new Set(REGIONS.map((region) => region.nuts));

/** Fields every matchable entry has; `regionalAliases` only count on cards of the entry's own region. */
const matchable = {
  aliases: z.array(text).min(1),
  region: NutsCodeSchema.optional(),
  regionalAliases: z.array(text).optional(),
  /**
   * Ids of nodes merged into this entry: provisional nodes a review made its aliases (`npm run vocabulary -- review`),
   * or nodes an editor merged into it through the API. An import links the entry where a card names one of them, and
   * moves the old node's links onto it (src/vocabulary/aliases.ts).
   */
  formerIds: z.array(SlugSchema).optional(),
  note: text.optional(),
};

const stakeholderSchema = z.strictObject({
  id: SlugSchema,
  name: text,
  nameEn: text,
  kind: StakeholderKindSchema,
  /** Generic classes and names other fields mention in passing: taken only from the card's "Soggetti coinvolti". */
  listedOnly: z.boolean().optional(),
  /** A local branch's national organisation ("confindustria" for "Confindustria Benevento"): the graph's PART_OF. */
  partOf: SlugSchema.optional(),
  /**
   * Where it is below its region, as an accepted provisional node was placed: a town by name ("Maddaloni", with
   * `province` where towns share the name) or ISTAT code, or a province alone (a chamber, a branch). The loader
   * completes the place from the gazetteer (placeStakeholder), so that the accepted node keeps every place field.
   */
  municipality: text.optional(),
  municipalityIstat: z
    .string()
    .regex(/^\d{6}$/, "must be a 6-digit ISTAT code")
    .optional(),
  province: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a province's sigla, such as CE")
    .optional(),
  ...matchable,
});
const targetSchema = z.strictObject({ id: SlugSchema, name: text, nameEn: text, ...matchable });
const fundingSchema = z.strictObject({
  id: SlugSchema,
  name: text,
  nameEn: text,
  kind: FundingKindSchema,
  ...matchable,
});
const cpiSchema = z.strictObject({ id: SlugSchema, name: text, ...matchable, region: NutsCodeSchema });
const lawSchema = z.strictObject({
  id: SlugSchema,
  title: text,
  year: z.number().int().min(1900).max(2100),
  ...matchable,
});
const toolSchema = z.strictObject({ id: SlugSchema, name: text, ...matchable });
const lineageSchema = z.strictObject({
  /** The model or method a later practice says it grows out of, e.g. "LAB PAL". */
  model: text,
  /** Phrases that, found in a card, state that lineage. */
  cues: z.array(text).min(1),
  /** Title (or model name) of the practice that introduced the model, resolved through the catalogue's practice ids. */
  introducedBy: text,
  /**
   * Id of that practice once its catalogue is in the graph ("2023-009"): later catalogues, which do not list it,
   * link to it by this id. The loader refuses to link to an id the database does not hold.
   */
  introducedIn: PracticeIdSchema.optional(),
  note: text.optional(),
});
const stopPhrasesSchema = z.strictObject({
  stakeholders: z.array(text),
  targets: z.array(text),
  funding: z.array(text),
});

/** As loaded: a placed entry also has its province's name (placeStakeholder). */
export type StakeholderEntry = z.infer<typeof stakeholderSchema> & { provinceName?: string };
export type TargetEntry = z.infer<typeof targetSchema>;
export type FundingEntry = z.infer<typeof fundingSchema>;
export type CpiEntry = z.infer<typeof cpiSchema>;
export type LawEntry = z.infer<typeof lawSchema>;
export type ToolEntry = z.infer<typeof toolSchema>;
export type LineageEntry = z.infer<typeof lineageSchema>;
export type StopPhrases = z.infer<typeof stopPhrasesSchema>;
export type MatchableEntry = {
  id: string;
  aliases: string[];
  region?: string;
  regionalAliases?: string[];
  formerIds?: string[];
};

export type Vocabulary = {
  stakeholders: StakeholderEntry[];
  targets: TargetEntry[];
  funding: FundingEntry[];
  cpis: CpiEntry[];
  laws: LawEntry[];
  tools: ToolEntry[];
  lineage: LineageEntry[];
  /** Per field, phrases that name no entity (staff roles, lead-ins) and so are never reported as unknown. */
  stopPhrases: StopPhrases;
};

export class VocabularyError extends Error {
  override name = "VocabularyError";
}

/** The vocabulary shipped with the code, found from this file so the working directory does not matter. */
export const VOCABULARY_DIR = path.resolve(__dirname, "../../seed/vocabulary");

/** The file of each part of the vocabulary, in its directory. */
export const VOCABULARY_FILES = {
  stakeholders: "stakeholders.json",
  targets: "targets.json",
  funding: "funding.json",
  cpis: "cpis.json",
  laws: "laws.json",
  tools: "tools.json",
  lineage: "lineage.json",
  stopPhrases: "stop-phrases.json",
} as const satisfies Record<keyof Vocabulary, string>;

export function loadVocabulary(dir = VOCABULARY_DIR): Vocabulary {
  const files = VOCABULARY_FILES;
  const read = <T>(file: string, schema: z.ZodType<T>): T => readJson(path.join(dir, file), schema);
  const vocabulary: Vocabulary = {
    stakeholders: read(files.stakeholders, z.array(stakeholderSchema)),
    targets: read(files.targets, z.array(targetSchema)),
    funding: read(files.funding, z.array(fundingSchema)),
    cpis: read(files.cpis, z.array(cpiSchema)),
    laws: read(files.laws, z.array(lawSchema)),
    tools: read(files.tools, z.array(toolSchema)),
    lineage: read(files.lineage, z.array(lineageSchema)),
    stopPhrases: read(files.stopPhrases, stopPhrasesSchema),
  };
  const cpiForm = (alias: string) =>
    canonicalizeCpiDesignators(tokenize(alias))
      .map((token) => token.text)
      .join(" ");
  const checks: Array<[string, MatchableEntry[], (alias: string) => string]> = [
    [files.stakeholders, vocabulary.stakeholders, normalizePhrase],
    [files.targets, vocabulary.targets, normalizePhrase],
    [files.funding, vocabulary.funding, normalizePhrase],
    [files.cpis, vocabulary.cpis, cpiForm],
    [files.laws, vocabulary.laws, normalizePhrase],
    [files.tools, vocabulary.tools, normalizePhrase],
  ];
  for (const [file, entries, aliasForm] of checks) checkEntries(path.join(dir, file), entries, aliasForm);
  for (const [file, entries] of checks) checkFormerIds(path.join(dir, file), entries);
  checkBranches(path.join(dir, files.stakeholders), vocabulary.stakeholders);
  vocabulary.stakeholders = vocabulary.stakeholders.map((entry, index) =>
    placeStakeholder(`${path.join(dir, files.stakeholders)} entry ${index} ("${entry.id}")`, entry),
  );
  return vocabulary;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new VocabularyError(`${file}: cannot read JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const where = typeof index === "number" ? `entry ${index}${describeEntry(data, index)}` : "file";
    const field = (typeof index === "number" ? rest : issue.path).join(".");
    return `${file} ${where}${field ? ` field ${field}` : ""}: ${issue.message}`;
  });
  throw new VocabularyError(problems.join("\n"));
}

function describeEntry(data: unknown, index: number): string {
  const entry = Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  return typeof entry?.id === "string" ? ` ("${entry.id}")` : "";
}

/**
 * Ids are unique; an alias belongs to one entry (a regional alias to one entry per region, and never to an entry
 * that another entry claims everywhere); regions are territories of seed/regions.json.
 */
function checkEntries(file: string, entries: MatchableEntry[], aliasForm: (alias: string) => string): void {
  const ids = new Map<string, number>();
  const everywhere = new Map<string, number>();
  const inRegion = new Map<string, Map<string, number>>(); // alias form -> region -> entry index
  const owner = (index: number) => `entry ${index} ("${entries[index]!.id}")`;
  entries.forEach((entry, index) => {
    const where = `${file} ${owner(index)}`;
    const previous = ids.get(entry.id);
    if (previous !== undefined) throw new VocabularyError(`${where}: duplicate id, already used by entry ${previous}`);
    ids.set(entry.id, index);
    if (entry.region !== undefined && !TERRITORIES.has(entry.region)) {
      throw new VocabularyError(`${where}: region ${entry.region} is not a territory of seed/regions.json`);
    }
    if (entry.regionalAliases?.length && entry.region === undefined) {
      throw new VocabularyError(`${where}: regionalAliases need a region`);
    }
    const claim = (alias: string, claimedBy: number | undefined) => {
      if (claimedBy !== undefined && claimedBy !== index) {
        throw new VocabularyError(`${where}: alias "${alias}" is already claimed by ${owner(claimedBy)}`);
      }
    };
    for (const alias of entry.aliases) {
      const form = aliasForm(alias);
      if (form === "") throw new VocabularyError(`${where}: alias "${alias}" has no words`);
      claim(alias, everywhere.get(form));
      for (const claimedBy of inRegion.get(form)?.values() ?? []) claim(alias, claimedBy);
      everywhere.set(form, index);
    }
    for (const alias of entry.regionalAliases ?? []) {
      const form = aliasForm(alias);
      if (form === "") throw new VocabularyError(`${where}: alias "${alias}" has no words`);
      const region = entry.region!;
      const owners = inRegion.get(form) ?? new Map<string, number>();
      claim(alias, everywhere.get(form));
      claim(alias, owners.get(region));
      inRegion.set(form, owners.set(region, index));
    }
  });
}

/**
 * A former id names a node merged into its entry: it is no entry's id, and one entry only has it, so that an import
 * knows where the old node's links go.
 */
function checkFormerIds(file: string, entries: MatchableEntry[]): void {
  const ids = new Map(entries.map((entry, index) => [entry.id, index]));
  const claimed = new Map<string, number>();
  entries.forEach((entry, index) => {
    const where = `${file} entry ${index} ("${entry.id}")`;
    for (const former of entry.formerIds ?? []) {
      const owner = ids.get(former);
      if (owner !== undefined) {
        throw new VocabularyError(`${where}: former id "${former}" is the id of entry ${owner}: an id cannot be both`);
      }
      const other = claimed.get(former);
      if (other !== undefined && other !== index) {
        const message = `former id "${former}" is already claimed by entry ${other} ("${entries[other]!.id}")`;
        throw new VocabularyError(`${where}: ${message}`);
      }
      claimed.set(former, index);
    }
  });
}

/** Per node label, the former ids of the vocabulary's entries and the entry each was merged into. */
export type FormerIds = Record<
  "Stakeholder" | "TargetGroup" | "FundingSource" | "Cpi" | "Law" | "Tool",
  Map<string, string>
>;

export function formerIdsOf(vocabulary: Vocabulary): FormerIds {
  const map = (entries: MatchableEntry[]) =>
    new Map(entries.flatMap((entry) => (entry.formerIds ?? []).map((former) => [former, entry.id] as const)));
  return {
    Stakeholder: map(vocabulary.stakeholders),
    TargetGroup: map(vocabulary.targets),
    FundingSource: map(vocabulary.funding),
    Cpi: map(vocabulary.cpis),
    Law: map(vocabulary.laws),
    Tool: map(vocabulary.tools),
  };
}

/**
 * A branch is part of another entry, which is part of none: PART_OF is one step, from a branch to its organisation.
 * An employers' association whose id is another's and a territory ("confindustria-bari", as a provisional branch is
 * named) is its branch and must say so: without `partOf` it would lose its PART_OF and the organisation's INVOLVES.
 */
function checkBranches(file: string, entries: StakeholderEntry[]): void {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const associations = entries.filter((entry) => entry.kind === "EMPLOYER_ASSOCIATION" && entry.partOf === undefined);
  entries.forEach((entry, index) => {
    const where = `${file} entry ${index} ("${entry.id}")`;
    const organisation = associations.find((national) => entry.id.startsWith(`${national.id}-`));
    if (entry.kind === "EMPLOYER_ASSOCIATION" && organisation && entry.partOf !== organisation.id) {
      const message = `a branch of "${organisation.id}" by its id: add "partOf": "${organisation.id}"`;
      throw new VocabularyError(`${where}: ${message}`);
    }
    if (entry.partOf === undefined) return;
    const national = byId.get(entry.partOf);
    if (national === undefined) throw new VocabularyError(`${where}: partOf "${entry.partOf}" is no entry of the file`);
    if (national.partOf !== undefined || national.id === entry.id) {
      throw new VocabularyError(`${where}: partOf "${entry.partOf}" is itself a branch (or the entry itself)`);
    }
  });
}

/**
 * A stakeholder's place completed from the gazetteer: the town its `municipality` (and `province`) or
 * `municipalityIstat` names, or else the province its `province` names, with the region they are in, which a given
 * `region` must be. The names are ISTAT's, as a provisional node's are, so accepting a node rewrites none of them.
 */
function placeStakeholder(where: string, entry: StakeholderEntry): StakeholderEntry {
  const { municipality, municipalityIstat, province } = entry;
  if (municipality === undefined && municipalityIstat === undefined) {
    if (province === undefined) return entry;
    const found = findProvince(province);
    if (found === undefined) throw new VocabularyError(`${where}: province ${province} is no province's sigla`);
    return inRegion(where, { ...entry, provinceName: found.name }, found.region.nuts);
  }
  const named = municipality === undefined ? undefined : findMunicipalities(municipality);
  const coded = municipalityIstat === undefined ? undefined : municipalityByIstat(municipalityIstat);
  if (municipalityIstat !== undefined && coded === undefined) {
    throw new VocabularyError(`${where}: municipalityIstat ${municipalityIstat} is no municipality's ISTAT code`);
  }
  const towns = (coded ? [coded] : named!).filter(
    (town) =>
      (named === undefined || named.includes(town)) && (province === undefined || town.province.sigla === province),
  );
  if (towns.length !== 1) {
    const given = [municipality, municipalityIstat, province].filter(Boolean).join(", ");
    const choices = towns.map((town) => `${town.name} (${town.province.sigla}) ${town.istat}`).join(", ");
    const message = towns.length
      ? `names several towns: ${choices}; add province or municipalityIstat`
      : "names no town of the gazetteer";
    throw new VocabularyError(`${where}: ${given} ${message}`);
  }
  const town = towns[0]!;
  const place = {
    municipality: town.name,
    municipalityIstat: town.istat,
    province: town.province.sigla,
    provinceName: town.province.name,
  };
  return inRegion(where, { ...entry, ...place }, town.region.nuts);
}

function inRegion(where: string, entry: StakeholderEntry, nuts: string): StakeholderEntry {
  if (entry.region !== undefined && entry.region !== nuts) {
    throw new VocabularyError(`${where}: its place is in ${nuts}, not in its region ${entry.region}`);
  }
  return { ...entry, region: nuts };
}
