/**
 * Restores an export into an empty database, in one transaction (a failure leaves the database empty): the
 * vocabulary first, as the database held it, since editors' links may lead to nodes no catalogue describes; then
 * every catalogue, oldest edition first, through the loader itself, without the loader's reference data (the
 * regions and LEP codes of seed/): the export's own are the ones the database held.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { NormalizedCatalogue } from "../ingest/catalogue";
import { writeCatalogue } from "../ingest/load";
import { VOCABULARY_LINKS, VOCABULARY_NODES, type VocabularySnapshot } from "./exportFormat";

/** The export cannot be restored here; nothing was written. */
export class RestoreError extends Error {
  override name = "RestoreError";
}

export type RestoreReport = { catalogues: number; practices: number; nodesCreated: number; relationshipsCreated: number };

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

export async function restoreExport(
  driver: Driver,
  backup: { vocabulary: VocabularySnapshot; catalogues: NormalizedCatalogue[] },
  database?: string,
): Promise<RestoreReport> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const held = (await tx.run("MATCH (n) RETURN count(n) AS nodes")).records[0]!.get("nodes") as number;
      if (held > 0) {
        throw new RestoreError(`the database holds ${held} node(s): a restore writes into an empty database only, so that the result is the exported graph`);
      }
      const report: RestoreReport = { catalogues: backup.catalogues.length, practices: 0, nodesCreated: 0, relationshipsCreated: 0 };
      await writeVocabulary(tx, backup.vocabulary, report);
      for (const catalogue of backup.catalogues) {
        const { counts } = await writeCatalogue(tx, catalogue, { referenceData: false });
        report.practices += catalogue.practices.length;
        report.nodesCreated += counts.nodesCreated;
        report.relationshipsCreated += counts.relationshipsCreated;
      }
      return report;
    });
  } finally {
    await session.close();
  }
}

async function writeVocabulary(tx: ManagedTransaction, vocabulary: VocabularySnapshot, report: RestoreReport): Promise<void> {
  for (const spec of VOCABULARY_NODES) {
    const result = await tx.run(createNodes(spec.label), { entries: vocabulary[spec.array] });
    report.nodesCreated += result.summary.counters.updates().nodesCreated;
  }
  for (const link of VOCABULARY_LINKS) {
    const pairs = vocabulary[link.array].map((row) => ({ from: row[link.fromKey as keyof typeof row], to: row[link.toKey as keyof typeof row] }));
    const created = (await tx.run(createLinks(link), { pairs })).summary.counters.updates().relationshipsCreated;
    if (created !== pairs.length) {
      throw new RestoreError(`vocabulary.json: ${pairs.length - created} of its ${link.array} name a node it does not list`);
    }
    report.relationshipsCreated += created;
  }
}
