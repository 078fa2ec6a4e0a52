/**
 * Writes a normalized catalogue into Neo4j in ONE transaction, MERGE-ing on the keys of the graph model,
 * so that re-importing a file changes nothing and a failure leaves the database exactly as it was.
 * Re-importing an edited catalogue also removes what the new file no longer says (links, practices).
 */
import type { Driver, ManagedTransaction, QueryResult } from "neo4j-driver";
import type { NormalizedCatalogue, NormalizedPractice, Provenance } from "./catalogue";
import { LEPS } from "./lep";
import { checkLineageTargets, checkPracticeIdsFree, removeBrokenLineage } from "./loadChecks";
import { REGIONS } from "./regions";

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
  /** Lineage links from other catalogues that this edition broke, and so removed (see removeBrokenLineage). */
  lineageRemoved: string[];
};

/** The links a card states, one per relationship type; the target is MERGEd by its key. */
type LinkSpec = {
  type: string;
  label: string;
  key: string;
  /** Target nodes (id + properties) and the links to them (with properties of their own, if any), read from a practice. */
  read: (practice: NormalizedPractice) => Array<{
    key: string;
    properties: Record<string, unknown>;
    linkProperties?: Record<string, unknown>;
    source: Provenance;
  }>;
};

const LINKS: LinkSpec[] = [
  {
    type: "IN_REGION",
    label: "Region",
    key: "nuts",
    read: (p) => [{ key: p.region.nuts, properties: {}, source: { field: "region", line: p.fieldLines.region } }],
  },
  {
    type: "IMPLEMENTS",
    label: "Lep",
    key: "code",
    read: (p) => p.leps.map((code) => ({ key: code, properties: {}, source: { field: "leps", line: p.fieldLines.leps } })),
  },
  {
    type: "INVOLVES",
    label: "Stakeholder",
    key: "id",
    read: (p) =>
      p.stakeholders.map((s) => ({ key: s.id, properties: { name: s.name, nameEn: s.nameEn ?? null, kind: s.kind }, source: s.source })),
  },
  {
    type: "TARGETS",
    label: "TargetGroup",
    key: "id",
    read: (p) => p.targets.map((t) => ({ key: t.id, properties: { name: t.name, nameEn: t.nameEn ?? t.name }, source: t.source })),
  },
  {
    type: "FUNDED_BY",
    label: "FundingSource",
    key: "id",
    read: (p) => p.funding.map((f) => ({ key: f.id, properties: { name: f.name, kind: f.kind }, source: f.source })),
  },
  {
    type: "DELIVERED_AT",
    label: "Cpi",
    key: "id",
    read: (p) => p.cpis.map((c) => ({ key: c.id, properties: { name: c.name }, source: c.source })),
  },
  {
    type: "REFERENCES",
    label: "Law",
    key: "id",
    read: (p) => p.laws.map((l) => ({ key: l.id, properties: { title: l.title, year: l.year ?? null }, source: l.source })),
  },
  {
    type: "USES",
    label: "Tool",
    key: "id",
    read: (p) => p.tools.map((t) => ({ key: t.id, properties: { name: t.name }, source: t.source })),
  },
  {
    type: "BUILDS_ON",
    label: "Practice",
    key: "id",
    // The title the link was made to: a later edition of that catalogue must keep it under the id (loadChecks.ts).
    read: (p) => p.buildsOn.map((b) => ({ key: b.id, properties: {}, linkProperties: { targetTitle: b.title }, source: b.source })),
  },
];

/** Card field keys are stored as the GraphQL `CardField` enum values: `employmentService` -> `EMPLOYMENT_SERVICE`. */
export function cardFieldEnum(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}

function practiceProperties(practice: NormalizedPractice): Record<string, unknown> {
  const text = (value: string) => (value === "" ? null : value);
  const f = practice.fields;
  return {
    catalogNumber: practice.catalogNumber,
    printedNumber: practice.printedNumber,
    title: practice.title,
    summary: practice.summary,
    scope: text(f.scope),
    territorialLevel: practice.territorialLevel,
    ongoing: practice.ongoing,
    anpalSupport: practice.anpalSupport,
    anpalAssistance: text(f.anpalAssistance),
    startYear: practice.startYear,
    period: text(f.period),
    driver: text(f.driver),
    objectives: text(f.objectives),
    activities: text(f.activities),
    humanResources: text(f.humanResources),
    results: text(f.results),
    outcomes: text(f.outcomes),
    lessons: text(f.lessons),
    conclusions: text(f.conclusions),
    sourceStartLine: practice.source.startLine,
    sourceEndLine: practice.source.endLine,
  };
}

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

/** Practices the new edition of the catalogue no longer lists disappear with their links. */
const DELETE_DROPPED_PRACTICES = `
MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: $catalogId})
WHERE NOT p.id IN $practiceIds
DETACH DELETE p`;

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

/** Links the new file no longer states; links an editor added through the API (no source line) stay. */
function deleteStaleLinks(spec: LinkSpec): string {
  return `
MATCH (p:Practice)-[r:${spec.type}]->(n:${spec.label})
WHERE p.id IN $practiceIds AND r.line IS NOT NULL AND NOT (p.id + '|' + n.${spec.key}) IN $kept
DELETE r`;
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
    relationships++; // LISTED_IN
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

export async function loadCatalogue(driver: Driver, catalogue: NormalizedCatalogue, database?: string): Promise<LoadReport> {
  const counts: LoadCounts = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
  const catalogId = catalogue.catalog.id;
  const practiceIds = catalogue.practices.map((practice) => practice.id);

  let lineageRemoved: string[] = [];
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      Object.assign(counts, { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });
      await run(tx, counts, MERGE_REGIONS, { regions: REGIONS.map(({ nuts, name, istat }) => ({ nuts, name, istat })) });
      await run(tx, counts, MERGE_LEPS, { leps: LEPS.map((lep) => ({ ...lep, parent: lep.parent ?? null })) });
      await run(tx, counts, MERGE_CATALOG, { catalog: catalogue.catalog });
      await checkPracticeIdsFree(tx, catalogue);
      lineageRemoved = await removeBrokenLineage(tx, catalogue, (cypher, parameters) => run(tx, counts, cypher, parameters));
      await run(tx, counts, DELETE_DROPPED_PRACTICES, { catalogId, practiceIds });
      await run(tx, counts, MERGE_PRACTICES, {
        catalogId,
        practices: catalogue.practices.map((practice) => ({ id: practice.id, properties: practiceProperties(practice) })),
      });
      await checkLineageTargets(tx, catalogue);
      for (const spec of LINKS) {
        const links = catalogue.practices.flatMap((practice) =>
          spec.read(practice).map((link) => ({ practice: practice.id, ...link })),
        );
        if (spec.label !== "Region" && spec.label !== "Lep" && spec.label !== "Practice") {
          const targets = new Map(links.map((link) => [link.key, { key: link.key, properties: link.properties }]));
          await run(tx, counts, mergeTargets(spec), { targets: [...targets.values()] });
        }
        await run(tx, counts, mergeLinks(spec), {
          links: links.map((link) => ({
            practice: link.practice,
            key: link.key,
            field: cardFieldEnum(link.source.field),
            line: link.source.line,
            properties: link.linkProperties ?? {},
          })),
        });
        await run(tx, counts, deleteStaleLinks(spec), { practiceIds, kept: links.map((link) => `${link.practice}|${link.key}`) });
      }
      const cpis = catalogue.practices.flatMap((practice) => practice.cpis.map(({ id, region }) => ({ id, region })));
      await run(tx, counts, MERGE_CPI_REGIONS, { cpis });
    });
  } finally {
    await session.close();
  }
  const described = describedSize(catalogue);
  return {
    ...counts,
    practices: catalogue.practices.length,
    nodesMatched: described.nodes - counts.nodesCreated,
    relationshipsMatched: described.relationships - counts.relationshipsCreated,
    lineageRemoved,
  };
}
