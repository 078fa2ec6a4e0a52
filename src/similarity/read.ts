/**
 * Serving "similar to X": one hop over the stored SIMILAR_TO edges, ranked under the asked lens from what each edge
 * holds (per-kind contributions, both practices' masses, the shared items' keys). The edges hold the union of every
 * lens's top-K, so any lens's top-K is exact. A neighbourhood caught half-written by a concurrent refresh is read
 * again (settle.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { GraphReader } from "../neo4j/reader";
import { linkFeeding, NODE_TYPES } from "../graph";
import { LINK_KINDS, itemId, type Lens, type LinkKind, type PracticeMatch } from "./model";
import { TOP_K } from "./neighbours";
import { compareMatches, lensTerms, reasonsFrom, roundScore } from "./score";
import { settle, type IntactEdge, type StoredEdge } from "./settle";

/**
 * The shared items of an edge `s`, kind by kind, with their names: its `shared` keys ("LEP:A1", store.ts) of each
 * kind, prefix cut, looked up on that kind's nodes. A missing property stays null (never []), so that settle() can
 * tell an edge caught half-written; each kind reads the property anew, so any kind's list may be the null one.
 */
export const SHARED_WITH_NAMES = `[
        ${LINK_KINDS.map(sharedOfKind).join(",\n        ")}
      ]`;

function sharedOfKind(kind: LinkKind): string {
  // Where the name of a shared item lives: the graph model's label, key and name of the node type feeding the kind.
  const { label, key, name } = NODE_TYPES[linkFeeding(kind).target];
  const prefix = itemId({ kind, key: "" });
  const keys = `[item IN s.shared WHERE item STARTS WITH '${prefix}' | substring(item, ${prefix.length})]`;
  return `[itemKey IN ${keys} | {id: itemKey, name: coalesce(head(COLLECT { MATCH (n:${label} {${key}: itemKey}) RETURN n.${name} }), itemKey)}]`;
}

/**
 * Cypher reading each neighbour `q` along with its edge, so that the practices a caller shows come in the same round
 * trip: subqueries over `q`, then an expression of `q` (graphql/directRead builds them from a GraphQL selection).
 */
export type NeighbourProjection = { subqueries: string; projection: string; parameters: Record<string, unknown> };
export const NEIGHBOUR = "q";

/** Every stored edge of the batch's practices, with item names resolved (and each neighbour, if asked), in one round trip. */
function readNeighbourhoodsCypher(neighbours: NeighbourProjection | undefined): string {
  return `
UNWIND $ids AS id
MATCH (p:Practice {id: id})
RETURN p.id AS id, p.similarityDegree AS degree,
  COLLECT {
    MATCH (p)-[s:SIMILAR_TO]->(${NEIGHBOUR}:Practice)
    ${neighbours?.subqueries ?? ""}
    RETURN {
      target: ${NEIGHBOUR}.id,
      generation: s.generation,
      neighbourhoodSize: s.neighbourhoodSize,
      numbers: s.numbers,
      shared: ${SHARED_WITH_NAMES},
      neighbour: ${neighbours?.projection ?? "null"}
    }
  } AS edges`;
}

type ReadEdge = StoredEdge & { neighbour: Record<string, unknown> | null };
type Neighbourhoods = { edges: Map<string, IntactEdge[]>; neighbours: Map<string, Record<string, unknown>> };

/**
 * Pauses before each re-read of a neighbourhood that did not settle. A refresh's commit is applied within
 * milliseconds, so one short pause nearly always suffices; the later ones cover a large batch being applied.
 */
const REREAD_PAUSES_MS = [5, 10, 20, 40, 80, 160];

/** Writes kept rewriting these practices' neighbourhoods for as long as the reader was willing to read again. */
export class SimilarityUnsettledError extends Error {
  constructor(readonly practiceIds: string[]) {
    super(`the similarity of ${practiceIds.join(", ")} kept changing while it was read`);
    this.name = "SimilarityUnsettledError";
  }
}

/** The settled edges of each practice that exists, reading again those a concurrent write left half-written. */
async function readSettledNeighbourhoods(
  reader: GraphReader,
  ids: string[],
  neighbours?: NeighbourProjection,
): Promise<Neighbourhoods> {
  const settled: Neighbourhoods = { edges: new Map(), neighbours: new Map() };
  const shortfalls = new Map<string, string | undefined>();
  const cypher = readNeighbourhoodsCypher(neighbours);
  let pending = ids;
  for (let reread = 0; pending.length > 0; reread++) {
    if (reread > 0) {
      const pause = REREAD_PAUSES_MS[reread - 1];
      if (pause === undefined) throw new SimilarityUnsettledError(pending);
      await sleep(pause);
    }
    const { records } = await reader.run(cypher, { ...neighbours?.parameters, ids: pending });
    pending = [];
    for (const record of records) {
      const id: string = record.get("id");
      const edges = record.get("edges") as ReadEdge[];
      const settlement = settle(edges, record.get("degree"), shortfalls.get(id));
      if (settlement.settled) {
        settled.edges.set(id, settlement.edges);
        for (const { target, neighbour } of edges)
          if (target !== null && neighbour !== null) settled.neighbours.set(target, neighbour);
      } else {
        shortfalls.set(id, settlement.shortfall);
        pending.push(id);
      }
    }
  }
  return settled;
}

/** Each edge scored alone: its numbers all come from the computation that wrote it. */
function rank(edges: readonly IntactEdge[], lens: Lens, limit: number): PracticeMatch[] {
  return edges
    .map((edge) => {
      const terms = lensTerms(edge.contributions, edge.practiceMass, edge.neighbourMass, lens);
      return {
        practiceId: edge.target,
        score: roundScore(terms.reduce((total, term) => total + term, 0)),
        reasons: reasonsFrom(terms, edge.shared),
      };
    })
    .filter((match) => match.score > 0)
    .sort(compareMatches)
    .slice(0, limit);
}

/**
 * Ranked matches under the lens, at most min(limit, TOP_K) per practice. Only practices that exist get an
 * entry (possibly empty): a missing key means "no such practice", so callers need no separate existence check.
 */
export async function readSimilarPractices(
  reader: GraphReader,
  practiceIds: string[],
  lens: Lens,
  limit: number,
): Promise<Map<string, PracticeMatch[]>> {
  return (await readSimilarPracticesAndNeighbours(reader, practiceIds, lens, limit)).matches;
}

/**
 * The same, and every stored neighbour of those practices (whatever the lens), by id, as `neighbours` projects it:
 * one statement for the matches and the practices they name.
 */
export async function readSimilarPracticesAndNeighbours(
  reader: GraphReader,
  practiceIds: string[],
  lens: Lens,
  limit: number,
  neighbours?: NeighbourProjection,
): Promise<{ matches: Map<string, PracticeMatch[]>; neighbours: Map<string, Record<string, unknown>> }> {
  const matches = new Map<string, PracticeMatch[]>();
  if (practiceIds.length === 0) return { matches, neighbours: new Map() };
  const read = await readSettledNeighbourhoods(reader, [...new Set(practiceIds)], neighbours);
  for (const [id, edges] of read.edges) matches.set(id, rank(edges, lens, Math.min(limit, TOP_K)));
  return { matches, neighbours: read.neighbours };
}
