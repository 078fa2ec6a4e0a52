/**
 * Writes neighbourhoods as (:Practice)-[:SIMILAR_TO]->(:Practice) edges, in batches of practices per transaction.
 * A practice's old outgoing edges are deleted in the same transaction that writes its new ones, so a reader
 * sees either the old or the new neighbourhood, never none.
 */
import type { Driver } from "neo4j-driver";
import { LINK_KINDS, type LinkKind } from "./model";
import type { Neighbourhood } from "./neighbours";

const PRACTICES_PER_TRANSACTION = 1_000;

/** Edge property holding the shared keys of a kind: LEP -> sharedLep, STAKEHOLDER -> sharedStakeholder. */
export function sharedProperty(kind: LinkKind): string {
  return `shared${kind.charAt(0)}${kind.slice(1).toLowerCase()}`;
}

/**
 * similarityDegree is the number of edges written: when a neighbour is deleted the practice has fewer,
 * and the next refresh recomputes it. An edge to a practice deleted meanwhile is simply not written.
 */
const WRITE_NEIGHBOURHOODS = `
UNWIND $rows AS row
MATCH (p:Practice {id: row.id})
SET p.similarityMass = row.mass, p.similaritySignature = row.signature, p.similarityDegree = size(row.edges)
WITH p, row
CALL (p) {
  MATCH (p)-[old:SIMILAR_TO]->()
  DELETE old
}
CALL (p, row) {
  UNWIND row.edges AS edge
  MATCH (q:Practice {id: edge.target})
  CREATE (p)-[similar:SIMILAR_TO]->(q)
  SET similar = edge.properties
}`;

function edgeProperties(edge: Neighbourhood["edges"][number]): Record<string, unknown> {
  const properties: Record<string, unknown> = { score: edge.score, contributions: edge.contributions };
  LINK_KINDS.forEach((kind, index) => (properties[sharedProperty(kind)] = edge.shared[index]));
  return properties;
}

/** Writes the neighbourhoods with their practices' signatures; returns the number of edges created. */
export async function storeNeighbourhoods(
  driver: Driver,
  neighbourhoods: readonly Neighbourhood[],
  signatures: ReadonlyMap<string, string>,
  database?: string,
): Promise<number> {
  let created = 0;
  const session = driver.session({ database });
  try {
    for (let start = 0; start < neighbourhoods.length; start += PRACTICES_PER_TRANSACTION) {
      const rows = neighbourhoods.slice(start, start + PRACTICES_PER_TRANSACTION).map((neighbourhood) => ({
        id: neighbourhood.practiceId,
        mass: neighbourhood.mass,
        signature: signatures.get(neighbourhood.practiceId) ?? null,
        edges: neighbourhood.edges.map((edge) => ({ target: edge.target, properties: edgeProperties(edge) })),
      }));
      created += await session.executeWrite(async (tx) => {
        const result = await tx.run(WRITE_NEIGHBOURHOODS, { rows });
        return result.summary.counters.updates().relationshipsCreated;
      });
    }
  } finally {
    await session.close();
  }
  return created;
}
