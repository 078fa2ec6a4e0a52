/**
 * Top-K neighbours at scale: an inverted index (item -> practices) generates candidates, so a practice is only
 * compared with practices it shares an item with. Items held by more than max(50, min(1000, 5% of N)) practices
 * (`candidateCap`) do not generate candidates (they would make every practice a candidate of every other) but still
 * count in the scores.
 */
import { LENSES, LENS_WEIGHTS, LINK_KINDS, KIND_INDEX, itemId, type PracticeFeatures } from "./model";
import { compareMatches, compareSharedKeys, kindDamping, lensScore, rarities, roundScore } from "./score";

export const TOP_K = 10;

const KINDS = LINK_KINDS.length;

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
  /** Per practice, KINDS damped masses. */
  mass: Float64Array;
  /** Per practice, KINDS square roots of the damping, which scale what it shares. */
  dampingRoot: Float64Array;
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

  const mass = new Float64Array(practices.length * KINDS);
  const dampingRoot = new Float64Array(practices.length * KINDS);
  const lensMass = new Float64Array(practices.length * LENSES.length);
  items.forEach((numbers, position) => {
    const counts = new Array<number>(KINDS).fill(0);
    for (const number of numbers) {
      mass[position * KINDS + itemKind[number]!]! += itemRarity[number]!;
      counts[itemKind[number]!]!++;
    }
    kindDamping(counts).forEach((damping, kind) => {
      mass[position * KINDS + kind]! *= damping;
      dampingRoot[position * KINDS + kind] = Math.sqrt(damping);
    });
    LENSES.forEach((lens, l) => {
      const weights = LENS_WEIGHTS[lens];
      let total = 0;
      for (let kind = 0; kind < KINDS; kind++) total += weights[kind]! * mass[position * KINDS + kind]!;
      lensMass[position * LENSES.length + l] = total;
    });
  });

  const practiceIds = practices.map((practice) => practice.id);
  return {
    practiceIds,
    positionOf: new Map(practiceIds.map((id, position) => [id, position])),
    items,
    itemKind,
    itemKey,
    itemRarity,
    postings,
    generates,
    mass,
    dampingRoot,
    lensMass,
  };
}

/** Practices that share at least one candidate-generating item with the practice at `position`. */
export function candidatesOf(index: SimilarityIndex, position: number): number[] {
  const seen = new Set<number>();
  for (const number of index.items[position]!) {
    if (!index.generates[number]) continue;
    for (const other of index.postings[number]!) if (other !== position) seen.add(other);
  }
  return [...seen];
}

function hasItem(items: Int32Array, number: number): boolean {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = items[middle]!;
    if (value === number) return true;
    if (value < number) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Scratch arrays reused across practices: one recomputation allocates them once. */
type Scratch = { stamp: Int32Array; contributions: Float64Array };

function newScratch(size: number): Scratch {
  return { stamp: new Int32Array(size).fill(-1), contributions: new Float64Array(size * KINDS) };
}

/** Accumulates, for every candidate of p, the (damped) rarity of what it shares with p per kind. */
function accumulate(index: SimilarityIndex, position: number, scratch: Scratch): number[] {
  const { stamp, contributions } = scratch;
  const candidates: number[] = [];
  const own = index.items[position]!;
  for (const number of own) {
    if (!index.generates[number]) continue;
    const offset = index.itemKind[number]!;
    const rarity = index.itemRarity[number]!;
    for (const other of index.postings[number]!) {
      if (other === position) continue;
      if (stamp[other] !== position) {
        stamp[other] = position;
        contributions.fill(0, other * KINDS, other * KINDS + KINDS);
        candidates.push(other);
      }
      contributions[other * KINDS + offset]! += rarity;
    }
  }
  // Ubiquitous items did not generate candidates; they still add to the candidates found.
  for (const number of own) {
    if (index.generates[number]) continue;
    const offset = index.itemKind[number]!;
    const rarity = index.itemRarity[number]!;
    for (const other of candidates) if (hasItem(index.items[other]!, number)) contributions[other * KINDS + offset]! += rarity;
  }
  for (const other of candidates) {
    for (let kind = 0; kind < KINDS; kind++) {
      contributions[other * KINDS + kind]! *= index.dampingRoot[position * KINDS + kind]! * index.dampingRoot[other * KINDS + kind]!;
    }
  }
  return candidates;
}

type Ranked = { practiceId: string; score: number; position: number };

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

const LENS_COUNT = LENSES.length;
/** Lens weights as one flat row per lens: the inner loop runs for every candidate of every practice. */
const LENS_WEIGHT_ROWS = Float64Array.from(LENSES.flatMap((lens) => [...LENS_WEIGHTS[lens]]));
const round = roundScore;

function massOf(index: SimilarityIndex, position: number): number[] {
  return Array.from(index.mass.subarray(position * KINDS, position * KINDS + KINDS));
}

/** The union of p's top-K under every lens, each edge with what p and its neighbour share. */
function neighbourhood(index: SimilarityIndex, position: number, scratch: Scratch, k: number): Neighbourhood {
  const candidates = accumulate(index, position, scratch);
  const { contributions } = scratch;
  const best: Ranked[][] = LENSES.map(() => []);
  for (const other of candidates) {
    for (let lens = 0; lens < LENS_COUNT; lens++) {
      const norm = Math.sqrt(index.lensMass[position * LENS_COUNT + lens]! * index.lensMass[other * LENS_COUNT + lens]!);
      if (norm === 0) continue;
      let weighted = 0;
      for (let kind = 0; kind < KINDS; kind++) weighted += LENS_WEIGHT_ROWS[lens * KINDS + kind]! * contributions[other * KINDS + kind]!;
      const score = round(weighted / norm);
      const ranked = best[lens]!;
      if (score <= 0 || (ranked.length === k && score < ranked[k - 1]!.score)) continue;
      offer(ranked, { practiceId: index.practiceIds[other]!, score, position: other }, k);
    }
  }
  const mass = massOf(index, position);
  const targets = [...new Set(best.flat().map((entry) => entry.position))];
  const edges = targets.map((other) => {
    const shared = Array.from(contributions.subarray(other * KINDS, other * KINDS + KINDS));
    const neighbourMass = massOf(index, other);
    return {
      target: index.practiceIds[other]!,
      score: lensScore(shared, mass, neighbourMass, "BALANCED"),
      contributions: shared,
      neighbourMass,
      shared: sharedKeys(index, index.items[position]!, index.items[other]!),
    };
  });
  edges.sort((a, b) => compareMatches({ practiceId: a.target, score: a.score }, { practiceId: b.target, score: b.score }));
  return { practiceId: index.practiceIds[position]!, mass, edges };
}

/** Neighbourhoods of the given practices (all by default), scored against every practice of the index. */
export function computeNeighbourhoods(index: SimilarityIndex, practiceIds?: Iterable<string>, k = TOP_K): Neighbourhood[] {
  const positions = practiceIds
    ? [...new Set(practiceIds)].flatMap((id) => (index.positionOf.has(id) ? [index.positionOf.get(id)!] : []))
    : index.practiceIds.map((_, position) => position);
  const scratch = newScratch(index.practiceIds.length);
  return positions.map((position) => neighbourhood(index, position, scratch, k));
}
