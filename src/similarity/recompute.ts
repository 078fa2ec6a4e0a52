/** Recomputes stored neighbourhoods: all of them after an import, or only those a set of changes can alter. */
import type { Graph } from "../neo4j/graph";
import { featureSignature, readPracticeRecords, type PracticeRecord } from "./features";
import {
  buildSimilarityIndex,
  candidatesOf,
  neighbourhoodSlices,
  type Neighbourhood,
  type SimilarityIndex,
} from "./neighbours";
import { neighbourhoodWriter } from "./store";
import { advanceGraphVersion } from "../neo4j/graphVersion";

/**
 * The practices whose top-K a change to `changed` can alter: the changed ones, those that stored one of them
 * as neighbour (its score moved), and those sharing a candidate-generating item with one (it may enter their top-K).
 */
function affectedPractices(
  records: readonly PracticeRecord[],
  index: SimilarityIndex,
  changed: Iterable<string>,
): string[] {
  const changedIds = new Set([...changed].filter((id) => index.positionOf.has(id)));
  const affected = new Set(changedIds);
  for (const record of records) if (record.neighbours.some((id) => changedIds.has(id))) affected.add(record.id);
  for (const id of changedIds)
    for (const other of candidatesOf(index, index.positionOf.get(id)!)) affected.add(index.practiceIds[other]!);
  return [...affected].sort();
}

/** Practices computed between two chances for the driver to send a batch and read its answers (tens of ms). */
const COMPUTE_SLICE = 100;

/** What a recomputation stores: which practices, and how to sign and hear of each. */
export type StoreOptions = {
  /** Which computed neighbourhoods to store (all by default). */
  keep?: (neighbourhood: Neighbourhood) => boolean;
  /** The signature each stored practice gets: that of the features it was computed from. */
  signatureOf: (practiceId: string) => string;
  /** Told of each neighbourhood once it is handed to the writer (live.ts keeps its copy of the adjacency). */
  onStored?: (neighbourhood: Neighbourhood) => void;
};

/** Computes the given practices' neighbourhoods (all by default) and stores those `keep` accepts; returns their ids. */
export async function recomputeAndStore(
  graph: Graph,
  index: SimilarityIndex,
  practiceIds: Iterable<string> | undefined,
  { keep = () => true, signatureOf, onStored }: StoreOptions,
): Promise<{ stored: string[]; relationships: number }> {
  const writer = neighbourhoodWriter(graph, { get: signatureOf });
  const stored: string[] = [];
  for (const slice of neighbourhoodSlices(index, COMPUTE_SLICE, practiceIds)) {
    const kept = slice.filter(keep);
    stored.push(...kept.map((neighbourhood) => neighbourhood.practiceId));
    kept.forEach((neighbourhood) => onStored?.(neighbourhood));
    await writer.write(kept);
  }
  const relationships = await writer.finish();
  // New neighbourhoods change what the discovery fields answer: cached answers are left behind.
  if (stored.length > 0) await advanceGraphVersion(graph);
  return { stored, relationships };
}

function signaturesOf(records: readonly PracticeRecord[]): (practiceId: string) => string {
  const signatures = new Map(records.map((record) => [record.id, featureSignature(record)]));
  return (practiceId) => signatures.get(practiceId)!;
}

/** Full recomputation (after a catalogue import), or for the given practices and the practices whose neighbourhoods they can change. */
export async function recomputeSimilarity(
  graph: Graph,
  options: { practiceIds?: string[] } = {},
): Promise<{ practices: number; relationships: number }> {
  const records = await readPracticeRecords(graph);
  const index = buildSimilarityIndex(records);
  const practiceIds = options.practiceIds ? affectedPractices(records, index, options.practiceIds) : undefined;
  const { stored, relationships } = await recomputeAndStore(graph, index, practiceIds, {
    signatureOf: signaturesOf(records),
  });
  return { practices: stored.length, relationships };
}

/**
 * After writes through the API: recomputes the practices whose features changed since the last computation
 * (new ones included) with those they affect, and the practices that lost a neighbour to a deletion. Of the
 * practices that merely share an item with a changed one, only those it now enters the top-K of are rewritten:
 * the others' stored neighbourhoods are what they were, but for the rarity drift docs/similarity.md describes
 * (writing is most of a refresh's time). Returns the rewritten ids.
 */
export async function refreshSimilarity(graph: Graph): Promise<string[]> {
  const records = await readPracticeRecords(graph);
  return refreshFromRecords(graph, records, buildSimilarityIndex(records), {});
}

/** refreshSimilarity on records already read and indexed (live.ts keeps the index for the targeted runs after). */
export async function refreshFromRecords(
  graph: Graph,
  records: readonly PracticeRecord[],
  index: SimilarityIndex,
  options: Omit<StoreOptions, "keep" | "signatureOf">,
): Promise<string[]> {
  const signatureOf = signaturesOf(records);
  const changed = new Set(
    records.filter((record) => record.storedSignature !== signatureOf(record.id)).map((record) => record.id),
  );
  const orphaned = records.filter((record) => record.lostNeighbour).map((record) => record.id);
  if (changed.size === 0 && orphaned.length === 0) return [];
  const rewritten = new Set([
    ...changed,
    ...orphaned,
    ...records.filter((record) => record.neighbours.some((id) => changed.has(id))).map((record) => record.id),
  ]);
  const practiceIds = [...new Set([...affectedPractices(records, index, changed), ...orphaned])].sort();
  const keep = (neighbourhood: Neighbourhood) =>
    rewritten.has(neighbourhood.practiceId) || neighbourhood.edges.some((edge) => changed.has(edge.target));
  const { stored } = await recomputeAndStore(graph, index, practiceIds, { ...options, keep, signatureOf });
  return stored;
}
