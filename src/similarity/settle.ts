/**
 * Whether what one read found of a practice's stored neighbourhood may be served. A refresh deletes and recreates
 * a practice's edges in one transaction, but a concurrent reader can see that transaction half-applied (store.ts):
 * old edges beside new ones, an edge whose properties are gone, part of the new edges and none of the old. What a
 * computation wrote is recognisable, since each edge carries its generation and the number of edges it wrote.
 */
import type { PerKind, SharedItem } from "./model";

/** One SIMILAR_TO edge as read: every property is null when the edge was caught being deleted or created. */
export type StoredEdge = {
  target: string | null;
  generation: string | null;
  neighbourhoodSize: number | null;
  contributions: PerKind | null;
  practiceMass: PerKind | null;
  neighbourMass: PerKind | null;
  /** Per kind, the shared items with their names; null for a kind whose property was missing. */
  shared: ReadonlyArray<SharedItem[] | null>;
};

/** An edge read with everything its computation wrote on it. */
export type IntactEdge = {
  target: string;
  generation: string;
  neighbourhoodSize: number;
  contributions: PerKind;
  practiceMass: PerKind;
  neighbourMass: PerKind;
  shared: SharedItem[][];
};

/**
 * Serve these edges, or read again. `shortfall` names a view that is one intact generation but lacks edges: it is
 * either a write caught half-applied or a neighbour deleted since the computation (DETACH DELETE takes the edge
 * with it; the next refresh recomputes the practice). Only the second outlasts a re-read.
 */
export type Settlement = { settled: true; edges: IntactEdge[] } | { settled: false; shortfall?: string };

function isIntact(edge: StoredEdge): edge is IntactEdge {
  return (
    edge.target !== null &&
    edge.generation !== null &&
    edge.neighbourhoodSize !== null &&
    edge.contributions !== null &&
    edge.practiceMass !== null &&
    edge.neighbourMass !== null &&
    edge.shared.every((items) => items !== null)
  );
}

/**
 * Settles a read of one practice's edges. `degree` is the number of edges its last computation wrote (null if never
 * computed): no edge at all is whole only when that computation wrote none. `previousShortfall` is what the
 * previous read of the same practice found, if it fell short.
 */
export function settle(edges: readonly StoredEdge[], degree: number | null, previousShortfall?: string): Settlement {
  if (!edges.every(isIntact)) return { settled: false };
  const generations = new Set(edges.map((edge) => edge.generation));
  if (generations.size > 1) return { settled: false };
  const expected = edges[0]?.neighbourhoodSize ?? degree ?? 0;
  if (edges.length === expected) return { settled: true, edges: [...edges] };
  const shortfall = [...generations, ...edges.map((edge) => edge.target).sort()].join(" ");
  const outlasted = edges.length < expected && shortfall === previousShortfall;
  return outlasted ? { settled: true, edges: [...edges] } : { settled: false, shortfall };
}
