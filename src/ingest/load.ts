/**
 * Writes a normalized catalogue into Neo4j in ONE transaction, MERGE-ing on the keys of the graph model,
 * so that re-importing a file changes nothing and a failure leaves the database exactly as it was.
 * Re-importing an edited catalogue also removes what the new file no longer says (links, practices): first read
 * in the same transaction (diff.ts), handed to the caller before anything is written, then deleted as read.
 */
import type { Driver, ManagedTransaction, QueryResult } from "neo4j-driver";
import type { NormalizedCatalogue } from "./catalogue";
import { readCatalogueChanges, type CatalogueChanges, type PracticeChange } from "./diff";
import { LEPS } from "./lep";
import { CatalogueLoadError, checkCatalogueFits, DELETE_LINEAGE } from "./loadChecks";
import { cardFieldEnum, LINKS, practiceProperties, type LinkSpec } from "./practiceGraph";
import { REGIONS } from "./regions";

/** Where tests/graphql/schema.test.ts checks the stored CardField values against the schema's enum. */

export type LoadCounts = {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
};

export type LoadReport = LoadCounts & {
  practices: number;
  nodesMatched: number;
  relationshipsMatched: number;
  /** What the practices the database held lost or had rewritten (see diff.ts). */
  changes: PracticeChange[];
  /** Lineage links from other catalogues that this edition broke, and so removed (see findBrokenLineage). */
  lineageRemoved: string[];
};

export type WriteOptions = {
  /**
   * Called inside the transaction, before anything is written, with what the load will take away; called again
   * should the driver retry the transaction.
   */
  beforeWriting?: (changes: CatalogueChanges) => void;
  /**
   * Whether to write the regions and LEP codes of seed/regions.json and seed/leps.json (default). A restore writes
   * them from the backup instead, as the database held them.
   */
  referenceData?: boolean;
};

const MERGE_REGIONS = `
UNWIND $regions AS region
MERGE (r:Region {nuts: region.nuts})
SET r.name = region.name, r.istat = region.istat`;

const MERGE_LEPS = `
UNWIND $leps AS lep
MERGE (l:Lep {code: lep.code})
SET l.name = lep.name, l.nameEn = lep.nameEn, l.group = lep.group
WITH l, lep WHERE lep.parent IS NOT NULL
MERGE (parent:Lep {code: lep.parent})
MERGE (l)-[:PART_OF]->(parent)`;

const MERGE_CATALOG = `
MERGE (c:Catalog {id: $catalog.id})
SET c.title = $catalog.title, c.publisher = $catalog.publisher, c.year = $catalog.year,
    c.asOf = $catalog.asOf, c.source = $catalog.source`;

/** Practices the new edition of the catalogue no longer lists disappear with their links (diff.ts found them). */
const DELETE_DROPPED_PRACTICES = `
MATCH (p:Practice) WHERE p.id IN $practiceIds
DETACH DELETE p`;

/** Links the new file no longer states, as diff.ts found them in this transaction. */
const DELETE_STALE_LINKS = `
UNWIND $elementIds AS elementId
MATCH ()-[r]->() WHERE elementId(r) = elementId
DELETE r`;

const MERGE_PRACTICES = `
MATCH (c:Catalog {id: $catalogId})
UNWIND $practices AS practice
MERGE (p:Practice {id: practice.id})
SET p += practice.properties
MERGE (p)-[:LISTED_IN]->(c)`;

/** CPIs belong to a region (from the vocabulary, not the card). */
const MERGE_CPI_REGIONS = `
UNWIND $cpis AS cpi
MATCH (c:Cpi {id: cpi.id}), (r:Region {nuts: cpi.region})
MERGE (c)-[:IN_REGION]->(r)`;

function mergeTargets(spec: LinkSpec): string {
  // Labels, types and keys come from LINKS (constants), never from input.
  return `
UNWIND $targets AS target
MERGE (n:${spec.label} {${spec.key}: target.key})
SET n += target.properties`;
}

function mergeLinks(spec: LinkSpec): string {
  return `
UNWIND $links AS link
MATCH (p:Practice {id: link.practice}), (n:${spec.label} {${spec.key}: link.key})
MERGE (p)-[r:${spec.type}]->(n)
SET r.field = link.field, r.line = link.line, r += link.properties`;
}

/** The target must already be there: an editor's link leads to a node the catalogue itself may not describe. */
function missingEditorLinkTargets(spec: LinkSpec): string {
  return `
UNWIND $links AS link
WITH link WHERE NOT EXISTS { MATCH (:${spec.label} {${spec.key}: link.to}) }
RETURN link.practice AS practice, link.to AS to`;
}

/** No line: the provenance of a link an editor added (@neo4j/graphql writes the field alone). */
function mergeEditorLinks(spec: LinkSpec): string {
  return `
UNWIND $links AS link
MATCH (p:Practice {id: link.practice}), (n:${spec.label} {${spec.key}: link.to})
MERGE (p)-[r:${spec.type}]->(n)
ON CREATE SET r.field = link.field`;
}

async function run(tx: ManagedTransaction, counts: LoadCounts, cypher: string, parameters: Record<string, unknown>): Promise<QueryResult> {
  const result = await tx.run(cypher, parameters);
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.nodesDeleted += updates.nodesDeleted;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.relationshipsDeleted += updates.relationshipsDeleted;
  counts.propertiesSet += updates.propertiesSet;
  return result;
}

/** Node and relationship counts the catalogue describes, to tell created from matched. */
function describedSize(catalogue: NormalizedCatalogue): { nodes: number; relationships: number } {
  const nodes = new Set<string>(["Catalog"]);
  let relationships = 0;
  for (const region of REGIONS) nodes.add(`Region:${region.nuts}`);
  for (const lep of LEPS) {
    nodes.add(`Lep:${lep.code}`);
    if (lep.parent) relationships++;
  }
  const cpis = new Set<string>();
  for (const practice of catalogue.practices) {
    nodes.add(`Practice:${practice.id}`);
    relationships += 1 + (practice.editorLinks?.length ?? 0); // LISTED_IN, and the links editors added
    for (const spec of LINKS) {
      for (const link of spec.read(practice)) {
        nodes.add(`${spec.label}:${link.key}`);
        if (spec.label === "Cpi") cpis.add(link.key);
        relationships++;
      }
    }
  }
  return { nodes: nodes.size, relationships: relationships + cpis.size };
}

/** Loads a catalogue in one transaction of its own; see writeCatalogue. */
export async function loadCatalogue(
  driver: Driver,
  catalogue: NormalizedCatalogue,
  database?: string,
  options: WriteOptions = {},
): Promise<LoadReport> {
  const session = driver.session({ database });
  try {
    const { counts, changes } = await session.executeWrite((tx) => writeCatalogue(tx, catalogue, options));
    const described = describedSize(catalogue);
    return {
      ...counts,
      practices: catalogue.practices.length,
      nodesMatched: described.nodes - counts.nodesCreated,
      relationshipsMatched: described.relationships - counts.relationshipsCreated,
      changes: changes.practices,
      lineageRemoved: changes.brokenLineage.map((link) => link.message),
    };
  } finally {
    await session.close();
  }
}

/**
 * Writes a catalogue inside the caller's transaction: checks that this database can take it (CatalogueLoadError
 * otherwise), reads what it takes away, then writes. Returns the counters of what it wrote and what it took away.
 */
export async function writeCatalogue(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  options: WriteOptions = {},
): Promise<{ counts: LoadCounts; changes: CatalogueChanges }> {
  const counts: LoadCounts = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
  const write = (cypher: string, parameters: Record<string, unknown>) => run(tx, counts, cypher, parameters);
  const catalogId = catalogue.catalog.id;

  await checkCatalogueFits(tx, catalogue);
  const changes = await readCatalogueChanges(tx, catalogue);
  options.beforeWriting?.(changes);

  if (options.referenceData ?? true) {
    await write(MERGE_REGIONS, { regions: REGIONS.map(({ nuts, name, istat }) => ({ nuts, name, istat })) });
    await write(MERGE_LEPS, { leps: LEPS.map((lep) => ({ ...lep, parent: lep.parent ?? null })) });
  }
  await write(MERGE_CATALOG, { catalog: catalogue.catalog });
  if (changes.brokenLineage.length > 0) {
    await write(DELETE_LINEAGE, { links: changes.brokenLineage.map(({ from, to }) => ({ from, to })) });
  }
  await write(DELETE_STALE_LINKS, { elementIds: changes.staleLinkIds });
  const dropped = changes.practices.filter((practice) => practice.dropped).map((practice) => practice.id);
  await write(DELETE_DROPPED_PRACTICES, { practiceIds: dropped });
  await write(MERGE_PRACTICES, {
    catalogId,
    practices: catalogue.practices.map((practice) => ({ id: practice.id, properties: practiceProperties(practice) })),
  });
  for (const spec of LINKS) {
    const links = catalogue.practices.flatMap((practice) => spec.read(practice).map((link) => ({ practice: practice.id, ...link })));
    if (spec.entities) {
      const targets = new Map(links.map((link) => [link.key, { key: link.key, properties: link.properties }]));
      await write(mergeTargets(spec), { targets: [...targets.values()] });
    }
    await write(mergeLinks(spec), {
      links: links.map((link) => ({
        practice: link.practice,
        key: link.key,
        field: cardFieldEnum(link.source.field),
        line: link.source.line,
        properties: link.linkProperties ?? {},
      })),
    });
  }
  const cpis = catalogue.practices.flatMap((practice) => practice.cpis.map(({ id, region }) => ({ id, region })));
  await write(MERGE_CPI_REGIONS, { cpis });
  await writeEditorLinks(tx, catalogue, write);
  return { counts, changes };
}

/** The links editors added, which a catalogue exported from the database carries; refused if a target is missing. */
async function writeEditorLinks(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  write: (cypher: string, parameters: Record<string, unknown>) => Promise<QueryResult>,
): Promise<void> {
  const problems: string[] = [];
  for (const spec of LINKS) {
    const links = catalogue.practices.flatMap((practice) =>
      (practice.editorLinks ?? [])
        .filter((link) => link.type === spec.type)
        .map((link) => ({ practice: practice.id, to: link.to, field: cardFieldEnum(link.field) })),
    );
    if (links.length === 0) continue;
    const missing = (await tx.run(missingEditorLinkTargets(spec), { links })).records;
    problems.push(
      ...missing.map(
        (record) =>
          `${catalogue.catalog.source}: ${record.get("practice")} has an editor's ${spec.type} link to ${spec.label} '${record.get("to")}', ` +
          "which the database does not hold (restore the vocabulary.json of the same export first)",
      ),
    );
    await write(mergeEditorLinks(spec), { links });
  }
  if (problems.length > 0) throw new CatalogueLoadError(problems);
}
