/**
 * Restores an export into an empty database, in one transaction (a failure leaves the database empty): the
 * vocabulary first, as the database held it, since editors' links may lead to nodes no catalogue describes; then
 * every catalogue, oldest edition first, with the loader's own statements (src/ingest/load/writes.ts) but none of an import's
 * checks against the database, which holds nothing; last, in one pass, the links editors added, which may lead to a
 * practice of a later catalogue. restoreChecks.ts has checked, in the files, that every link leads to a node they hold;
 * before committing, what was written is counted against manifest.json's counts of what the database held.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { GraphWriter, writeCatalogueGraph, writeEditorLinks } from "../ingest/load";
import type { Graph } from "../neo4j/graph";
import { advanceGraphVersionIn, GRAPH_VERSION_LABEL } from "../neo4j/graphVersion";
import type { ExportContents } from "./exportDirectory";
import { VOCABULARY_LINKS, VOCABULARY_NODES, type VocabularySnapshot } from "./exportFormat";
import { MANIFEST_FILE, type Manifest } from "./manifest";

/** The export cannot be restored here; nothing was written. */
export class RestoreError extends Error {
  override name = "RestoreError";
}

export type RestoreReport = {
  catalogues: number;
  practices: number;
  nodesCreated: number;
  relationshipsCreated: number;
};

const KEY_OF_LABEL = new Map(VOCABULARY_NODES.map((spec) => [spec.label, spec.key]));

function createNodes(label: string): string {
  // Labels, types and keys come from exportFormat.ts (constants), never from the files.
  return `
UNWIND $entries AS entry
CREATE (n:${label})
SET n = entry`;
}

function createLinks(link: (typeof VOCABULARY_LINKS)[number]): string {
  return `
UNWIND $pairs AS pair
MATCH (a:${link.from} {${KEY_OF_LABEL.get(link.from)}: pair.from}), (b:${link.to} {${KEY_OF_LABEL.get(link.to)}: pair.to})
CREATE (a)-[:${link.type}]->(b)`;
}

export async function restoreExport(graph: Graph, backup: ExportContents): Promise<RestoreReport> {
  return graph.withSession("WRITE", (session) =>
    session.executeWrite(async (tx) => {
      const held = (
        await tx.run(`MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL} RETURN count(n) AS nodes`)
      ).records[0]!.get("nodes") as number;
      if (held > 0) {
        throw new RestoreError(
          `the database holds ${held} node(s): a restore writes into an empty database only, so that the result is the exported graph`,
        );
      }
      const writer = new GraphWriter(tx);
      await writeVocabulary(writer, backup.vocabulary);
      const catalogues = backup.catalogues.map(({ catalogue }) => catalogue);
      for (const catalogue of catalogues) await writeCatalogueGraph(writer, catalogue);
      await writeEditorLinks(writer, catalogues);
      await checkWhatWasWritten(tx, backup.manifest);
      await advanceGraphVersionIn(tx);
      return {
        catalogues: catalogues.length,
        practices: catalogues.reduce((sum, catalogue) => sum + catalogue.practices.length, 0),
        nodesCreated: writer.counts.nodesCreated,
        relationshipsCreated: writer.counts.relationshipsCreated,
      };
    }),
  );
}

/** All the database holds, inside the restore's transaction: what it wrote (similarity comes after the commit). */
const WRITTEN = `
CALL { MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL} RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

async function checkWhatWasWritten(tx: ManagedTransaction, manifest: Manifest): Promise<void> {
  const record = (await tx.run(WRITTEN)).records[0]!;
  const [nodes, relationships] = [record.get("nodes") as number, record.get("relationships") as number];
  if (nodes === manifest.database.nodes && relationships === manifest.database.relationships) return;
  throw new RestoreError(
    `the restore wrote ${nodes} node(s) and ${relationships} relationship(s), but ${MANIFEST_FILE} says the database held ` +
      `${manifest.database.nodes} and ${manifest.database.relationships}: nothing was written`,
  );
}

async function writeVocabulary(writer: GraphWriter, vocabulary: VocabularySnapshot): Promise<void> {
  for (const spec of VOCABULARY_NODES) await writer.run(createNodes(spec.label), { entries: vocabulary[spec.array] });
  for (const link of VOCABULARY_LINKS) {
    const pairs = vocabulary[link.array].map((row) => ({
      from: row[link.fromKey as keyof typeof row],
      to: row[link.toKey as keyof typeof row],
    }));
    await writer.run(createLinks(link), { pairs });
  }
}
