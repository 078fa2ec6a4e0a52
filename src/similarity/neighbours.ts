/**
 * Top-K neighbours at scale: an inverted index (item -> practices) generates candidates, so a practice is only
 * compared with practices it shares an item with. Items held by more than max(50, min(1000, 5% of N)) practices
 * (`candidateCap`) do not generate candidates (they would make every practice a candidate of every other) but still
 * count in the scores.
 */
import { LENSES, LENS_WEIGHT_ROWS, LINK_KINDS, KIND_INDEX, itemId, type PracticeFeatures } from "./model";
import { KIND_SATURATION, compareMatches, compareSharedKeys, lensScore, rarities, roundScore } from "./score";

export const TOP_K = 10;

const KINDS = LINK_KINDS.length;
const LENS_COUNT = LENSES.length;
/** Lens weights as one flat row per lens: the inner loop runs for every candidate of every practice. */
const LENS_WEIGHTS_FLAT = Float64Array.from(LENSES.flatMap((lens) => [...LENS_WEIGHT_ROWS[lens]]));

/** The most practices an item may have and still generate candidates. */
export function candidateCap(practices: number): number {
  return Math.max(50, Math.min(1000, Math.ceil(0.05 * practices)));
}

/** What is stored for one practice: its per-kind mass and its edges (the union of the top-K of every lens). */
export type Neighbourhood = {
  practiceId: string;
  mass: number[];
  edges: NeighbourEdge[];
};

export type NeighbourEdge = {
  target: string;
  /** BALANCED score. */
  score: number;
  /** Σ rarity of the shared items per kind, damped as score.ts says, in LINK_KINDS order. */
  contributions: number[];
  /** The neighbour's per-kind mass as this computation saw it: with the practice's own, all a lens score needs. */
  neighbourMass: number[];
  /** Keys of the shared items per kind, rarest first. */
  shared: string[][];
};

export type SimilarityIndex = {
  practiceIds: string[];
  positionOf: Map<string, number>;
  /** Per practice: its distinct item numbers, ascending. */
  items: Int32Array[];
  itemKind: Int8Array;
  itemKey: string[];
  itemRarity: Float64Array;
  /** Per item: the practices (positions) that have it. */
  postings: Int32Array[];
  generates: Uint8Array;
  /** Per item that does not generate candidates: which practices have it, one bit per practice (`holds`). */
  holders: Map<number, Uint32Array>;
  /** Per practice, KINDS damped masses. */
  mass: Float64Array;
  /** Per practice, KINDS square roots of the damping, which scale what it shares. */
  dampingRoot: Float64Array;
  /** Per practice, 1 when some kind of it is damped (a root below 1): undamped pairs skip the scaling. */
  damped: Uint8Array;
  /** Per practice, one T_p per lens. */
  lensMass: Float64Array;
};

export function buildSimilarityIndex(
  practices: readonly PracticeFeatures[],
  cap: number = candidateCap(practices.length),
): SimilarityIndex {
  const rarity = rarities(practices);
  // Item numbers follow the sorted item ids, so every practice's items are summed in one canonical order.
  const ids = [...rarity.keys()].sort();
  const numberOf = new Map(ids.map((id, number) => [id, number]));
  const itemKind = new Int8Array(ids.length);
  const itemKey: string[] = [];
  const itemRarity = new Float64Array(ids.length);
  const counts = new Int32Array(ids.length);
  const items = practices.map((practice) => {
    const numbers = [...new Set(practice.items.map((item) => numberOf.get(itemId(item))!))].sort((a, b) => a - b);
    for (const number of numbers) counts[number]!++;
    for (const item of practice.items) {
      const number = numberOf.get(itemId(item))!;
      itemKind[number] = KIND_INDEX[item.kind];
      itemKey[number] = item.key;
    }
    return Int32Array.from(numbers);
  });
  ids.forEach((id, number) => (itemRarity[number] = rarity.get(id)!));

  const postings = ids.map((_, number) => new Int32Array(counts[number]!));
  const filled = new Int32Array(ids.length);
  items.forEach((numbers, position) => numbers.forEach((number) => (postings[number]![filled[number]!++] = position)));
  const generates = Uint8Array.from(postings, (posting) => (posting.length <= cap ? 1 : 0));
  const holders = new Map<number, Uint32Array>();
  postings.forEach((posting, number) => {
    if (generates[number]) return;
    const bits = new Uint32Array((practices.length + 31) >>> 5);
    for (const position of posting) bits[position >>> 5]! |= 1 << (position & 31);
    holders.set(number, bits);
  });

  const index: SimilarityIndex = {
    practiceIds: practices.map((practice) => practice.id),
    positionOf: new Map(practices.map((practice, position) => [practice.id, position])),
    items,
    itemKind,
    itemKey,
    itemRarity,
    postings,
    generates,
    holders,
    mass: new Float64Array(practices.length * KINDS),
    dampingRoot: new Float64Array(practices.length * KINDS),
    damped: new Uint8Array(practices.length),
    lensMass: new Float64Array(practices.length * LENSES.length),
  };
  for (let position = 0; position < practices.length; position++) setPracticeMass(index, position);
  return index;
}

/**
 * Sets a practice's damped masses, damping roots and lens masses from its items' current rarities. The one place
 * they are computed, by a build and by the live index (live.ts) alike, so that both sum in the same order.
 */
export function setPracticeMass(index: SimilarityIndex, position: number): void {
  const { mass, itemKind, itemRarity, dampingRoot } = index;
  const at = position * KINDS;
  mass.fill(0, at, at + KINDS);
  MASS_COUNTS.fill(0);
  for (const number of index.items[position]!) {
    mass[at + itemKind[number]!]! += itemRarity[number]!;
    MASS_COUNTS[itemKind[number]!]!++;
  }
  // kindDamping's factors, without its arrays: a new N recomputes every practice's mass (live.ts).
  let damped = 0;
  for (let kind = 0; kind < KINDS; kind++) {
    const count = MASS_COUNTS[kind]!;
    const damping = count > KIND_SATURATION ? KIND_SATURATION / count : 1;
    mass[at + kind]! *= damping;
    dampingRoot[at + kind] = Math.sqrt(damping);
    if (damping < 1) damped = 1;
  }
  index.damped[position] = damped;
  for (let lens = 0; lens < LENS_COUNT; lens++) {
    let total = 0;
    for (let kind = 0; kind < KINDS; kind++) total += LENS_WEIGHTS_FLAT[lens * KINDS + kind]! * mass[at + kind]!;
    index.lensMass[position * LENS_COUNT + lens] = total;
  }
}

const MASS_COUNTS = new Int32Array(KINDS);

/** Practices that share at least one candidate-generating item with the practice at `position`. */
export function candidatesOf(index: SimilarityIndex, position: number): number[] {
  const seen = new Set<number>();
  for (const number of index.items[position]!) {
    if (!index.generates[number]) continue;
    for (const other of index.postings[number]!) if (other !== position) seen.add(other);
  }
  return [...seen];
}

/**
 * Scratch arrays reused across practices: one recomputation allocates them once. A candidate gets the next free
 * slot, so its per-kind sums are contiguous with the other candidates' instead of scattered over all practices
 * (memory, not arithmetic, is what the computation waits for). `seen` holds, per practice, the practice whose
 * candidates were last being accumulated and the slot it had there.
 */
type Scratch = { seen: Int32Array; candidates: Int32Array; contributions: Float64Array; kinds: Int32Array };

function newScratch(size: number): Scratch {
  return {
    seen: new Int32Array(size * 2).fill(-1),
    candidates: new Int32Array(size),
    contributions: new Float64Array(size * KINDS),
    kinds: new Int32Array(size),
  };
}

/**
 * Accumulates, for every candidate of p, the (damped) rarity of what it shares with p per kind, and which kinds it
 * shares (a bit per kind); returns the number of candidates, held in slots 0.. of the scratch arrays.
 */
function accumulate(index: SimilarityIndex, position: number, scratch: Scratch): number {
  const { seen, candidates, contributions, kinds } = scratch;
  let count = 0;
  const own = index.items[position]!;
  for (const number of own) {
    if (!index.generates[number]) continue;
    const offset = index.itemKind[number]!;
    const rarity = index.itemRarity[number]!;
    for (const other of index.postings[number]!) {
      if (other === position) continue;
      let slot = seen[other * 2 + 1]!;
      if (seen[other * 2] !== position) {
        slot = count++;
        seen[other * 2] = position;
        seen[other * 2 + 1] = slot;
        candidates[slot] = other;
        contributions.fill(0, slot * KINDS, slot * KINDS + KINDS);
        kinds[slot] = 0;
      }
      contributions[slot * KINDS + offset]! += rarity;
      kinds[slot]! |= 1 << offset;
    }
  }
  // Ubiquitous items did not generate candidates; they still add to the candidates found (a bit test each: the
  // candidates' own item lists are scattered in memory, and searching them was most of the computation).
  for (const number of own) {
    if (index.generates[number]) continue;
    const offset = index.itemKind[number]!;
    const rarity = index.itemRarity[number]!;
    const bits = index.holders.get(number)!;
    for (let slot = 0; slot < count; slot++) {
      const other = candidates[slot]!;
      if (bits[other >>> 5]! & (1 << (other & 31))) {
        contributions[slot * KINDS + offset]! += rarity;
        kinds[slot]! |= 1 << offset;
      }
    }
  }
  // Most practices have no damped kind: multiplying by 1·1 would leave their contributions as they are.
  for (let slot = 0; slot < count; slot++) {
    const other = candidates[slot]!;
    if (!index.damped[position] && !index.damped[other]) continue;
    for (let kind = 0; kind < KINDS; kind++) {
      contributions[slot * KINDS + kind]! *=
        index.dampingRoot[position * KINDS + kind]! * index.dampingRoot[other * KINDS + kind]!;
    }
  }
  return count;
}

/**
 * The scores of `other` in the ranking of the practice at `position`, one per lens (0 where it would not be
 * offered), computed as `neighbourhood` computes them, sum by sum in the same order, so they compare exactly with
 * the scores of that ranking; null when `other` is not a candidate of it (no candidate-generating item shared).
 */
export function pairLensScores(index: SimilarityIndex, position: number, other: number): Float64Array | null {
  const own = index.items[position]!;
  const theirs = index.items[other]!;
  const shared: number[] = [];
  for (let i = 0, j = 0; i < own.length && j < theirs.length;) {
    if (own[i]! < theirs[j]!) i++;
    else if (own[i]! > theirs[j]!) j++;
    else {
      shared.push(own[i]!);
      i++;
      j++;
    }
  }
  if (!shared.some((number) => index.generates[number])) return null;
  const contributions = new Float64Array(KINDS);
  let kinds = 0;
  // accumulate() adds the candidate-generating items first, then the others, each in the practice's item order.
  for (const generating of [1, 0]) {
    for (const number of shared) {
      if (index.generates[number] !== generating) continue;
      contributions[index.itemKind[number]!]! += index.itemRarity[number]!;
      kinds |= 1 << index.itemKind[number]!;
    }
  }
  if (index.damped[position] || index.damped[other]) {
    for (let kind = 0; kind < KINDS; kind++) {
      contributions[kind]! *= index.dampingRoot[position * KINDS + kind]! * index.dampingRoot[other * KINDS + kind]!;
    }
  }
  const scores = new Float64Array(LENS_COUNT);
  for (let lens = 0; lens < LENS_COUNT; lens++) {
    const norm = Math.sqrt(index.lensMass[position * LENS_COUNT + lens]! * index.lensMass[other * LENS_COUNT + lens]!);
    if (norm === 0) continue;
    let weighted = 0;
    for (let kind = 0; kind < KINDS; kind++) {
      if (kinds & (1 << kind)) weighted += LENS_WEIGHTS_FLAT[lens * KINDS + kind]! * contributions[kind]!;
    }
    const raw = weighted / norm;
    if (raw > 0) scores[lens] = round(raw);
  }
  return scores;
}

type Ranked = { practiceId: string; score: number; position: number; slot: number };

/** Keeps the best `size` entries, sorted, without sorting all candidates. */
function offer(best: Ranked[], entry: Ranked, size: number): void {
  if (best.length === size && compareMatches(entry, best[size - 1]!) >= 0) return;
  let at = best.length;
  while (at > 0 && compareMatches(entry, best[at - 1]!) < 0) at--;
  best.splice(at, 0, entry);
  if (best.length > size) best.pop();
}

/** The items p and q share, per kind, rarest first: merging two ascending item lists. */
function sharedKeys(index: SimilarityIndex, a: Int32Array, b: Int32Array): string[][] {
  const shared: number[][] = LINK_KINDS.map(() => []);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared[index.itemKind[a[i]!]!]!.push(a[i]!);
      i++;
      j++;
    }
  }
  const rarityOf = new Map<string, number>();
  return shared.map((numbers) => {
    for (const number of numbers) rarityOf.set(index.itemKey[number]!, index.itemRarity[number]!);
    return numbers.map((number) => index.itemKey[number]!).sort(compareSharedKeys((key) => rarityOf.get(key)!));
  });
}

const round = roundScore;

function massOf(index: SimilarityIndex, position: number): number[] {
  return Array.from(index.mass.subarray(position * KINDS, position * KINDS + KINDS));
}

/** The union of p's top-K under every lens, each edge with what p and its neighbour share. */
function neighbourhood(index: SimilarityIndex, position: number, scratch: Scratch, k: number): Neighbourhood {
  const count = accumulate(index, position, scratch);
  const { candidates, contributions, kinds } = scratch;
  const best: Ranked[][] = LENSES.map(() => []);
  const ownLensMass = index.lensMass.subarray(position * LENS_COUNT, position * LENS_COUNT + LENS_COUNT);
  for (let slot = 0; slot < count; slot++) {
    const other = candidates[slot]!;
    const shares = kinds[slot]!;
    for (let lens = 0; lens < LENS_COUNT; lens++) {
      const norm = Math.sqrt(ownLensMass[lens]! * index.lensMass[other * LENS_COUNT + lens]!);
      if (norm === 0) continue;
      // Only the kinds shared: the others would add 0, which leaves the sum exactly as it is.
      let weighted = 0;
      for (let kind = 0; kind < KINDS; kind++) {
        if (shares & (1 << kind))
          weighted += LENS_WEIGHTS_FLAT[lens * KINDS + kind]! * contributions[slot * KINDS + kind]!;
      }
      const raw = weighted / norm;
      const ranked = best[lens]!;
      const full = ranked.length === k;
      // Rounding moves a score by less than 1e-9: a candidate that far below the k-th is out, unrounded.
      if (raw <= 0 || (full && raw < ranked[k - 1]!.score - 1e-9)) continue;
      const score = round(raw);
      if (score <= 0 || (full && score < ranked[k - 1]!.score)) continue;
      offer(ranked, { practiceId: index.practiceIds[other]!, score, position: other, slot }, k);
    }
  }
  const mass = massOf(index, position);
  const targets = [...new Map(best.flat().map((entry) => [entry.position, entry.slot]))];
  const edges = targets.map(([other, slot]) => {
    const shared = Array.from(contributions.subarray(slot * KINDS, slot * KINDS + KINDS));
    const neighbourMass = massOf(index, other);
    return {
      target: index.practiceIds[other]!,
      score: lensScore(shared, mass, neighbourMass, "BALANCED"),
      contributions: shared,
      neighbourMass,
      shared: sharedKeys(index, index.items[position]!, index.items[other]!),
    };
  });
  edges.sort((a, b) =>
    compareMatches({ practiceId: a.target, score: a.score }, { practiceId: b.target, score: b.score }),
  );
  return { practiceId: index.practiceIds[position]!, mass, edges };
}

function positionsOf(index: SimilarityIndex, practiceIds?: Iterable<string>): number[] {
  return practiceIds
    ? [...new Set(practiceIds)].flatMap((id) => (index.positionOf.has(id) ? [index.positionOf.get(id)!] : []))
    : index.practiceIds.map((_, position) => position);
}

/**
 * Neighbourhoods of the given practices (all by default), scored against every practice of the index, `size` at a
 * time: a caller can write one slice while the next is computed (one scratch serves them all).
 */
export function* neighbourhoodSlices(
  index: SimilarityIndex,
  size: number,
  practiceIds?: Iterable<string>,
  k = TOP_K,
): Generator<Neighbourhood[]> {
  const positions = positionsOf(index, practiceIds);
  const scratch = newScratch(index.practiceIds.length);
  for (let start = 0; start < positions.length; start += size) {
    yield positions.slice(start, start + size).map((position) => neighbourhood(index, position, scratch, k));
  }
}

/** Neighbourhoods of the given practices (all by default), scored against every practice of the index. */
export function computeNeighbourhoods(
  index: SimilarityIndex,
  practiceIds?: Iterable<string>,
  k = TOP_K,
): Neighbourhood[] {
  return [...neighbourhoodSlices(index, index.practiceIds.length || 1, practiceIds, k)].flat();
}
