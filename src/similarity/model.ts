/** The vocabulary of similarity: what two practices can share (kinds), how a reader weighs it (lenses), what a match says. */
import { SIMILARITY_KINDS, type SimilarityKind } from "../graph";

/** The kinds two practices can share, from the graph model (src/graph), which says which link feeds each. */
export const LINK_KINDS = SIMILARITY_KINDS;
export type LinkKind = SimilarityKind;

export const LENSES = ["BALANCED", "SERVICES", "TARGETS", "ACTORS", "FUNDING"] as const;
export type Lens = (typeof LENSES)[number];

export type SharedItem = { id: string; name: string };
/** Reasons are sorted by weight, most telling first; kinds with nothing shared are omitted. */
export type MatchReason = { kind: LinkKind; weight: number; shared: SharedItem[] };
export type PracticeMatch = { practiceId: string; score: number; reasons: MatchReason[] };

/** Per-kind numbers (masses, contributions, weights) in LINK_KINDS order. */
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
 * Lens weights per kind, in LINK_KINDS order (docs/similarity.md explains the values).
 * A lens scales both what is shared and what is not of its kinds, so it favours practices alike in those kinds.
 */
export const LENS_WEIGHTS: Record<Lens, PerKind> = {
  //         LEP TARGET STAKEHOLDER FUNDING REGION CPI LAW TOOL LINEAGE
  BALANCED: [1, 1, 1, 1, 0.5, 1, 1, 1, 1],
  SERVICES: [4, 1, 0.5, 0.5, 0.25, 0.5, 1, 1, 1],
  TARGETS: [1, 4, 0.5, 0.5, 0.25, 0.5, 1, 1, 1],
  ACTORS: [1, 1, 3, 0.5, 1, 3, 1, 1, 1],
  FUNDING: [1, 1, 0.5, 4, 0.25, 0.5, 1, 1, 1],
};

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
