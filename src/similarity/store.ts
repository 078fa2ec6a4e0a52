/**
 * Writes neighbourhoods as (:Practice)-[:SIMILAR_TO]->(:Practice) edges, in batches of practices per transaction.
 *
 * Neo4j applies a committing transaction to the store piece by piece, and readers run at read-committed isolation:
 * a reader can see some of a practice's new edges beside some of its old ones, or an edge whose properties are
 * already gone. So every edge is a complete record of one computation, enough to score it alone (what the pair
 * shares and both practices' masses, as that computation saw them), tagged with the computation's `generation` and
 * the number of edges that computation gave the practice (`neighbourhoodSize`): a reader can tell a whole
 * neighbourhood from a half-written one (settle.ts).
 *
 * The record is compact: each property is a record of its own in Neo4j's store, and writing twelve lists per
 * edge cost 4 to 5 times what an edge without them does (docs/similarity.md, "Rebuild speed"). So an edge holds
 * `score`, `numbers` (contributions and both masses, 27 floats: model.ts, packEdgeNumbers) and `shared` (the
 * shared items as kind-prefixed keys, "LEP:A1", kind by kind in LINK_KINDS order, rarest first within a kind).
 */
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToIo } from "node:timers/promises";
import type { Graph } from "../neo4j/graph";
import { LINK_KINDS, itemId, packEdgeNumbers } from "./model";
import type { Neighbourhood } from "./neighbours";

/** Practices per transaction (measured: docs/similarity.md, "Rebuild speed"). */
export const PRACTICES_PER_TRANSACTION = 1_000;

/**
 * A practice's old outgoing edges are deleted in the transaction that writes its new ones, so that no reader ever
 * finds it without neighbours once a computation has given it some. similarityDegree is the number of edges the
 * computation gave it: when a neighbour is deleted the practice has fewer, and the next refresh recomputes it. An
 * edge to a practice deleted meanwhile is simply not written. Earlier versions kept the mass on the practice
 * (similarityMass): it now travels on each edge, so it is removed.
 */
export const WRITE_NEIGHBOURHOODS = `
UNWIND $rows AS row
MATCH (p:Practice {id: row.id})
SET p.similaritySignature = row.signature, p.similarityDegree = size(row.edges)
REMOVE p.similarityMass
WITH p, row
CALL (p) {
  MATCH (p)-[old:SIMILAR_TO]->()
  DELETE old
}
CALL (p, row) {
  UNWIND row.edges AS edge
  MATCH (q:Practice {id: edge.target})
  CREATE (p)-[similar:SIMILAR_TO]->(q)
  SET similar = edge.properties, similar.generation = $generation, similar.neighbourhoodSize = size(row.edges)
}`;

function edgeProperties(neighbourhood: Neighbourhood, edge: Neighbourhood["edges"][number]): Record<string, unknown> {
  return {
    score: edge.score,
    numbers: packEdgeNumbers({
      contributions: edge.contributions,
      practiceMass: neighbourhood.mass,
      neighbourMass: edge.neighbourMass,
    }),
    shared: LINK_KINDS.flatMap((kind, index) => edge.shared[index]!.map((key) => itemId({ kind, key }))),
  };
}

/** The $rows of WRITE_NEIGHBOURHOODS: each practice with its signature and its edges' properties. */
/** Signatures by practice id: a map, or a function behind `get` (live.ts signs from its index). */
export type Signatures = Pick<ReadonlyMap<string, string>, "get">;

export function neighbourhoodRows(
  neighbourhoods: readonly Neighbourhood[],
  signatures: Signatures,
): Array<Record<string, unknown>> {
  return neighbourhoods.map((neighbourhood) => ({
    id: neighbourhood.practiceId,
    signature: signatures.get(neighbourhood.practiceId) ?? null,
    edges: neighbourhood.edges.map((edge) => ({
      target: edge.target,
      properties: edgeProperties(neighbourhood, edge),
    })),
  }));
}

/** Stores neighbourhoods as they are computed; finish() waits for every write and returns the edges created. */
export type NeighbourhoodWriter = {
  write(neighbourhoods: readonly Neighbourhood[]): Promise<void>;
  finish(): Promise<number>;
};

/**
 * Writes one generation, PRACTICES_PER_TRANSACTION practices per transaction, one transaction at a time: the
 * database writes one batch while the caller computes the next (2 cores). Two transactions at once on disjoint
 * practices deadlock (creating an edge locks both its ends, and neighbours are shared), so there is only one.
 */
export function neighbourhoodWriter(graph: Graph, signatures: Signatures): NeighbourhoodWriter {
  const generation = randomUUID();
  let previous: Promise<void> = Promise.resolve();
  let pending: Neighbourhood[] = [];
  let created = 0;

  const send = async (batch: Neighbourhood[]): Promise<void> => {
    await previous;
    const rows = neighbourhoodRows(batch, signatures);
    previous = graph
      .write(WRITE_NEIGHBOURHOODS, { rows, generation })
      .then((result) => void (created += result.summary.counters.updates().relationshipsCreated));
    // Its failure is thrown by the next send() or by finish(); until then it is not unhandled.
    previous.catch(() => undefined);
  };

  return {
    async write(neighbourhoods) {
      pending.push(...neighbourhoods);
      while (pending.length >= PRACTICES_PER_TRANSACTION) {
        await send(pending.slice(0, PRACTICES_PER_TRANSACTION));
        pending = pending.slice(PRACTICES_PER_TRANSACTION);
      }
      // The driver reads its answers between computations: without this, a computation could hold the commit.
      await yieldToIo();
    },
    async finish() {
      if (pending.length > 0) await send(pending);
      pending = [];
      await previous;
      return created;
    },
  };
}
