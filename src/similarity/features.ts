/**
 * Reads the practice -> item bipartite graph in ONE query, with what the last computation stored about each
 * practice (signature, neighbours), so that a refresh can tell which practices changed.
 */
import { createHash } from "node:crypto";
import type { Graph } from "../neo4j/graph";
import { linkFeeding, NODE_TYPES, REL } from "../graph";
import { LINK_KINDS, itemId, type LinkKind, type PracticeFeatures } from "./model";
import { SCORING_VERSION } from "./score";

/** A practice's features with the state of its last similarity computation. */
export type PracticeRecord = PracticeFeatures & {
  /** Signature stored by the last computation, null if never computed. */
  storedSignature: string | null;
  /** Neighbours stored by the last computation and still present. */
  neighbours: string[];
  /** True when some stored neighbour was deleted since (fewer edges than were written). */
  lostNeighbour: boolean;
};

/**
 * Items per kind, as keys only (names are resolved when serving). A sub-code also counts as its parent LEP
 * (PART_OF*0..). Lineage: a practice has the item q for every practice q it builds on, directly or not, and
 * q has it too once something builds on it; a practice nothing builds on has no lineage item of its own.
 */
const ITEMS = LINK_KINDS.map((kind) => `\n  ${itemsOfKind(kind)} AS ${kind}`).join(",");

/** The keys of a practice's items of one kind, from the link that feeds it (labels and types: the model's constants). */
function itemsOfKind(kind: LinkKind): string {
  const { type, target } = linkFeeding(kind);
  const { label, key } = NODE_TYPES[target];
  if (kind === "LEP") return `[(p)-[:${type}]->(:${label})-[:${REL.PART_OF}*0..]->(n:${label}) | n.${key}]`;
  if (kind === "LINEAGE") {
    return `[(p)-[:${type}*0..]->(n:${label}) WHERE n <> p OR EXISTS { (n)<-[:${type}]-(:${label}) } | n.${key}]`;
  }
  return `[(p)-[:${type}]->(n:${label}) | n.${key}]`;
}

const READ_FEATURES = `
MATCH (p:Practice)
RETURN p.id AS id,
  p.similaritySignature AS storedSignature,
  [(p)-[:SIMILAR_TO]->(q:Practice) | q.id] AS neighbours,
  coalesce(p.similarityDegree > COUNT { (p)-[:SIMILAR_TO]->() }, false) AS lostNeighbour,${ITEMS}
ORDER BY id`;

/** The same items, of the given practices only (those that exist). */
const READ_SOME_FEATURES = `
MATCH (p:Practice) WHERE p.id IN $ids
RETURN p.id AS id, p.similaritySignature AS storedSignature,${ITEMS}`;

function itemsOf(record: { get(key: string): unknown }): PracticeFeatures["items"] {
  return LINK_KINDS.flatMap((kind: LinkKind) =>
    [...new Set<string>(record.get(kind) as string[])].map((key) => ({ kind, key })),
  );
}

export async function readPracticeRecords(graph: Graph): Promise<PracticeRecord[]> {
  const { records } = await graph.read(READ_FEATURES);
  return records.map((record) => ({
    id: record.get("id"),
    items: itemsOf(record),
    storedSignature: record.get("storedSignature"),
    neighbours: record.get("neighbours"),
    lostNeighbour: record.get("lostNeighbour"),
  }));
}

/**
 * The features of the given practices as the graph holds them now, with the signature their last computation
 * stored (null on a practice never computed, such as one deleted and created again); a practice that does not
 * exist is left out.
 */
export async function readPracticeFeatures(
  graph: Graph,
  ids: readonly string[],
): Promise<Array<PracticeFeatures & { storedSignature: string | null }>> {
  const { records } = await graph.read(READ_SOME_FEATURES, { ids });
  return records.map((record) => ({
    id: record.get("id"),
    items: itemsOf(record),
    storedSignature: record.get("storedSignature"),
  }));
}

/** A hash of a practice's feature set and of the scoring formula: equal signatures, equal features scored alike. */
export function featureSignature(practice: PracticeFeatures, scoringVersion = SCORING_VERSION): string {
  const ids = [...new Set(practice.items.map(itemId))].sort();
  return createHash("sha1")
    .update([`scoring v${scoringVersion}`, ...ids].join("\n"))
    .digest("hex");
}
