/**
 * The aliases the graph records, `(:NodeAlias {type, from, into, mergedBy, mergedAt})`, one per merge an editor made
 * through the API (cypher/schema.cypher keeps one per type and old id), and what an import does with them and with
 * the vocabulary's former ids before it loads: maps its catalogue's entities (aliases.ts), then merges into their new
 * node the old nodes the graph still holds, so that their links (other catalogues', editors') move with their
 * provenance and the old node goes. The loader then finds the catalogue's links already where it writes them.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { NormalizedCatalogue, NormalizedPractice } from "../ingest/catalogue";
import { placeCuratedCpi } from "../ingest/extract/curatedPlaces";
import { LINKS } from "../ingest/practiceGraph";
import type { Vocabulary } from "../reference/vocabulary";
import {
  ALIAS_LABELS,
  ALIASABLE,
  aliasTargets,
  applyAliases,
  type AliasLabel,
  type AppliedAlias,
  type GraphAlias,
} from "./aliases";
import { mergeNodeInto, nodesHeld, type MergeCounts } from "./mergeNodes";

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

const RECORD_ALIAS = `
MERGE (alias:${NODE_ALIAS_LABEL} {type: $type, from: $from})
SET alias.into = $into, alias.mergedBy = $mergedBy, alias.mergedAt = $mergedAt
WITH alias
MATCH (earlier:${NODE_ALIAS_LABEL} {type: $type, into: $from})
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
 * Before an import loads: maps the catalogue's entities through the vocabulary's former ids and the graph's aliases,
 * and merges into their new node, in one transaction, the old nodes the graph still holds.
 */
export async function applyAliasesBeforeLoad(
  driver: Driver,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
  database?: string,
): Promise<{ catalogue: NormalizedCatalogue; applied: AppliedAlias[]; merged: MergedOnImport[] }> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const graph = await readGraphAliases(tx);
      const mapped = applyAliases(catalogue, vocabulary, graph);
      const merged: MergedOnImport[] = [];
      for (const [label, targets] of aliasTargets(vocabulary, graph)) {
        if (targets.size === 0) continue;
        for (const from of [...(await nodesHeld(tx, label, [...targets.keys()]))].sort()) {
          const into = targets.get(from)!;
          const intoProperties = entryProperties(vocabulary, label, into);
          const counts = await mergeNodeInto(tx, label, from, into, { createInto: true, intoProperties });
          if (counts) merged.push({ label, from, into, ...counts });
        }
      }
      return { ...mapped, merged };
    });
  } finally {
    await session.close();
  }
}

/**
 * The properties the loader writes on a vocabulary entry's node (practiceGraph.ts's link of its label), for a node
 * merged into that no catalogue being imported names; none for a node the vocabulary does not list.
 */
function entryProperties(vocabulary: Vocabulary, label: AliasLabel, id: string): Record<string, unknown> | undefined {
  const entries: Record<AliasLabel, ReadonlyArray<{ id: string }>> = {
    Stakeholder: vocabulary.stakeholders,
    TargetGroup: vocabulary.targets,
    FundingSource: vocabulary.funding,
    Cpi: vocabulary.cpis,
    Law: vocabulary.laws,
    Tool: vocabulary.tools,
  };
  const entry = entries[label].find((candidate) => candidate.id === id);
  const spec = LINKS.find((link) => link.type === ALIASABLE[label].link);
  if (entry === undefined || spec === undefined) return undefined;
  const { array, schema } = ALIASABLE[label];
  const placed = label === "Cpi" ? placeCuratedCpi(entry as Vocabulary["cpis"][number]) : entry;
  const entity = schema.parse({ ...placed, source: { field: "stakeholders", line: 1 } });
  const practice = { [array]: [entity] } as unknown as NormalizedPractice;
  return spec.read(practice)[0]?.properties;
}
