/**
 * Imports a normalized catalogue into Neo4j in ONE transaction: checks that this database can take it, reads what it
 * changes in what the database holds (diff.ts) and hands that to the caller before anything is written, refuses the
 * changes the editor has not allowed (practices left out, ids given to other practices), deletes exactly what it
 * read, then writes the catalogue (writes.ts). Re-importing a file changes nothing; a failure leaves the
 * database exactly as it was.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Graph } from "../../neo4j/graph";
import { advanceGraphVersionIn } from "../../neo4j/graphVersion";
import type { NormalizedCatalogue, NormalizedPractice } from "../catalogue";
import { LINKS } from "../practiceGraph";
import { CatalogueLoadError, checkCatalogueFits, unallowedChanges, type LoadAllowances } from "./checks";
import { readCatalogueChanges, type CatalogueChanges } from "./diff";
import { catalogueLinks, catalogueNodes, referenceLinks, referenceNodes } from "./sharedNodes";
import { GraphWriter, writeCatalogueGraph, writeEditorLinks, writeReferenceData, type WriteCounts } from "./writes";

export type LoadReport = WriteCounts & {
  practices: number;
  nodesMatched: number;
  relationshipsMatched: number;
  /** What the load changed in what the database held, as listed before writing (diff.ts). */
  changes: CatalogueChanges;
  /** SIMILAR_TO links of the deleted practices: derived, recomputed after the load, so counted apart. */
  similarityDeleted: number;
};

export type LoadOptions = {
  /**
   * Called inside the transaction, before anything is written, with what the load will change; called again should
   * the driver retry the transaction.
   */
  beforeWriting?: (changes: CatalogueChanges) => void;
  /** What the editor allows the load to do (nothing by default): see unallowedChanges. */
  allow?: LoadAllowances;
};

/** Their similarity first, apart: it is derived, and the report counts what the diff listed. */
const DELETE_SIMILARITY_OF_DROPPED = `
MATCH (p:Practice)-[s:SIMILAR_TO]-() WHERE p.id IN $practiceIds
DELETE s`;

/** Practices the new edition of the catalogue no longer lists disappear with their links (diff.ts found them). */
const DELETE_DROPPED_PRACTICES = `
MATCH (p:Practice) WHERE p.id IN $practiceIds
DETACH DELETE p`;

/**
 * Links the new file no longer states, shared nodes' links it moves and other catalogues' lineage it breaks, as diff.ts
 * found them in this transaction.
 */
const DELETE_LISTED_LINKS = `
UNWIND $elementIds AS elementId
MATCH ()-[r]->() WHERE elementId(r) = elementId
DELETE r`;

/** Node and relationship counts the catalogue describes, to tell created from matched. */
function describedSize(catalogue: NormalizedCatalogue): { nodes: number; relationships: number } {
  const shared = [...referenceNodes(), ...catalogueNodes(catalogue)];
  const sharedLinks = [...referenceLinks(), ...catalogueLinks(catalogue)];
  const perPractice = (practice: NormalizedPractice) =>
    1 + (practice.editorLinks?.length ?? 0) + LINKS.reduce((sum, spec) => sum + spec.read(practice).length, 0); // 1: LISTED_IN
  return {
    nodes: catalogue.practices.length + shared.reduce((sum, nodes) => sum + nodes.nodes.length, 0),
    relationships:
      catalogue.practices.reduce((sum, practice) => sum + perPractice(practice), 0) +
      sharedLinks.reduce((sum, links) => sum + links.links.length, 0),
  };
}

/** Loads a catalogue in one transaction of its own. */
export async function loadCatalogue(
  graph: Graph,
  catalogue: NormalizedCatalogue,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const { counts, changes, similarityDeleted } = await graph.withSession("WRITE", (session) =>
    session.executeWrite((tx) => importCatalogue(tx, catalogue, options)),
  );
  const described = describedSize(catalogue);
  return {
    ...counts,
    similarityDeleted,
    practices: catalogue.practices.length,
    nodesMatched: described.nodes - counts.nodesCreated,
    relationshipsMatched: described.relationships - counts.relationshipsCreated,
    changes,
  };
}

async function importCatalogue(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  options: LoadOptions,
): Promise<{ counts: WriteCounts; changes: CatalogueChanges; similarityDeleted: number }> {
  await checkCatalogueFits(tx, catalogue);
  const changes = await readCatalogueChanges(tx, catalogue);
  options.beforeWriting?.(changes);
  const unallowed = unallowedChanges(catalogue, changes, options.allow ?? {});
  if (unallowed.length > 0) throw new CatalogueLoadError(unallowed);

  const writer = new GraphWriter(tx);
  await writeReferenceData(writer);
  const lineageIds = changes.brokenLineage.map((link) => link.elementId);
  await writer.run(DELETE_LISTED_LINKS, {
    elementIds: [...lineageIds, ...changes.staleLinkIds, ...changes.shared.staleLinkIds],
  });
  const dropped = changes.practices.filter((practice) => practice.dropped).map((practice) => practice.id);
  const similarity = await tx.run(DELETE_SIMILARITY_OF_DROPPED, { practiceIds: dropped });
  await writer.run(DELETE_DROPPED_PRACTICES, { practiceIds: dropped });
  await writeCatalogueGraph(writer, catalogue);
  await writeEditorLinks(writer, [catalogue]);
  await advanceGraphVersionIn(tx); // commits with the import: caches keyed on the old stamp are left behind
  return {
    counts: writer.counts,
    changes,
    similarityDeleted: similarity.summary.counters.updates().relationshipsDeleted,
  };
}
