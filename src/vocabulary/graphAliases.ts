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
import type { PendingMerge } from "../ingest/load";
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
 * entry does not take.
 */
export type PendingMergeWithLinks = PendingMerge & { label: AliasLabel; links: number; linksWithoutProvenance: number };

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
      const intoProperties = entryProperties(vocabulary, label, into);
      merges.push({
        label,
        from,
        into,
        intoHeld,
        ...(intoProperties ? { intoProperties } : {}),
        ...held.get(from)!,
      });
    }
  }
  return { ...mapped, merges };
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
      for (const { label, from, into, intoProperties } of merges) {
        const counts = await mergeNodeInto(tx, label, from, into, { createInto: true, intoProperties });
        if (counts) merged.push({ label, from, into, ...counts });
      }
      if (merged.length > 0) await advanceGraphVersionIn(tx);
      return { ...mapped, merged };
    }),
  );
}

/**
 * The properties the loader writes on a vocabulary entry's node (practiceGraph.ts's link of its label), for a node
 * merged into that no catalogue being imported names; none for a node the vocabulary does not list.
 */
function entryProperties(vocabulary: Vocabulary, label: AliasLabel, id: string): Record<string, unknown> | undefined {
  const entries: ReadonlyArray<{ id: string }> = vocabularyEntries(vocabulary, label);
  const entry = entries.find((candidate) => candidate.id === id);
  const spec = LINKS.find((link) => link.type === ALIASABLE[label].link);
  if (entry === undefined || spec === undefined) return undefined;
  const { array, schema } = ALIASABLE[label];
  const placed = label === "Cpi" ? placeCuratedCpi(entry as Vocabulary["cpis"][number]) : entry;
  // The entity as a card would carry it: the schema wants a source, which reaches the link, never the node's
  // properties read here; any source does.
  const entity = schema.parse({ ...placed, source: { field: "stakeholders", line: 1 } });
  const practice = { [array]: [entity] } as unknown as NormalizedPractice;
  return spec.read(practice)[0]?.properties;
}
