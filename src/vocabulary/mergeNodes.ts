/**
 * Merging one node of the graph into another of its type: every relationship of the old node moves onto the other,
 * with its properties (a card link keeps its field and line, an editor's link its field), and the old node is
 * deleted. What the node merged into already has is not doubled: a card's link of the same type from the same
 * practice, a link without provenance of the same type (a branch's PART_OF), its own region or organisation. A link
 * between the two nodes (a branch merged into its organisation) goes. Used by the API's mergeNodes and by an import
 * that meets an alias whose old node is still in the graph (aliases.ts).
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { AliasLabel } from "./aliases";

export type MergeCounts = { moved: number; dropped: number };

/** Labels come from ALIASABLE (constants), never from a request: only ids are parameters. */
function dropDoubled(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from}), (into:${label} {id: $into})
OPTIONAL MATCH (a)-[r]->(from)
  WHERE a = into
    OR (r.line IS NOT NULL AND EXISTS { MATCH (a)-[s]->(into) WHERE type(s) = type(r) AND s.line IS NOT NULL })
    OR (r.field IS NULL AND EXISTS { MATCH (a)-[s]->(into) WHERE type(s) = type(r) })
WITH from, into, collect(r) AS incoming
OPTIONAL MATCH (from)-[r]->(b)
  WHERE b = into OR (r.field IS NULL AND EXISTS { MATCH (into)-[s]->() WHERE type(s) = type(r) })
WITH incoming, collect(r) AS outgoing
WITH incoming + outgoing AS doubled
FOREACH (r IN doubled | DELETE r)
RETURN size(doubled) AS dropped`;
}

function moveRest(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from}), (into:${label} {id: $into})
CALL (from, into) {
  MATCH ()-[r]->(from)
  CALL apoc.refactor.to(r, into) YIELD output
  RETURN count(output) AS incoming
}
CALL (from, into) {
  MATCH (from)-[r]->()
  CALL apoc.refactor.from(r, into) YIELD output
  RETURN count(output) AS outgoing
}
DETACH DELETE from
RETURN incoming + outgoing AS moved`;
}

/**
 * The node merged into, made from the old one when the graph lacks it, with the properties given (a vocabulary
 * entry's, as the loader writes them); an import naming it writes them again.
 */
function ensureInto(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from})
MERGE (into:${label} {id: $into})
ON CREATE SET into = from {.*, id: $into}, into += $properties`;
}

/** The nodes of a label among these ids that the graph holds. */
function heldIds(label: AliasLabel): string {
  return `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`;
}

export async function nodesHeld(
  tx: ManagedTransaction,
  label: AliasLabel,
  ids: readonly string[],
): Promise<Set<string>> {
  const { records } = await tx.run(heldIds(label), { ids });
  return new Set(records.map((record) => record.get("id") as string));
}

/**
 * Merges `from` into `into` (both of `label`) in the caller's transaction; undefined, with nothing changed, unless the
 * graph holds both, or `from` with `createInto` (an import, which then writes the node merged into as its catalogue
 * or vocabulary says).
 */
export async function mergeNodeInto(
  tx: ManagedTransaction,
  label: AliasLabel,
  from: string,
  into: string,
  options: { createInto?: boolean; intoProperties?: Record<string, unknown> } = {},
): Promise<MergeCounts | undefined> {
  if (from === into) return undefined;
  const held = await nodesHeld(tx, label, [from, into]);
  if (!held.has(from) || (!held.has(into) && !options.createInto)) return undefined;
  if (!held.has(into)) await tx.run(ensureInto(label), { from, into, properties: options.intoProperties ?? {} });
  const dropped = (await tx.run(dropDoubled(label), { from, into })).records[0]?.get("dropped") as number;
  const moved = (await tx.run(moveRest(label), { from, into })).records[0]?.get("moved") as number;
  return { moved: Number(moved), dropped: Number(dropped) };
}
