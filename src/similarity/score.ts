/**
 * The scoring math, pure: rarity of items, per-kind masses and shared contributions, lens scores and reasons.
 * score(p, q) = Σ_k w_k·shared_k / sqrt(T_p·T_q), with shared_k the (damped) rarity of the items of kind k both
 * have and T_p = Σ_k w_k·mass_k(p); each kind's term is a reason, so the reasons add up to the score.
 */
import {
  KIND_INDEX,
  LENS_WEIGHT_ROWS,
  LINK_KINDS,
  itemId,
  type Item,
  type Lens,
  type MatchReason,
  type PerKind,
  type PracticeFeatures,
  type PracticeMatch,
} from "./model";

/** item id -> ln(N / df): an item every practice has weighs 0, an item of one practice weighs ln N. */
export type Rarities = ReadonlyMap<string, number>;

/** Scores are kept to 9 decimals so that the indexed and the pairwise computations rank ties alike. */
export function roundScore(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Distinct items of a practice (a practice may reach a parent LEP twice, through F and through F1). */
function distinctItems(practice: PracticeFeatures): Item[] {
  return [...new Map(practice.items.map((item) => [itemId(item), item])).values()];
}

export function rarities(practices: readonly PracticeFeatures[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const practice of practices) {
    for (const item of distinctItems(practice)) {
      const id = itemId(item);
      documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
    }
  }
  const total = practices.length;
  return new Map([...documentFrequency].map(([id, df]) => [id, Math.log(total / df)]));
}

/**
 * How long a card's lists are is its writer's style more than its practice: a card listing its 28 job centres one
 * by one is not 28 times more about job centres than one naming a few. Past SATURATION items of a kind, each item
 * of that kind weighs rarity·damping instead of its rarity (damping = SATURATION / items), in the practice's mass
 * and, as sqrt(damping_p·damping_q), in what it shares: the score stays a cosine (0..1, symmetric, reasons adding up).
 */
export const KIND_SATURATION = 8;

/** Per kind, the factor a practice's items of that kind are weighed by (1 up to KIND_SATURATION items). */
export function kindDamping(itemCounts: PerKind): number[] {
  return itemCounts.map((count) => (count > KIND_SATURATION ? KIND_SATURATION / count : 1));
}

/**
 * Changes whenever the formula or what an edge stores does, so that neighbourhoods stored by another version are
 * recomputed (3: each edge carries both masses and its generation; 4: in two lists, numbers and kind-prefixed
 * shared keys, store.ts). Edges of another format would read as half-written (settle.ts): they must be rewritten.
 */
export const SCORING_VERSION = 4;

/** Σ rarity of the given items per kind, in LINK_KINDS order. */
function kindMass(items: readonly Item[], rarity: Rarities): number[] {
  const mass = LINK_KINDS.map(() => 0);
  for (const item of items) mass[KIND_INDEX[item.kind]]! += rarity.get(itemId(item)) ?? 0;
  return mass;
}

function kindCounts(items: readonly Item[]): number[] {
  const counts = LINK_KINDS.map(() => 0);
  for (const item of items) counts[KIND_INDEX[item.kind]]!++;
  return counts;
}

/** A practice's damped mass per kind and the square roots of its damping, which scale what it shares. */
function dampedMass(items: readonly Item[], rarity: Rarities): { mass: number[]; root: number[] } {
  const damping = kindDamping(kindCounts(items));
  return { mass: kindMass(items, rarity).map((mass, kind) => mass * damping[kind]!), root: damping.map(Math.sqrt) };
}

/** T_p under a lens: the weighted total rarity of a practice's items. */
function lensMass(mass: PerKind, lens: Lens): number {
  const weights = LENS_WEIGHT_ROWS[lens];
  return mass.reduce((total, value, kind) => total + weights[kind]! * value, 0);
}

/** Each kind's term w_k·shared_k / sqrt(T_p·T_q); all zero when either practice has no weight at all. */
export function lensTerms(contributions: PerKind, massP: PerKind, massQ: PerKind, lens: Lens): number[] {
  const norm = Math.sqrt(lensMass(massP, lens) * lensMass(massQ, lens));
  const weights = LENS_WEIGHT_ROWS[lens];
  return contributions.map((shared, kind) => (norm > 0 ? (weights[kind]! * shared) / norm : 0));
}

export function lensScore(contributions: PerKind, massP: PerKind, massQ: PerKind, lens: Lens): number {
  return roundScore(lensTerms(contributions, massP, massQ, lens).reduce((total, term) => total + term, 0));
}

/** Most telling first: higher score, then the lower practice id, so rankings are deterministic. */
export function compareMatches(
  a: { practiceId: string; score: number },
  b: { practiceId: string; score: number },
): number {
  return b.score - a.score || (a.practiceId < b.practiceId ? -1 : a.practiceId > b.practiceId ? 1 : 0);
}

/** Orders the shared items of a kind: rarest (most telling) first, then by key. */
export function compareSharedKeys(rarityOf: (key: string) => number): (a: string, b: string) => number {
  return (a, b) => rarityOf(b) - rarityOf(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Reasons from per-kind terms and shared items; kinds with nothing shared are left out. */
export function reasonsFrom(terms: PerKind, shared: ReadonlyArray<MatchReason["shared"]>): MatchReason[] {
  return LINK_KINDS.flatMap((kind, index) =>
    shared[index]!.length > 0 ? [{ kind, weight: roundScore(terms[index]!), shared: shared[index]! }] : [],
  ).sort((a, b) => b.weight - a.weight || KIND_INDEX[a.kind] - KIND_INDEX[b.kind]);
}

/** The match of q seen from p under a lens, computed directly from both feature sets. */
export function scorePair(p: PracticeFeatures, q: PracticeFeatures, rarity: Rarities, lens: Lens): PracticeMatch {
  const itemsP = distinctItems(p);
  const itemsQ = distinctItems(q);
  const idsQ = new Set(itemsQ.map(itemId));
  const common = itemsP.filter((item) => idsQ.has(itemId(item)));
  const order = compareSharedKeys((id) => rarity.get(id) ?? 0);
  const shared = LINK_KINDS.map((kind) =>
    common
      .filter((item) => item.kind === kind)
      .sort((a, b) => order(itemId(a), itemId(b)))
      .map((item) => ({ id: item.key, name: item.name ?? item.key })),
  );
  const massP = dampedMass(itemsP, rarity);
  const massQ = dampedMass(itemsQ, rarity);
  const contributions = kindMass(common, rarity).map((shared, kind) => shared * massP.root[kind]! * massQ.root[kind]!);
  const terms = lensTerms(contributions, massP.mass, massQ.mass, lens);
  return {
    practiceId: q.id,
    score: roundScore(terms.reduce((total, term) => total + term, 0)),
    reasons: reasonsFrom(terms, shared),
  };
}

/** The reference ranking: p against every other practice, best first, positive scores only. */
export function topMatches(
  practices: readonly PracticeFeatures[],
  practiceId: string,
  lens: Lens,
  limit: number,
  rarity: Rarities = rarities(practices),
): PracticeMatch[] {
  const p = practices.find((practice) => practice.id === practiceId);
  if (!p) return [];
  return practices
    .filter((q) => q.id !== practiceId)
    .map((q) => scorePair(p, q, rarity, lens))
    .filter((match) => match.score > 0)
    .sort(compareMatches)
    .slice(0, limit);
}
