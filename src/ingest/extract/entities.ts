/**
 * Entity extraction: which stakeholders, target groups, funding sources, job centres, laws and tools a practice
 * card names, where it names them, and what it names that the vocabulary does not know yet.
 */
import type { z } from "zod";
import { canonicalizeCpiDesignators } from "../../reference/cpiNames";
import type { MatchableEntry, StakeholderEntry, Vocabulary } from "../../reference/vocabulary";
import { CARD_FIELDS, type CardField, type CardFieldKey, type ParsedCard } from "../card";
import {
  CpiSchema,
  FundingSchema,
  LawSchema,
  StakeholderSchema,
  TargetSchema,
  ToolSchema,
  type NormalizedPractice,
} from "../catalogue";
import { describesNoAssistance } from "../normalize";
import { cpiScanner } from "./cpis";
import { findLineage, type PracticeTitles, type UnresolvedLineage } from "./lineage";
import { createMatcher } from "./matcher";
import { findUnknownMentions, type UnknownMention } from "./mentions";
import { territorialLevelOf } from "../normalize/territory";
import { addDesignatedActors, type ActorWarning } from "./provisional";
import { placeCuratedCpi } from "./curatedPlaces";
import { textScanner, type Collected, type FieldScanner, type Found } from "./scan";

export type { UnknownMention };

/** The entity arrays of a normalized practice, ready to be put into it, and what the vocabulary does not know. */
export type Extraction = Pick<
  NormalizedPractice,
  "stakeholders" | "targets" | "funding" | "cpis" | "laws" | "tools" | "buildsOn"
> & { unknownMentions: UnknownMention[]; unresolvedLineage: UnresolvedLineage[]; actorWarnings: ActorWarning[] };

export type ExtractionContext = {
  vocabulary: Vocabulary;
  /** The catalogue's practice ids by title, to resolve the practices a card builds on (indexPracticeTitles). */
  practiceTitles: PracticeTitles;
  /** NUTS-2 of the card's region, from normalization: it decides which regional aliases ("APL") apply. */
  region?: string;
};

/** Named partners also count when other fields mention them; generic classes only when listed as stakeholders. */
const STAKEHOLDER_FIELDS: CardFieldKey[] = [
  "stakeholders",
  "employmentService",
  "anpalAssistance",
  "description",
  "activities",
];
/**
 * Where a card says which job centres delivered the practice; the period ("servizio pilota del CPI di Torino") and the
 * results (a table per CPI) come last, so a CPI named earlier keeps that provenance. The outcomes are left out: they
 * name where the model is still being started ("in corso di avvio nei Cpl di Albano Laziale").
 */
const CPI_FIELDS: CardFieldKey[] = [
  "employmentService",
  "territorialScope",
  "stakeholders",
  "description",
  "activities",
  "period",
  "results",
];
/**
 * The field describing ANPAL Servizi's assistance involves it even when it does not spell its name (card 16);
 * whether it describes none is decided as normalization decides it (`describesNoAssistance`).
 */
const ANPAL_SERVIZI = "anpal-servizi";

export function extractEntities(card: ParsedCard, context: ExtractionContext): Extraction {
  const { vocabulary, practiceTitles, region } = context;
  const matcher = <E extends MatchableEntry>(entries: E[], options: MatcherOptions = {}) =>
    createMatcher(aliasesOn(entries, region), options);
  const scanner = <E extends MatchableEntry>(entries: E[], options: MatcherOptions = {}) =>
    textScanner(matcher(entries, options));
  const { stopPhrases } = vocabulary;

  const listedStakeholders = scanner(vocabulary.stakeholders, { stopPhrases: stopPhrases.stakeholders });
  const namedStakeholders = scanner(
    vocabulary.stakeholders.filter((entry) => !entry.listedOnly),
    { stopPhrases: stopPhrases.stakeholders },
  );
  const cpiScan = cpiScanner(matcher(vocabulary.cpis, { rewrite: canonicalizeCpiDesignators }));
  const targetScan = scanner(vocabulary.targets, { stopPhrases: stopPhrases.targets });
  const fundingScan = scanner(vocabulary.funding, { stopPhrases: stopPhrases.funding });

  const stakeholders = collect(card, STAKEHOLDER_FIELDS, (key) =>
    key === "stakeholders" ? listedStakeholders : namedStakeholders,
  );
  addImpliedAnpalServizi(card, vocabulary, stakeholders);
  let targets = collect(card, ["targets"], () => targetScan);
  if (targets.items.length === 0) targets = collect(card, ["description"], () => targetScan);
  const funding = collect(card, ["funding"], () => fundingScan);
  const cpis = collect(card, CPI_FIELDS, () => cpiScan);
  const designated = addDesignatedActors(
    card,
    { Stakeholder: stakeholders, Cpi: cpis, FundingSource: funding },
    {
      fields: { Stakeholder: STAKEHOLDER_FIELDS, Cpi: CPI_FIELDS, FundingSource: ["funding"] },
      curated: curatedById(vocabulary),
      region,
      national: territorialLevelOf(card.fields.territorialScope?.text ?? "") === "NATIONAL",
    },
  );
  cpis.items = cpis.items.map((item) => ({ ...item, entry: placeCuratedCpi(item.entry) }));
  // What designated actors name is known too: it is no unknown mention.
  const named: Collected<{ id: string }> = { items: [], scans: new Map() };
  for (const [key, hits] of designated.named) named.scans.set(key, { found: [], hits, blocked: [] });
  const lawScan = scanner(vocabulary.laws);
  const toolScan = scanner(vocabulary.tools);

  const lineage = findLineage(card, vocabulary.lineage, practiceTitles);
  return {
    stakeholders: asCatalogued(StakeholderSchema, stakeholders),
    targets: asCatalogued(TargetSchema, targets),
    funding: asCatalogued(FundingSchema, funding),
    cpis: asCatalogued(CpiSchema, cpis),
    laws: asCatalogued(
      LawSchema,
      collect(card, CARD_FIELDS, () => lawScan),
    ),
    tools: asCatalogued(
      ToolSchema,
      collect(card, CARD_FIELDS, () => toolScan),
    ),
    buildsOn: lineage.links,
    unresolvedLineage: lineage.unresolved,
    actorWarnings: designated.warnings,
    unknownMentions: [
      ...unknownMentions(card.fields.stakeholders, stakeholders, cpis, named),
      ...unknownMentions(card.fields.targets, targets),
      ...unknownMentions(card.fields.funding, funding, named),
    ],
  };
}

type MatcherOptions = Parameters<typeof createMatcher>[1];

const curatedIndexes = new WeakMap<Vocabulary, Parameters<typeof addDesignatedActors>[2]["curated"]>();

/** The curated entries by id, for each label a designated actor may have: built once per vocabulary. */
function curatedById(vocabulary: Vocabulary) {
  let index = curatedIndexes.get(vocabulary);
  if (index === undefined) {
    const byId = <E extends { id: string }>(entries: E[]) => new Map(entries.map((entry) => [entry.id, entry]));
    const { stakeholders, cpis, funding } = vocabulary;
    index = { Stakeholder: byId(stakeholders), Cpi: byId(cpis), FundingSource: byId(funding) };
    curatedIndexes.set(vocabulary, index);
  }
  return index;
}

/** Each entity once, with the provenance of its first mention in field order. */
function collect<E extends { id: string }>(
  card: ParsedCard,
  fields: readonly CardFieldKey[],
  scannerFor: (field: CardFieldKey) => FieldScanner<E>,
): Collected<E> {
  const found = new Map<string, Found<E>>();
  const scans: Collected<E>["scans"] = new Map();
  for (const key of fields) {
    const field = card.fields[key];
    if (field === undefined) continue;
    const scan = scannerFor(key)(field);
    scans.set(key, scan);
    for (const item of scan.found) if (!found.has(item.entry.id)) found.set(item.entry.id, item);
  }
  return { items: [...found.values()], scans };
}

function addImpliedAnpalServizi(
  card: ParsedCard,
  vocabulary: Vocabulary,
  stakeholders: Collected<StakeholderEntry>,
): void {
  const field = card.fields.anpalAssistance;
  const entry = vocabulary.stakeholders.find((candidate) => candidate.id === ANPAL_SERVIZI);
  if (field === undefined || entry === undefined || describesNoAssistance(field.text)) return;
  if (stakeholders.items.some((item) => item.entry.id === ANPAL_SERVIZI)) return;
  stakeholders.items.push({ entry, source: { field: "anpalAssistance", line: field.startLine } });
}

/**
 * The found entries as the normalized catalogue holds them: its schema keeps the fields it defines (with the
 * provenance) and drops the vocabulary's own (aliases, notes), so the two cannot drift apart.
 */
function asCatalogued<T>(schema: z.ZodType<T>, collected: Collected<object>): T[] {
  return collected.items.map(({ entry, source }) => schema.parse({ ...entry, source }));
}

function aliasesOn<E extends MatchableEntry>(entries: E[], region: string | undefined) {
  return entries.flatMap((entry) => [
    ...entry.aliases.map((alias) => ({ entry, alias })),
    ...(region !== undefined && entry.region === region ? (entry.regionalAliases ?? []) : []).map((alias) => ({
      entry,
      alias,
    })),
  ]);
}

/** What the field says that no collection (of its own kind, or a named CPI) recognised. */
function unknownMentions(
  field: CardField | undefined,
  ...collections: Array<Collected<{ id: string }>>
): UnknownMention[] {
  if (field === undefined) return [];
  const scans = collections.map((collected) => collected.scans.get(field.key) ?? { hits: [], blocked: [] });
  return findUnknownMentions(
    field,
    scans.flatMap((scan) => scan.hits),
    scans.flatMap((scan) => scan.blocked),
  );
}
