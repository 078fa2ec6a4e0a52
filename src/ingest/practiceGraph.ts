/**
 * How a practice of the normalized catalogue maps onto the graph: the properties of its node and the links it
 * states, one relationship type each. The loader writes through this mapping, the load diff compares through it,
 * and the backup export reads the graph back through it, so the three cannot disagree.
 */
import { mergesTarget, NODE_TYPES, STATED_LINKS, type MergedLinkType, type Same, type StatedLinkType } from "../graph";
import { CARD_FIELDS, type CardFieldKey } from "./card";
import type { NormalizedPractice, PracticeLinkType, Provenance } from "./catalogue";

/** A link a practice states: the key of the node it leads to, that node's properties, the link's own ones. */
export type PracticeLink = {
  key: string;
  properties: Record<string, unknown>;
  linkProperties?: Record<string, unknown>;
  source: Provenance;
};

/** The entity arrays of a normalized practice, each filled from the nodes one relationship type leads to. */
export type EntityArray = "stakeholders" | "targets" | "funding" | "cpis" | "laws" | "tools";

/** How a card's links of one type are read from the normalized practice. */
type LinkReading = {
  read: (practice: NormalizedPractice) => PracticeLink[];
  /** For links to vocabulary nodes: the practice's array of entities they come from (an entity carries its node's properties). */
  entities?: EntityArray;
};

/**
 * A link a card states, as the graph model has it (src/graph), with the label and key of the node it leads to and
 * how the normalized practice gives it.
 */
export type LinkSpec = LinkReading & {
  type: PracticeLinkType;
  label: string;
  key: string;
  /** Whether the load MERGEs the node it leads to (then `entities` says from what). */
  mergesTarget: boolean;
};

/** Links to the nodes of a practice's entities, each node keyed by the entity's id. */
function entityLinks<E extends { id: string; source: Provenance }>(
  entities: E[],
  properties: (entity: E) => Record<string, unknown>,
): PracticeLink[] {
  return entities.map((entity) => ({ key: entity.id, properties: properties(entity), source: entity.source }));
}

/** Each stated link's reading; a link whose target the load MERGEs must say from which entities (checked by the compiler). */
const READINGS: { [T in StatedLinkType]: T extends MergedLinkType ? Required<LinkReading> : LinkReading } = {
  IN_REGION: {
    read: (p) => [{ key: p.region.nuts, properties: {}, source: { field: "region", line: p.fieldLines.region } }],
  },
  IMPLEMENTS: {
    read: (p) =>
      p.leps.map((code) => ({ key: code, properties: {}, source: { field: "leps", line: p.fieldLines.leps } })),
  },
  INVOLVES: {
    entities: "stakeholders",
    read: (p) =>
      entityLinks(p.stakeholders, (s) => ({
        name: s.name,
        nameEn: s.nameEn ?? null,
        kind: s.kind,
        ...actorProperties(s),
      })),
  },
  TARGETS: {
    entities: "targets",
    read: (p) => entityLinks(p.targets, (t) => ({ name: t.name, nameEn: t.nameEn ?? t.name })),
  },
  FUNDED_BY: {
    entities: "funding",
    read: (p) => entityLinks(p.funding, (f) => ({ name: f.name, kind: f.kind, curated: f.curated ?? true })),
  },
  DELIVERED_AT: {
    entities: "cpis",
    read: (p) => entityLinks(p.cpis, (c) => ({ name: c.name, ...actorProperties(c) })),
  },
  REFERENCES: {
    entities: "laws",
    read: (p) => entityLinks(p.laws, (l) => ({ title: l.title, year: l.year ?? null })),
  },
  USES: {
    entities: "tools",
    read: (p) => entityLinks(p.tools, (t) => ({ name: t.name })),
  },
  BUILDS_ON: {
    // The title the link was made to: a later edition of that catalogue must keep it under the id (load/checks.ts).
    read: (p) =>
      p.buildsOn.map((b) => ({
        key: b.id,
        properties: {},
        linkProperties: { targetTitle: b.title },
        source: b.source,
      })),
  },
};

/** The links a card states, in the graph model's order (src/graph), each with how it is read. */
export const LINKS: readonly LinkSpec[] = STATED_LINKS.map((link) => ({
  type: link.type,
  label: NODE_TYPES[link.target].label,
  key: NODE_TYPES[link.target].key,
  mergesTarget: mergesTarget(link),
  ...READINGS[link.type],
}));

/** Whether an actor is curated, and its place below the region (the region is a link, sharedNodes.ts). */
type ActorFields = Pick<
  NormalizedPractice["cpis"][number],
  "curated" | "municipality" | "municipalityIstat" | "province" | "provinceName"
>;

function actorProperties(actor: ActorFields) {
  return {
    curated: actor.curated ?? true,
    municipality: actor.municipality ?? null,
    municipalityIstat: actor.municipalityIstat ?? null,
    province: actor.province ?? null,
    provinceName: actor.provinceName ?? null,
  };
}

/** Card field keys are stored as the GraphQL `CardField` enum values: `employmentService` -> `EMPLOYMENT_SERVICE`. */
export function cardFieldEnum(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}

/** The card field a stored `CardField` value names, or undefined for a value that is none. */
export function cardFieldKey(value: string): CardFieldKey | undefined {
  return CARD_FIELDS.find((key) => cardFieldEnum(key) === value);
}

/** Card fields stored as practice properties of the same name, the text as the card gives it (none when empty). */
export const CARD_TEXT_PROPERTIES = [
  "scope",
  "anpalAssistance",
  "period",
  "driver",
  "objectives",
  "activities",
  "humanResources",
  "results",
  "outcomes",
  "lessons",
  "conclusions",
] as const satisfies readonly CardFieldKey[];

/** The properties of a practice node; null removes a property (a field the card leaves empty). */
export function practiceProperties(practice: NormalizedPractice): Record<string, unknown> {
  const texts = Object.fromEntries(CARD_TEXT_PROPERTIES.map((key) => [key, practice.fields[key] || null]));
  return {
    catalogNumber: practice.catalogNumber,
    printedNumber: practice.printedNumber,
    title: practice.title,
    cardTitle: practice.cardTitle ?? practice.title,
    summary: practice.summary,
    territorialLevel: practice.territorialLevel,
    ongoing: practice.ongoing,
    anpalSupport: practice.anpalSupport,
    startYear: practice.startYear,
    ...texts,
    sourceStartLine: practice.source.startLine,
    sourceEndLine: practice.source.endLine,
  };
}

/**
 * The catalogue format's link types (src/ingest/catalogue.ts) are the model's stated links: a link the model adds
 * or drops and the format does not follow fails to compile here.
 */
const FORMAT_FOLLOWS_MODEL: Same<PracticeLinkType, StatedLinkType> = true;
void FORMAT_FOLLOWS_MODEL;
