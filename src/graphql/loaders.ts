/**
 * Per-request DataLoaders: whatever a request asks in many places (ten aliased `similarPractices`, say) reaches
 * the database in one batched query per loader, not one per item.
 */
import DataLoader from "dataloader";
import type { GraphReader } from "../neo4j/reader";
import { NEIGHBOUR, readSimilarPracticesAndNeighbours, TOP_K, type Lens, type PracticeMatch } from "../similarity";
import { createNodeReads, describeRead, mergeReads, nodeProjection, type NodeRead, type NodeReads } from "./directRead";
import { PRACTICE_KEY } from "./nodes";

/**
 * A practice's matches under a lens; `practices`, when given, is how the answer will select the matched practices
 * (directRead/): they are then read in the same statement and wait in the node loader.
 */
export type SimilarQuery = { id: string; lens: Lens; limit: number; practices?: NodeRead };

export type Loaders = {
  /** A practice's matches, or null when no practice has that id. */
  similarPractices: DataLoader<SimilarQuery, PracticeMatch[] | null, string>;
  /**
   * The nodes discovery answers refer to, read directly where the selection allows it (nodes.ts); absent, every
   * such node is resolved through the generated API (`directNodeReads: false`, for comparing the two in tests).
   */
  nodes?: NodeReads;
};

/**
 * One read covering the selections asked in the batch, and the distinct selections it covers: all of them, unless
 * some page a relationship differently (those are then read when their practices are resolved).
 */
function practicesRead(queries: readonly SimilarQuery[]): { read: NodeRead; covers: NodeRead[] } | undefined {
  let merged: NodeRead | undefined;
  const covers = new Map<string, NodeRead>();
  for (const { practices } of queries) {
    if (!practices || covers.has(describeRead(practices))) continue;
    const read = merged ? mergeReads(merged, practices) : practices;
    if (!read) continue;
    merged = read;
    covers.set(describeRead(practices), practices);
  }
  return merged && { read: merged, covers: [...covers.values()] };
}

export function createLoaders(reader: GraphReader, options: { directNodeReads?: boolean } = {}): Loaders {
  const nodes = options.directNodeReads === false ? undefined : createNodeReads(reader);
  return {
    ...(nodes ? { nodes } : {}),
    similarPractices: new DataLoader(
      async (queries) => {
        // One read per lens asked in the request (usually one), at the stored depth; each query takes its share.
        const lenses = [...new Set(queries.map((query) => query.lens))];
        const byLens = new Map<Lens, Map<string, PracticeMatch[]>>();
        for (const lens of lenses) {
          const asked = queries.filter((query) => query.lens === lens);
          const ids = [...new Set(asked.map((query) => query.id))];
          const practices = nodes && practicesRead(asked);
          const read = await readSimilarPracticesAndNeighbours(
            reader,
            ids,
            lens,
            TOP_K,
            practices && nodeProjection(practices.read, NEIGHBOUR),
          );
          // The merged read holds every property each selection it covers asks for: each finds the practices under its own.
          if (nodes && practices)
            for (const covered of practices.covers) nodes.prime(covered, PRACTICE_KEY, read.neighbours);
          byLens.set(lens, read.matches);
        }
        return queries.map((query) => byLens.get(query.lens)?.get(query.id)?.slice(0, query.limit) ?? null);
      },
      { cacheKeyFn: similarKey },
    ),
  };
}

function similarKey(query: SimilarQuery): string {
  return `${query.id}|${query.lens}|${query.limit}`;
}
