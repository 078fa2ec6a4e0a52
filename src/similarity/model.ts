/** The vocabulary of similarity: what two practices can share (kinds), how a reader weighs it (lenses), what a match says. */
import { SIMILARITY_KINDS, type Same, type SimilarityKind } from "../graph";
import type { LinkKind as SchemaLinkKind } from "../graphql/generated/schema";

/** The kinds two practices can share, from the graph model (src/graph), which says which link feeds each. */
export const LINK_KINDS = SIMILARITY_KINDS;
export type LinkKind = SimilarityKind;

/** The model's kinds are the schema's LinkKind enum: a value added or dropped on one side fails here. */
const KINDS_FOLLOW_SCHEMA: Same<LinkKind, SchemaLinkKind> = true;
void KINDS_FOLLOW_SCHEMA;

export const LENSES = ["BALANCED", "SERVICES", "TARGETS", "ACTORS", "FUNDING"] as const;
export type Lens = (typeof LENSES)[number];

export type SharedItem = { id: string; name: string };
/** Reasons are sorted by weight, most telling first; kinds with nothing shared are omitted. */
export type MatchReason = { kind: LinkKind; weight: number; shared: SharedItem[] };
export type PracticeMatch = { practiceId: string; score: number; reasons: MatchReason[] };

/**
 * Per-kind numbers (masses, contributions, weights) in LINK_KINDS order, the order stored edges hold them in:
 * tests/graph/model.test.ts pins it under SCORING_VERSION (score.ts), which a new order must bump.
 */
export type PerKind = readonly number[];

/** What an edge holds to be scored under any lens: what the pair shares and both practices' masses, per kind. */
export type EdgeNumbers = { contributions: PerKind; practiceMass: PerKind; neighbourMass: PerKind };

/** An edge's numbers as one stored list (store.ts): contributions, the practice's mass, the neighbour's, 9 each. */
export function packEdgeNumbers({ contributions, practiceMass, neighbourMass }: EdgeNumbers): number[] {
  return [...contributions, ...practiceMass, ...neighbourMass];
}

export function unpackEdgeNumbers(stored: PerKind): EdgeNumbers {
  const kinds = LINK_KINDS.length;
  return {
    contributions: stored.slice(0, kinds),
    practiceMass: stored.slice(kinds, 2 * kinds),
    neighbourMass: stored.slice(2 * kinds, 3 * kinds),
  };
}

/**
 * Lens weights, by kind (docs/similarity.md explains the values).
 * A lens scales both what is shared and what is not of its kinds, so it favours practices alike in those kinds.
 */
export const LENS_WEIGHTS: Record<Lens, Readonly<Record<LinkKind, number>>> = {
  BALANCED: { LEP: 1, TARGET: 1, STAKEHOLDER: 1, FUNDING: 1, REGION: 0.5, CPI: 1, LAW: 1, TOOL: 1, LINEAGE: 1 },
  SERVICES: { LEP: 4, TARGET: 1, STAKEHOLDER: 0.5, FUNDING: 0.5, REGION: 0.25, CPI: 0.5, LAW: 1, TOOL: 1, LINEAGE: 1 },
  TARGETS: { LEP: 1, TARGET: 4, STAKEHOLDER: 0.5, FUNDING: 0.5, REGION: 0.25, CPI: 0.5, LAW: 1, TOOL: 1, LINEAGE: 1 },
  ACTORS: { LEP: 1, TARGET: 1, STAKEHOLDER: 3, FUNDING: 0.5, REGION: 1, CPI: 3, LAW: 1, TOOL: 1, LINEAGE: 1 },
  FUNDING: { LEP: 1, TARGET: 1, STAKEHOLDER: 0.5, FUNDING: 4, REGION: 0.25, CPI: 0.5, LAW: 1, TOOL: 1, LINEAGE: 1 },
};

/** The same weights as a row per lens, in LINK_KINDS order, as the per-kind numbers are (the scorer's form). */
export const LENS_WEIGHT_ROWS: Record<Lens, PerKind> = {
  BALANCED: weightRow("BALANCED"),
  SERVICES: weightRow("SERVICES"),
  TARGETS: weightRow("TARGETS"),
  ACTORS: weightRow("ACTORS"),
  FUNDING: weightRow("FUNDING"),
};

function weightRow(lens: Lens): PerKind {
  return LINK_KINDS.map((kind) => LENS_WEIGHTS[lens][kind]);
}

export const KIND_INDEX: Record<LinkKind, number> = Object.fromEntries(
  LINK_KINDS.map((kind, index) => [kind, index]),
) as Record<LinkKind, number>;

/** An item a practice has: a LEP code, a region's NUTS code, a stakeholder's id, a lineage root's practice id; the name only where the caller knows it (served names are resolved at read time). */
export type Item = { kind: LinkKind; key: string; name?: string };

/** A practice as the scorer sees it: its items, with LEP sub-codes already expanded to their parents. */
export type PracticeFeatures = { id: string; items: Item[] };

/**
 * The identity of an item across kinds ("LEP:F", "CPI:cpi-lecco"), also how an edge stores a shared item (store.ts).
 * No kind's name contains ":", so the first ":" ends the kind whatever the key holds (keys come from the catalogue).
 */
export function itemId(item: Pick<Item, "kind" | "key">): string {
  return `${item.kind}:${item.key}`;
}
