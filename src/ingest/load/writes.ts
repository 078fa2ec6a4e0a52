/**
 * The statements that write catalogues into the graph, MERGE-ing on its keys so that writing a catalogue again
 * changes nothing: the reference data (regions, LEP codes), a catalogue with its practices, the nodes they share
 * (sharedNodes.ts) and the links, and the links editors added. The import (catalogue.ts) runs them after its checks and its diff; the restore
 * (src/backup/restore.ts) runs them into an empty database with what an export holds.
 */
import type { ManagedTransaction, QueryResult } from "neo4j-driver";
import type { NormalizedCatalogue } from "../catalogue";
import { cardFieldEnum, LINKS, practiceProperties, type LinkSpec } from "../practiceGraph";
import {
  catalogueLinks,
  catalogueNodes,
  referenceLinks,
  referenceNodes,
  type SharedLinks,
  type SharedNodes,
} from "./sharedNodes";

export type WriteCounts = {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
};

/** Runs statements in one transaction and adds up what they wrote. */
export class GraphWriter {
  readonly counts: WriteCounts = {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };

  constructor(private readonly tx: ManagedTransaction) {}

  async run(cypher: string, parameters: Record<string, unknown> = {}): Promise<QueryResult> {
    const result = await this.tx.run(cypher, parameters);
    const updates = result.summary.counters.updates();
    this.counts.nodesCreated += updates.nodesCreated;
    this.counts.nodesDeleted += updates.nodesDeleted;
    this.counts.relationshipsCreated += updates.relationshipsCreated;
    this.counts.relationshipsDeleted += updates.relationshipsDeleted;
    this.counts.propertiesSet += updates.propertiesSet;
    return result;
  }
}

const MERGE_PRACTICES = `
MATCH (c:Catalog {id: $catalogId})
UNWIND $practices AS practice
MERGE (p:Practice {id: practice.id})
SET p += practice.properties
MERGE (p)-[:LISTED_IN]->(c)`;

function mergeSharedNodes({ label, key }: SharedNodes): string {
  // Labels, types and keys come from the graph model (src/graph, through sharedNodes.ts and LINKS), never from input.
  return `
UNWIND $nodes AS node
MERGE (n:${label} {${key}: node.key})
SET n += node.properties`;
}

/** Also the link a merge writes on the node it makes from a vocabulary entry (src/vocabulary/mergeNodes.ts). */
export function mergeSharedLinks({ type, from, to }: SharedLinks): string {
  return `
UNWIND $links AS link
MATCH (a:${from.label} {${from.key}: link.from}), (b:${to.label} {${to.key}: link.to})
MERGE (a)-[:${type}]->(b)`;
}

/**
 * A card's link is found again by its line being set: a MERGE on the pattern alone would take an editor's parallel
 * link (no line) for it, turning the editor's link into the card's.
 */
function mergeCardLinks(spec: LinkSpec): string {
  return `
UNWIND $links AS link
MATCH (p:Practice {id: link.practice}), (n:${spec.label} {${spec.key}: link.key})
OPTIONAL MATCH (p)-[stated:${spec.type}]->(n) WHERE stated.line IS NOT NULL
WITH p, n, link, collect(stated) AS stated
FOREACH (r IN stated | SET r.field = link.field, r.line = link.line, r += link.properties)
FOREACH (_ IN CASE WHEN size(stated) = 0 THEN [1] ELSE [] END |
  CREATE (p)-[r:${spec.type}]->(n) SET r.field = link.field, r.line = link.line, r += link.properties)`;
}

/**
 * No line: the provenance of a link an editor added (@neo4j/graphql writes the field alone). The API's connect
 * CREATEs a relationship even beside a card's link to the same node, or beside another editor's: each is written as
 * often as the catalogue lists it, less the editors' links of that field the practice already has, so that writing
 * again adds nothing and a card's link is never taken for an editor's.
 */
function createEditorLinks(spec: LinkSpec): string {
  return `
UNWIND $links AS link
MATCH (p:Practice {id: link.practice}), (n:${spec.label} {${spec.key}: link.to})
WITH p, n, link, COUNT { (p)-[r:${spec.type}]->(n) WHERE r.line IS NULL AND r.field = link.field } AS held
UNWIND range(1, link.count - held) AS _
CREATE (p)-[:${spec.type} {field: link.field}]->(n)`;
}

/** The regions of seed/regions.json and the LEP codes of seed/leps.json, which every import writes. */
export async function writeReferenceData(writer: GraphWriter): Promise<void> {
  for (const nodes of referenceNodes()) await writer.run(mergeSharedNodes(nodes), { nodes: nodes.nodes });
  for (const links of referenceLinks()) await writer.run(mergeSharedLinks(links), { links: links.links });
}

/**
 * The catalogue node and the vocabulary nodes its practices link to (sharedNodes.ts), its practices, and the links a
 * card states (with their source line).
 */
export async function writeCatalogueGraph(writer: GraphWriter, catalogue: NormalizedCatalogue): Promise<void> {
  for (const nodes of catalogueNodes(catalogue)) await writer.run(mergeSharedNodes(nodes), { nodes: nodes.nodes });
  await writer.run(MERGE_PRACTICES, {
    catalogId: catalogue.catalog.id,
    practices: catalogue.practices.map((practice) => ({ id: practice.id, properties: practiceProperties(practice) })),
  });
  for (const spec of LINKS) {
    const links = catalogue.practices.flatMap((practice) =>
      spec.read(practice).map((link) => ({ practice: practice.id, ...link })),
    );
    await writer.run(mergeCardLinks(spec), {
      links: links.map((link) => ({
        practice: link.practice,
        key: link.key,
        field: cardFieldEnum(link.source.field),
        line: link.source.line,
        properties: link.linkProperties ?? {},
      })),
    });
  }
  for (const links of catalogueLinks(catalogue)) await writer.run(mergeSharedLinks(links), { links: links.links });
}

/**
 * The links editors added, which catalogues exported from the database carry, written in one pass once every
 * catalogue is: an editor may link a practice to one of a later catalogue. The nodes they lead to must be there (the
 * callers check it first: a link to a missing node would be left out in silence).
 */
export async function writeEditorLinks(writer: GraphWriter, catalogues: readonly NormalizedCatalogue[]): Promise<void> {
  for (const spec of LINKS) {
    const counted = new Map<string, { practice: string; to: string; field: string; count: number }>();
    for (const practice of catalogues.flatMap((catalogue) => catalogue.practices)) {
      for (const link of (practice.editorLinks ?? []).filter((candidate) => candidate.type === spec.type)) {
        const field = cardFieldEnum(link.field);
        const key = JSON.stringify([practice.id, link.to, field]);
        const entry = counted.get(key) ?? { practice: practice.id, to: link.to, field, count: 0 };
        entry.count += 1;
        counted.set(key, entry);
      }
    }
    if (counted.size > 0) await writer.run(createEditorLinks(spec), { links: [...counted.values()] });
  }
}
