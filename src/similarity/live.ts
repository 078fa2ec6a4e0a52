/**
 * A per-process similarity index kept current, so that a refresh after a write that names the practices it touched
 * costs what those practices affect instead of a read of the whole graph (docs/similarity.md, "Targeted refresh").
 *
 * The index is loaded by a full refresh (the first one, or whenever this process cannot vouch for it) and then
 * patched: the touched practices' items are read again by id, the df of their items and N updated, rarities and
 * the masses they move recomputed exactly, in the order a build sums them (neighbours.ts, setPracticeMass), so a
 * rewritten practice gets exactly the edges a full recomputation gives it. Beside it, the adjacency the stored
 * edges hold (who lists whom), as this process last read or wrote it.
 *
 * Whether the index is still the graph's: every change of the graph advances its version stamp
 * (src/neo4j/graphVersion.ts). This process hears of its own advances (the writes it served, its refreshes); an
 * advance it did not make (another instance, an import, a restore) or a new epoch means someone else changed the
 * graph, and the run reloads instead of trusting the index. A run that fails drops the index for the same reason.
 */
import type { Graph } from "../neo4j/graph";
import { setTimeout as sleep } from "node:timers/promises";
import { onGraphVersionAdvanced, readGraphVersion } from "../neo4j/graphVersion";
import { featureSignature, readPracticeFeatures, readPracticeRecords } from "./features";
import { LENSES, LINK_KINDS, itemId, type PracticeFeatures } from "./model";
import {
  TOP_K,
  buildSimilarityIndex,
  candidateCap,
  candidatesOf,
  pairLensScores,
  setPracticeMass,
  type SimilarityIndex,
} from "./neighbours";
import { recomputeAndStore, refreshFromRecords } from "./recompute";

const KINDS = LINK_KINDS.length;

/** How long a run waits to hear of an advance of its own process that committed just before it read the stamp. */
const OWN_ADVANCE_GRACE_MS = 100;

export type RefreshReport = {
  mode: "targeted" | "full";
  /** Why the run was a full one. */
  reason?: string;
  /** The practices whose neighbourhoods were rewritten. */
  rewritten: string[];
  /** Of a targeted run, milliseconds per step: the version check, the read by id, the patch, computing and writing. */
  steps?: { check: number; read: number; patch: number; rewrite: number };
};

export type LiveSimilarity = {
  /** Refreshes after writes that changed the features of these practices and of no other (they may be absent now). */
  refreshPractices(ids: Iterable<string>): Promise<RefreshReport>;
  /** refreshSimilarity, keeping its index for the targeted runs after it. */
  refreshAll(reason: string): Promise<RefreshReport>;
  /** Forgets the index: the next run reloads it (a write this process cannot describe committed). */
  invalidate(): void;
  close(): void;
};

type Version = { epoch: string; stamp: number };

type State = Version & {
  index: SimilarityIndex;
  /**
   * Per position, 1 when its masses await their items' new rarities: a new N moves every practice's mass, and
   * recomputing 100,000 of them took most of a run, while a run reads the masses of a few thousand (ensureMass).
   */
  stale: Uint8Array;
  numberOf: Map<string, number>;
  /** What each practice's stored edges point to, and its inverse. */
  neighbours: Map<string, string[]>;
  listedBy: Map<string, Set<string>>;
};

function parseVersion(version: string): Version {
  const at = version.lastIndexOf(":");
  return { epoch: version.slice(0, at), stamp: Number(version.slice(at + 1)) };
}

function itemIdAt(index: SimilarityIndex, number: number): string {
  return itemId({ kind: LINK_KINDS[index.itemKind[number]!]!, key: index.itemKey[number]! });
}

function featuresAt(index: SimilarityIndex, position: number): PracticeFeatures {
  const items = Array.from(index.items[position]!, (number) => ({
    kind: LINK_KINDS[index.itemKind[number]!]!,
    key: index.itemKey[number]!,
  }));
  return { id: index.practiceIds[position]!, items };
}

function numbersOf(index: SimilarityIndex): Map<string, number> {
  return new Map(index.itemKey.map((_, number) => [itemIdAt(index, number), number]));
}

function inverse(neighbours: Map<string, string[]>): Map<string, Set<string>> {
  const listedBy = new Map<string, Set<string>>();
  for (const [id, targets] of neighbours) {
    for (const target of targets) {
      let set = listedBy.get(target);
      if (!set) listedBy.set(target, (set = new Set()));
      set.add(id);
    }
  }
  return listedBy;
}

function resized<T extends Float64Array | Uint8Array | Uint32Array>(
  array: T,
  length: number,
  make: (length: number) => T,
): T {
  if (array.length >= length) return array;
  const grown = make(length);
  grown.set(array);
  return grown;
}

/** Room for one more practice position in the per-practice arrays and the holders' bit sets. */
function addPosition(index: SimilarityIndex, id: string): number {
  const position = index.practiceIds.length;
  index.practiceIds.push(id);
  index.positionOf.set(id, position);
  index.items.push(new Int32Array(0));
  const size = position + 1;
  index.mass = resized(index.mass, size * KINDS, (n) => new Float64Array(n));
  index.dampingRoot = resized(index.dampingRoot, size * KINDS, (n) => new Float64Array(n));
  index.damped = resized(index.damped, size, (n) => new Uint8Array(n));
  index.lensMass = resized(index.lensMass, size * LENSES.length, (n) => new Float64Array(n));
  const words = (size + 31) >>> 5;
  for (const [number, bits] of index.holders) {
    index.holders.set(
      number,
      resized(bits, words, (n) => new Uint32Array(n)),
    );
  }
  return position;
}

function setHolder(index: SimilarityIndex, number: number, position: number, holds: boolean): void {
  const bits = index.holders.get(number);
  if (!bits) return;
  if (holds) bits[position >>> 5]! |= 1 << (position & 31);
  else bits[position >>> 5]! &= ~(1 << (position & 31));
}

/** Gives the practice at `position` these items (ascending numbers), keeping postings and holders in step. */
function setItems(index: SimilarityIndex, position: number, numbers: Int32Array, moved: Set<number>): void {
  const before = new Set(index.items[position]!);
  const after = new Set(numbers);
  for (const number of before) {
    if (after.has(number)) continue;
    index.postings[number] = index.postings[number]!.filter((other) => other !== position);
    setHolder(index, number, position, false);
    moved.add(number);
  }
  for (const number of after) {
    if (before.has(number)) continue;
    const posting = new Int32Array(index.postings[number]!.length + 1);
    posting.set(index.postings[number]!);
    posting[posting.length - 1] = position;
    index.postings[number] = posting;
    setHolder(index, number, position, true);
    moved.add(number);
  }
  index.items[position] = numbers;
}

/** An item whose df crossed the candidate cap starts or stops generating candidates (a bit set for the others). */
function settleGenerates(index: SimilarityIndex, number: number, cap: number): void {
  const generates = index.postings[number]!.length <= cap ? 1 : 0;
  if (index.generates[number] === generates) return;
  index.generates[number] = generates;
  if (generates) {
    index.holders.delete(number);
    return;
  }
  const bits = new Uint32Array((index.practiceIds.length + 31) >>> 5);
  for (const position of index.postings[number]!) bits[position >>> 5]! |= 1 << (position & 31);
  index.holders.set(number, bits);
}

/** The item ids of a practice, sorted, as the scorer counts them (distinct). */
function itemIds(features: PracticeFeatures | undefined): string[] {
  return features ? [...new Set(features.items.map(itemId))].sort() : [];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, n) => value === b[n]);

export function liveSimilarity(graph: Graph): LiveSimilarity {
  let state: State | undefined;
  /** Counts invalidate() calls: a load that started before one must not install its index. */
  let invalidations = 0;
  const own = new Set<string>();
  const stopListening = onGraphVersionAdvanced(graph.driver, (version) => own.add(version));
  let previous: Promise<unknown> = Promise.resolve();

  /** Runs one at a time, and a failed one leaves no index behind: the next reloads. */
  const serial = (run: () => Promise<RefreshReport>): Promise<RefreshReport> => {
    const next = previous.then(run).catch((error: unknown) => {
      state = undefined;
      throw error;
    });
    previous = next.catch(() => undefined);
    return next;
  };

  const readVersion = async () => parseVersion(await readGraphVersion(graph, 10_000));

  async function full(reason: string): Promise<RefreshReport> {
    state = undefined;
    const invalidated = invalidations;
    const version = await readVersion(); // before the graph: whatever changes after it is an advance to account for
    for (const heard of own) {
      const { epoch, stamp } = parseVersion(heard);
      if (epoch !== version.epoch || stamp <= version.stamp) own.delete(heard);
    }
    const records = await readPracticeRecords(graph);
    const index = buildSimilarityIndex(records);
    const neighbours = new Map(records.map((record) => [record.id, record.neighbours]));
    const rewritten = await refreshFromRecords(graph, records, index, {
      onStored: ({ practiceId, edges }) =>
        neighbours.set(
          practiceId,
          edges.map((edge) => edge.target),
        ),
    });
    if (invalidated === invalidations) {
      const stale = new Uint8Array(index.practiceIds.length);
      state = { ...version, index, stale, numberOf: numbersOf(index), neighbours, listedBy: inverse(neighbours) };
    }
    // Plans the read by id now: the first targeted run would otherwise wait for it (most of a second at 100,000).
    await readPracticeFeatures(graph, []);
    return { mode: "full", reason, rewritten };
  }

  /** Why the index may not be the graph's any more, or undefined when every advance since it was read is ours. */
  async function foreignChange(current: State, now: Version): Promise<string | undefined> {
    if (now.epoch !== current.epoch || now.stamp < current.stamp) return "the graph was emptied or replaced";
    const ours = (stamp: number) => own.has(`${now.epoch}:${stamp}`);
    for (let waited = 0; ; waited += 5) {
      let missing = 0;
      for (let stamp = current.stamp + 1; stamp <= now.stamp; stamp++) if (!ours(stamp)) missing++;
      if (missing === 0) break;
      if (waited >= OWN_ADVANCE_GRACE_MS)
        return `${missing} change(s) of the graph made elsewhere (another instance, an import)`;
      await sleep(5);
    }
    for (let stamp = current.stamp + 1; stamp <= now.stamp; stamp++) own.delete(`${now.epoch}:${stamp}`);
    return undefined;
  }

  async function targeted(touched: string[]): Promise<RefreshReport> {
    if (!state) return full("no index loaded in this process");
    const current = state;
    const started = performance.now();
    const now = await readVersion();
    const foreign = await foreignChange(current, now);
    if (foreign) return full(foreign);
    current.stamp = now.stamp;
    const checked = performance.now();
    const fresh = new Map((await readPracticeFeatures(graph, touched)).map((features) => [features.id, features]));
    const read = performance.now();

    const { index } = current;
    const changed = new Set<string>();
    const removed = new Set<string>();
    let unknownItem = false;
    for (const id of touched) {
      const position = index.positionOf.get(id);
      const before = itemIds(position === undefined ? undefined : featuresAt(index, position));
      const now = fresh.get(id);
      const after = itemIds(now);
      // The same items and their computation stored: unchanged. The same items without it: a practice deleted and
      // created again (its edges and those pointing to it went with the old node), so it is changed.
      const computed = now !== undefined && now.storedSignature === featureSignature(now);
      if (position !== undefined && now !== undefined && sameList(before, after) && computed) continue;
      if (position === undefined && !fresh.has(id)) continue;
      // Lineage items follow BUILDS_ON chains through other practices: their change is not this practice's alone.
      const lineage = (ids: string[]) => ids.filter((item) => item.startsWith("LINEAGE:")).join("\n");
      if (lineage(before) !== lineage(after)) return full(`the lineage of ${id} changed`);
      (fresh.has(id) ? changed : removed).add(id);
      unknownItem ||= after.some((item) => !current.numberOf.has(item));
    }
    if (changed.size === 0 && removed.size === 0) return { mode: "targeted", rewritten: [] };

    const practices =
      index.positionOf.size - removed.size + [...changed].filter((id) => !index.positionOf.has(id)).length;
    if (unknownItem || candidateCap(practices) !== candidateCap(index.positionOf.size)) {
      // A new item needs a number in the sorted order every sum follows; a new cap, new candidates: built again
      // from what this process holds (seconds at 100,000 practices), not read again.
      const features = [...index.positionOf.values()].flatMap((position) => {
        const id = index.practiceIds[position]!;
        return changed.has(id) || removed.has(id) ? [] : [featuresAt(index, position)];
      });
      for (const id of changed) features.push(fresh.get(id)!);
      current.index = buildSimilarityIndex(features);
      current.stale = new Uint8Array(current.index.practiceIds.length);
      current.numberOf = numbersOf(current.index);
    } else {
      patch(current, fresh, changed, removed);
    }
    const patched = performance.now();
    const report = await rewrite(current, changed, removed);
    const steps = {
      check: checked - started,
      read: read - checked,
      patch: patched - read,
      rewrite: performance.now() - patched,
    };
    return { ...report, steps };
  }

  /** Applies the changed and removed practices to the index in place: postings, df, N, rarities and masses. */
  function patch(
    current: State,
    fresh: Map<string, PracticeFeatures>,
    changed: Set<string>,
    removed: Set<string>,
  ): void {
    const { index } = current;
    const practicesBefore = index.positionOf.size;
    const moved = new Set<number>();
    const repositioned: number[] = [];
    for (const id of removed) {
      const position = index.positionOf.get(id)!;
      setItems(index, position, new Int32Array(0), moved);
      index.positionOf.delete(id);
      repositioned.push(position);
    }
    for (const id of changed) {
      const position = index.positionOf.get(id) ?? addPosition(index, id);
      const numbers = Int32Array.from(
        new Set(fresh.get(id)!.items.map((item) => current.numberOf.get(itemId(item))!)),
      ).sort();
      setItems(index, position, numbers, moved);
      repositioned.push(position);
    }
    const practices = index.positionOf.size;
    const cap = candidateCap(practices);
    for (const number of moved) settleGenerates(index, number, cap);
    const rarity = (number: number) => {
      const df = index.postings[number]!.length;
      return df > 0 ? Math.log(practices / df) : 0;
    };
    current.stale = resized(current.stale, index.practiceIds.length, (n) => new Uint8Array(n));
    if (practices !== practicesBefore) {
      // N moved every rarity, hence every mass.
      for (let number = 0; number < index.itemRarity.length; number++) index.itemRarity[number] = rarity(number);
      current.stale.fill(1);
      return;
    }
    for (const position of repositioned) current.stale[position] = 1;
    for (const number of moved) {
      index.itemRarity[number] = rarity(number);
      for (const position of index.postings[number]!) current.stale[position] = 1;
    }
  }

  /** Brings the masses of these positions up to date with the rarities, before anything reads them. */
  function ensureMass(current: State, positions: Iterable<number>): void {
    for (const position of positions) {
      if (!current.stale[position]) continue;
      setPracticeMass(current.index, position);
      current.stale[position] = 0;
    }
  }

  /**
   * Whether a changed practice may now be in the top-K of `position` under some lens. It is not when, under every
   * lens, K of the practices `position` lists score above it (or equal with a lower id), scored on the current
   * index: its top-K has at least those K. A stored list is a lower bound whatever the rarities it was computed with.
   */
  function mayEnter(current: State, position: number, changedPositions: number[]): boolean {
    const { index } = current;
    const listedIds = (current.neighbours.get(index.practiceIds[position]!) ?? []).filter((id) =>
      index.positionOf.has(id),
    );
    const listedPositions = listedIds.map((id) => index.positionOf.get(id)!);
    ensureMass(current, [position, ...changedPositions, ...listedPositions]);
    const listed = listedIds.flatMap((id, n) => {
      const scores = pairLensScores(index, position, listedPositions[n]!);
      return scores ? [{ id, other: listedPositions[n]!, scores }] : [];
    });
    for (const changed of changedPositions) {
      const scores = pairLensScores(index, position, changed);
      if (!scores) continue;
      const changedId = index.practiceIds[changed]!;
      for (let lens = 0; lens < LENSES.length; lens++) {
        const score = scores[lens]!;
        if (score <= 0) continue;
        const above = listed.filter(
          (entry) =>
            entry.other !== changed &&
            (entry.scores[lens]! > score || (entry.scores[lens] === score && entry.id < changedId)),
        ).length;
        if (above < TOP_K) return true;
      }
    }
    return false;
  }

  async function rewrite(current: State, changed: Set<string>, removed: Set<string>): Promise<RefreshReport> {
    const { index } = current;
    const rewritten = new Set(changed);
    for (const id of [...changed, ...removed]) {
      for (const other of current.listedBy.get(id) ?? []) if (index.positionOf.has(other)) rewritten.add(other);
    }
    const changedPositions = [...changed].map((id) => index.positionOf.get(id)!);
    const uncertain = new Set<string>();
    for (const position of changedPositions) {
      for (const candidate of candidatesOf(index, position)) {
        const id = index.practiceIds[candidate]!;
        if (!rewritten.has(id) && !uncertain.has(id) && mayEnter(current, candidate, changedPositions))
          uncertain.add(id);
      }
    }
    for (const id of removed) forget(current, id);
    const computed = [...rewritten, ...uncertain].sort();
    for (const id of computed) {
      const position = index.positionOf.get(id)!;
      ensureMass(current, [position, ...candidatesOf(index, position)]);
    }
    const { stored } = await recomputeAndStore(graph, index, computed, {
      keep: (neighbourhood) =>
        rewritten.has(neighbourhood.practiceId) || neighbourhood.edges.some((edge) => changed.has(edge.target)),
      signatureOf: (id) => featureSignature(featuresAt(index, index.positionOf.get(id)!)),
      onStored: (neighbourhood) =>
        list(
          current,
          neighbourhood.practiceId,
          neighbourhood.edges.map((edge) => edge.target),
        ),
    });
    return { mode: "targeted", rewritten: stored };
  }

  function list(current: State, id: string, targets: string[]): void {
    for (const target of current.neighbours.get(id) ?? []) current.listedBy.get(target)?.delete(id);
    current.neighbours.set(id, targets);
    for (const target of targets) {
      let set = current.listedBy.get(target);
      if (!set) current.listedBy.set(target, (set = new Set()));
      set.add(id);
    }
  }

  function forget(current: State, id: string): void {
    list(current, id, []);
    current.neighbours.delete(id);
    current.listedBy.delete(id);
  }

  return {
    refreshPractices: (ids) => {
      const touched = [...new Set(ids)].sort();
      return serial(() => targeted(touched));
    },
    refreshAll: (reason) => serial(() => full(reason)),
    invalidate: () => {
      invalidations++;
      state = undefined;
    },
    close: stopListening,
  };
}
