/**
 * Merging one node of the graph into another of its type: every relationship of the old node moves onto the other,
 * with its properties (a card link keeps its field and line, an editor's link its field), and the old node is
 * deleted. What the node merged into already has is not doubled: a card's link of the same type from the same
 * practice, an editor's link (a field, no line) of the same type from a practice that links it already, a link
 * without provenance of the same type (a branch's PART_OF), its own region or organisation. A link between the two
 * nodes (a branch merged into its organisation) goes. Used by the API's mergeNodes (editorMerge.ts) and by an import
 * that meets an alias whose old node is still in the graph (graphAliases.ts).
 */
import type { ManagedTransaction } from "neo4j-driver";
import { mergeSharedLinks, type EntryNode } from "../ingest/load";
import type { AliasLabel } from "./aliases";

/**
 * The old node's links: `moved` onto the node merged into, `doubled` dropped as that node had them already (or as
 * links between the two), `ownDropped` its own without provenance (region, organisation) dropped when the node merged
 * into is made from its vocabulary entry, which brings the entry's.
 */
export type MergeCounts = { moved: number; doubled: number; ownDropped: number };

/** Labels come from ALIASABLE (constants), never from a request: only ids are parameters. */
function dropDoubled(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from}), (into:${label} {id: $into})
OPTIONAL MATCH (a)-[r]->(from)
  WHERE a = into
    OR (r.line IS NOT NULL AND EXISTS { MATCH (a)-[s]->(into) WHERE type(s) = type(r) AND s.line IS NOT NULL })
    OR (r.field IS NULL AND EXISTS { MATCH (a)-[s]->(into) WHERE type(s) = type(r) })
    OR (r.field IS NOT NULL AND r.line IS NULL
      AND EXISTS { MATCH (a)-[s]->(into) WHERE type(s) = type(r) AND s.field IS NOT NULL })
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
 * The node merged into, when the graph lacks it: made from the old one (a provisional node merged into another the
 * graph has lost), its properties and links moving with it.
 */
function intoFromOld(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from})
MERGE (into:${label} {id: $into})
ON CREATE SET into = from {.*, id: $into}`;
}

/**
 * The node merged into, when the graph lacks it and a vocabulary entry describes it: the entry's properties as the
 * loader writes them, nothing of the old node's; the old node's links without provenance (its region, its
 * organisation) are its own and go with it, the entry's being written beside (mergeNodeInto), as an import that does
 * not name the entry would write none.
 */
function intoFromEntry(label: AliasLabel): string {
  return `
MATCH (from:${label} {id: $from})
MERGE (into:${label} {id: $into})
ON CREATE SET into = $properties, into.id = $into
WITH from
OPTIONAL MATCH (from)-[r]->()
  WHERE r.field IS NULL
DELETE r
RETURN count(r) AS dropped`;
}

/** The nodes of a label among these ids that the graph holds. */
function heldIds(label: AliasLabel): string {
  return `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`;
}

async function nodesHeld(tx: ManagedTransaction, label: AliasLabel, ids: readonly string[]): Promise<Set<string>> {
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
  options: {
    createInto?: boolean;
    /**
     * The vocabulary entry of the node created: then nothing of the old node's is copied, and the entry's links are
     * written with the loader's statement (a region or organisation the graph lacks gets none, as in a load).
     */
    intoEntry?: EntryNode;
  } = {},
): Promise<MergeCounts | undefined> {
  if (from === into) return undefined;
  const held = await nodesHeld(tx, label, [from, into]);
  if (!held.has(from) || (!held.has(into) && !options.createInto)) return undefined;
  let ownDropped = 0;
  if (!held.has(into)) {
    const entry = options.intoEntry;
    if (entry) {
      const made = await tx.run(intoFromEntry(label), { from, into, properties: entry.properties });
      ownDropped = Number(made.records[0]?.get("dropped") ?? 0);
      for (const links of entry.links) await tx.run(mergeSharedLinks(links), { links: links.links });
    } else await tx.run(intoFromOld(label), { from, into });
  }
  const doubled = (await tx.run(dropDoubled(label), { from, into })).records[0]?.get("dropped") as unknown;
  const moved = (await tx.run(moveRest(label), { from, into })).records[0]?.get("moved") as unknown;
  if (doubled === undefined || moved === undefined) {
    throw new Error(`merging ${label} "${from}" into "${into}" matched no node: both were there a statement earlier`);
  }
  return { moved: Number(moved), doubled: Number(doubled), ownDropped };
}
