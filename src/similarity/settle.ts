/**
 * Whether what one read found of a practice's stored neighbourhood may be served. A refresh deletes and recreates
 * a practice's edges in one transaction, but a concurrent reader can see that transaction half-applied (store.ts):
 * old edges beside new ones, an edge whose properties are gone, part of the new edges and none of the old. What a
 * computation wrote is recognisable, since each edge carries its generation and the number of edges it wrote.
 */
import { unpackEdgeNumbers, type EdgeNumbers, type PerKind, type SharedItem } from "./model";

/** One SIMILAR_TO edge as read: every property is null when the edge was caught being deleted or created. */
export type StoredEdge = {
  target: string | null;
  generation: string | null;
  neighbourhoodSize: number | null;
  /** Contributions and both masses in one list (model.ts, packEdgeNumbers). */
  numbers: PerKind | null;
  /** Per kind, the shared items with their names (read.ts resolves the stored keys); null if the property was missing. */
  shared: ReadonlyArray<SharedItem[] | null>;
};

/** An edge read with everything its computation wrote on it. */
export type IntactEdge = EdgeNumbers & {
  target: string;
  generation: string;
  neighbourhoodSize: number;
  shared: SharedItem[][];
};

/**
 * Serve these edges, or read again. `shortfall` names a view that is one intact generation but lacks edges: it is
 * either a write caught half-applied or a neighbour deleted since the computation (DETACH DELETE takes the edge
 * with it; the next refresh recomputes the practice). Only the second outlasts a re-read.
 */
export type Settlement = { settled: true; edges: IntactEdge[] } | { settled: false; shortfall?: string };

type WholeEdge = Omit<IntactEdge, keyof EdgeNumbers> & { numbers: PerKind };

function isWhole(edge: StoredEdge): edge is WholeEdge {
  return (
    edge.target !== null &&
    edge.generation !== null &&
    edge.neighbourhoodSize !== null &&
    edge.numbers !== null &&
    edge.shared.every((items) => items !== null)
  );
}

function intact({ target, generation, neighbourhoodSize, numbers, shared }: WholeEdge): IntactEdge {
  return { target, generation, neighbourhoodSize, ...unpackEdgeNumbers(numbers), shared };
}

/**
 * Settles a read of one practice's edges. `degree` is the number of edges its last computation wrote (null if never
 * computed): no edge at all is whole only when that computation wrote none. `previousShortfall` is what the
 * previous read of the same practice found, if it fell short.
 */
export function settle(edges: readonly StoredEdge[], degree: number | null, previousShortfall?: string): Settlement {
  if (!edges.every(isWhole)) return { settled: false };
  const generations = new Set(edges.map((edge) => edge.generation));
  if (generations.size > 1) return { settled: false };
  const expected = edges[0]?.neighbourhoodSize ?? degree ?? 0;
  if (edges.length === expected) return { settled: true, edges: edges.map(intact) };
  const shortfall = [...generations, ...edges.map((edge) => edge.target).sort()].join(" ");
  const outlasted = edges.length < expected && shortfall === previousShortfall;
  return outlasted ? { settled: true, edges: edges.map(intact) } : { settled: false, shortfall };
}
