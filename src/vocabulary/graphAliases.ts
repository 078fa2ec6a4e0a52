/**
 * The aliases the graph records, `(:NodeAlias {type, from, into, mergedBy, mergedAt})`, one per merge an editor made
 * through the API (cypher/schema.cypher keeps one per type and old id), and what an import does with them and with
 * the vocabulary's former ids before it loads: maps its catalogue's entities (aliases.ts), then merges into their new
 * node the old nodes the graph still holds, so that their links (other catalogues', editors') move with their
 * provenance and the old node goes. The loader then finds the catalogue's links already where it writes them.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Graph } from "../neo4j/graph";
import type { NormalizedCatalogue, NormalizedPractice } from "../ingest/catalogue";
import { catalogueLinks, type EntryNode, type PendingMerge, type SharedLinks } from "../ingest/load";
import { placeCuratedCpi } from "../ingest/extract/curatedPlaces";
import { LINKS } from "../ingest/practiceGraph";
import type { Vocabulary } from "../reference/vocabulary";
import { advanceGraphVersionIn } from "../neo4j/graphVersion";
import {
  ALIAS_LABELS,
  ALIASABLE,
  applyAliases,
  resolveAliases,
  type AliasLabel,
  type AppliedAlias,
  type GraphAlias,
} from "./aliases";
import { vocabularyEntries } from "./files";
import { mergeNodeInto, type MergeCounts } from "./mergeNodes";

export const NODE_ALIAS_LABEL = "NodeAlias";

/** A merge as the graph records it. */
export type NodeAliasRecord = { type: AliasLabel; from: string; into: string; mergedBy: string; mergedAt: string };

function readAliases(label: AliasLabel): string {
  return `
MATCH (alias:${NODE_ALIAS_LABEL} {type: $label})
OPTIONAL MATCH (node:${label} {id: alias.into})
OPTIONAL MATCH (node)-[:IN_REGION]->(region:Region)
OPTIONAL MATCH (node)-[:PART_OF]->(organisation:${label})
RETURN alias.from AS from, alias.into AS into,
  CASE WHEN node IS NULL THEN null ELSE node {.*, region: region.nuts, partOf: organisation.id} END AS intoNode
ORDER BY from`;
}

/**
 * The new alias; an alias from the node merged into goes (that node is alive: merged back into, it is no old id any
 * more), and the aliases that led to the old node lead to the new one, never to themselves (X into Y, then Y back
 * into X: X's alias goes, Y's is recorded, no X into X).
 */
const RECORD_ALIAS = `
MERGE (alias:${NODE_ALIAS_LABEL} {type: $type, from: $from})
SET alias.into = $into, alias.mergedBy = $mergedBy, alias.mergedAt = $mergedAt
WITH alias
OPTIONAL MATCH (stale:${NODE_ALIAS_LABEL} {type: $type, from: $into})
DELETE stale
WITH DISTINCT alias
MATCH (earlier:${NODE_ALIAS_LABEL} {type: $type, into: $from})
  WHERE earlier.from <> $into
SET earlier.into = $into`;

const LIST_ALIASES = `
MATCH (alias:${NODE_ALIAS_LABEL})
RETURN alias.type AS type, alias.from AS from, alias.into AS into, alias.mergedBy AS mergedBy, alias.mergedAt AS mergedAt
ORDER BY type, from`;

/** The graph's aliases, each with the node it leads to as the database holds it (region and organisation included). */
export async function readGraphAliases(tx: Pick<ManagedTransaction, "run">): Promise<GraphAlias[]> {
  const aliases: GraphAlias[] = [];
  for (const label of ALIAS_LABELS) {
    const { records } = await tx.run(readAliases(label), { label });
    for (const record of records) {
      const intoNode = record.get("intoNode") as Record<string, unknown> | null;
      const cleaned = intoNode && Object.fromEntries(Object.entries(intoNode).filter(([, value]) => value !== null));
      aliases.push({
        label,
        from: record.get("from"),
        into: record.get("into"),
        ...(cleaned ? { intoNode: cleaned } : {}),
      });
    }
  }
  return aliases;
}

/** Every alias the graph records, for the export and for `npm run vocabulary -- merges`. */
export async function listNodeAliases(tx: Pick<ManagedTransaction, "run">): Promise<NodeAliasRecord[]> {
  const { records } = await tx.run(LIST_ALIASES);
  return records.map((record) => record.toObject() as NodeAliasRecord);
}

/** Records a merge (the API's), and points the aliases that led to the old node at the new one. */
export async function recordNodeAlias(tx: ManagedTransaction, alias: NodeAliasRecord): Promise<void> {
  await tx.run(RECORD_ALIAS, alias);
}

export type MergedOnImport = { label: AliasLabel; from: string; into: string } & MergeCounts;

/**
 * An old node the graph holds that an import merges into its new node before loading, with the links it has, and how
 * many of them are its own without provenance (its region, its organisation), which a node made from a vocabulary
 * entry does not take (it has the entry's).
 */
export type PendingMergeWithLinks = PendingMerge & { label: AliasLabel; links: number; linksWithoutProvenance: number };

/**
 * What mergeNodes.ts will count for a merge whose node merged into it makes (none of the old node's links is a double
 * then, but for a link the entry gives that node to the old one); undefined when that node is held, the doubles
 * being those it has.
 */
export function predictedCounts(merge: PendingMergeWithLinks): MergeCounts | undefined {
  if (merge.intoHeld) return undefined;
  if (merge.intoEntry === undefined) return { moved: merge.links, doubled: 0, ownDropped: 0 };
  const toOld = merge.intoEntry.links
    .filter((links) => links.to.label === merge.label)
    .flatMap((links) => links.links)
    .filter((link) => link.to === merge.from).length;
  const ownDropped = merge.linksWithoutProvenance;
  return { moved: merge.links - ownDropped, doubled: toOld, ownDropped };
}

export type AliasesBeforeLoad = {
  catalogue: NormalizedCatalogue;
  applied: AppliedAlias[];
  /** Graph aliases left out (aliases.ts, resolveAliases). */
  warnings: string[];
  merges: PendingMergeWithLinks[];
};

/** The nodes of a label among these ids that the graph holds, with how many links each has (PendingMergeWithLinks). */
function heldWithLinks(label: AliasLabel): string {
  return `UNWIND $ids AS id MATCH (n:${label} {id: id})
RETURN n.id AS id, COUNT { (n)--() } AS links, COUNT { (n)-[r]->() WHERE r.field IS NULL } AS withoutProvenance`;
}

/**
 * What an import does before it loads, read only (in the caller's transaction, which a dry run opens read-only): the
 * catalogue mapped through the vocabulary's former ids and the graph's aliases, and the old nodes the graph still
 * holds that it then merges into their new node, in the order it merges them.
 */
export async function readAliasesBeforeLoad(
  tx: Pick<ManagedTransaction, "run">,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
): Promise<AliasesBeforeLoad> {
  const aliases = await readGraphAliases(tx);
  const mapped = applyAliases(catalogue, vocabulary, aliases);
  const merges: PendingMergeWithLinks[] = [];
  for (const [label, targets] of resolveAliases(vocabulary, aliases).targets) {
    if (targets.size === 0) continue;
    const ids = [...new Set([...targets.keys(), ...targets.values()])];
    const { records } = await tx.run(heldWithLinks(label), { ids });
    const held = new Map(
      records.map((record) => [
        record.get("id") as string,
        { links: record.get("links") as number, linksWithoutProvenance: record.get("withoutProvenance") as number },
      ]),
    );
    for (const from of [...targets.keys()].filter((id) => held.has(id)).sort()) {
      const into = targets.get(from)!;
      const intoHeld = held.has(into) || merges.some((merge) => merge.label === label && merge.into === into);
      const entry = intoHeld ? undefined : entryNode(vocabulary, label, into);
      const intoEntry = entry && { ...entry, links: await linksToHeld(tx, entry.links, merges) };
      merges.push({ label, from, into, intoHeld, ...(intoEntry ? { intoEntry } : {}), ...held.get(from)! });
    }
  }
  return { ...mapped, merges };
}

/** Whether `key` of `label` is in the graph once the merges before are made: held and not merged away, or made. */
function existsThen(label: string, key: string, held: boolean, before: readonly PendingMerge[]): boolean {
  const of = before.filter((merge) => merge.label === label);
  return of.some((merge) => merge.into === key) || (held && !of.some((merge) => merge.from === key));
}

/**
 * The entry's links whose far node the graph has when the merge makes the node (after the merges before it), as the
 * loader's statement, which MATCHes both ends, writes only those.
 */
async function linksToHeld(
  tx: Pick<ManagedTransaction, "run">,
  entryLinks: readonly SharedLinks[],
  before: readonly PendingMerge[],
): Promise<SharedLinks[]> {
  const kept: SharedLinks[] = [];
  for (const links of entryLinks) {
    const { label, key } = links.to;
    const keys = links.links.map((link) => link.to);
    // The label and key come from the graph model (sharedNodes.ts), never from input.
    const { records } = await tx.run(`UNWIND $keys AS key MATCH (n:${label} {${key}: key}) RETURN key`, { keys });
    const held = new Set(records.map((record) => record.get("key") as string));
    const written = links.links.filter((link) => existsThen(label, link.to, held.has(link.to), before));
    if (written.length > 0) kept.push({ ...links, links: written });
  }
  return kept;
}

/**
 * Before an import loads: maps the catalogue's entities through the vocabulary's former ids and the graph's aliases,
 * and merges into their new node, in one transaction, the old nodes the graph still holds. A merge advances the
 * graph's version stamp in that transaction (the response caches of running servers must not serve the old node);
 * the caller recomputes similarity after it even when the load then refuses the catalogue (the reasons of
 * SIMILAR_TO name the nodes shared). `warnings`: graph aliases left out (aliases.ts, resolveAliases).
 */
export async function applyAliasesBeforeLoad(
  graph: Graph,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
): Promise<{ catalogue: NormalizedCatalogue; applied: AppliedAlias[]; merged: MergedOnImport[]; warnings: string[] }> {
  return graph.withSession("WRITE", (session) =>
    session.executeWrite(async (tx) => {
      const { merges, ...mapped } = await readAliasesBeforeLoad(tx, catalogue, vocabulary);
      const merged: MergedOnImport[] = [];
      for (const { label, from, into, intoEntry } of merges) {
        const counts = await mergeNodeInto(tx, label, from, into, { createInto: true, intoEntry });
        if (counts) merged.push({ label, from, into, ...counts });
      }
      if (merged.length > 0) await advanceGraphVersionIn(tx);
      return { ...mapped, merged };
    }),
  );
}

/** A practice's entity arrays, empty, for a practice that names one entry. */
const NO_ENTITIES = { stakeholders: [], targets: [], funding: [], cpis: [], laws: [], tools: [] };

/**
 * A vocabulary entry's node as the loader writes it, for a node merged into that no catalogue being imported may
 * name: the properties (practiceGraph.ts's link of its label) and the links to its region and organisation
 * (sharedNodes.ts catalogueLinks), read from a practice naming the entry alone; none for a node the vocabulary does
 * not list.
 */
function entryNode(vocabulary: Vocabulary, label: AliasLabel, id: string): EntryNode | undefined {
  const entries: ReadonlyArray<{ id: string }> = vocabularyEntries(vocabulary, label);
  const entry = entries.find((candidate) => candidate.id === id);
  const spec = LINKS.find((link) => link.type === ALIASABLE[label].link);
  if (entry === undefined || spec === undefined) return undefined;
  const { array, schema } = ALIASABLE[label];
  const placed = label === "Cpi" ? placeCuratedCpi(entry as Vocabulary["cpis"][number]) : entry;
  // The entity as a card would carry it: the schema wants a source, which reaches the link, never the node's
  // properties or links read here; any source does.
  const entity = schema.parse({ ...placed, source: { field: "stakeholders", line: 1 } });
  const practice = { ...NO_ENTITIES, [array]: [entity] } as unknown as NormalizedPractice;
  const properties = spec.read(practice)[0]?.properties;
  if (properties === undefined) return undefined;
  const catalogue = { practices: [practice] } as unknown as NormalizedCatalogue;
  const links = catalogueLinks(catalogue).filter((shared) => shared.from.label === label && shared.links.length > 0);
  return { properties, links };
}
