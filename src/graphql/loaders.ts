/**
 * Per-request DataLoaders: whatever a request asks in many places (ten aliased `similarPractices`, say) reaches
 * the database in one batched query per loader, not one per item.
 */
import DataLoader from "dataloader";
import type { GraphReader } from "../neo4j/reader";
import { readSimilarPractices, TOP_K, type Lens, type PracticeMatch } from "../similarity";
import { createNodeReads, type NodeReads } from "./directRead";

export type SimilarQuery = { id: string; lens: Lens; limit: number };

export type Loaders = {
  /** A practice's matches, or null when no practice has that id. */
  similarPractices: DataLoader<SimilarQuery, PracticeMatch[] | null, string>;
  /**
   * The nodes discovery answers refer to, read directly where the selection allows it (nodes.ts); absent, every
   * such node is resolved through the generated API (`directNodeReads: false`, for comparing the two in tests).
   */
  nodes?: NodeReads;
};

export function createLoaders(reader: GraphReader, options: { directNodeReads?: boolean } = {}): Loaders {
  return {
    ...(options.directNodeReads === false ? {} : { nodes: createNodeReads(reader) }),
    similarPractices: new DataLoader(
      async (queries) => {
        // One read per lens asked in the request (usually one), at the stored depth; each query takes its share.
        const lenses = [...new Set(queries.map((query) => query.lens))];
        const byLens = new Map<Lens, Map<string, PracticeMatch[]>>();
        for (const lens of lenses) {
          const ids = [...new Set(queries.filter((query) => query.lens === lens).map((query) => query.id))];
          byLens.set(lens, await readSimilarPractices(reader, ids, lens, TOP_K));
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
