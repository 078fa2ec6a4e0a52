/**
 * Lineage between catalogues, checked inside the load's transaction. Practice ids are positions in a catalogue's
 * index, not identities: a BUILDS_ON link is written only to the practice of that id AND title, and a new edition
 * that gives an id to another practice, or drops it, takes other catalogues' links to it away.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { NormalizedCatalogue } from "./catalogue";
import { normalizePhrase } from "./extractTokens";

/** Lineage may point to a practice of an earlier catalogue: it must already be in the graph, under its title. */
const LINEAGE_TARGETS = `
UNWIND $ids AS id
OPTIONAL MATCH (p:Practice {id: id})
RETURN id, p.title AS title`;

/** The catalogue is valid but cannot be written into this database; the transaction is rolled back. */
export class CatalogueLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`the catalogue was not loaded (nothing was written):\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "CatalogueLoadError";
  }
}

const sameTitle = (a: string, b: string) => normalizePhrase(a) === normalizePhrase(b);

/** Ids are positions in a catalogue's index: a link is written only to the practice of that id AND title. */
export async function checkLineageTargets(tx: ManagedTransaction, catalogue: NormalizedCatalogue): Promise<void> {
  const ids = [...new Set(catalogue.practices.flatMap((practice) => practice.buildsOn.map((lineage) => lineage.id)))];
  if (ids.length === 0) return;
  const result = await tx.run(LINEAGE_TARGETS, { ids });
  const titles = new Map<string, string | null>(result.records.map((record) => [record.get("id"), record.get("title")]));
  const problems = catalogue.practices.flatMap((practice) =>
    practice.buildsOn.flatMap((lineage) => {
      const title = titles.get(lineage.id) ?? null;
      if (title !== null && sameTitle(title, lineage.title)) return [];
      const found = title === null ? "which is not in the database: import the catalogue that lists it first" : `but the database's ${lineage.id} is '${title}'`;
      return [
        `${catalogue.catalog.source}:${lineage.source.line} card ${practice.catalogNumber}: builds on practice ${lineage.id} ` +
          `'${lineage.title}' (${lineage.model}), ${found}`,
      ];
    }),
  );
  if (problems.length > 0) throw new CatalogueLoadError(problems);
}

/** Links from practices of other catalogues to this one's, with the title their target had. */
const INCOMING_LINEAGE = `
MATCH (from:Practice)-[:BUILDS_ON]->(p:Practice)-[:LISTED_IN]->(:Catalog {id: $catalogId})
WHERE NOT (from)-[:LISTED_IN]->(:Catalog {id: $catalogId})
RETURN from.id AS from, p.id AS to, p.title AS title`;

const DELETE_LINEAGE = `
UNWIND $links AS link
MATCH (:Practice {id: link.from})-[r:BUILDS_ON]->(:Practice {id: link.to})
DELETE r`;

/**
 * A new edition that drops a practice, or gives its id to another title, would leave other catalogues' practices
 * building on the wrong one: those links are removed and said, so that their catalogue can be imported again once
 * seed/vocabulary/lineage.json names the right id.
 */
export async function removeBrokenLineage(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  write: (cypher: string, parameters: Record<string, unknown>) => Promise<unknown>,
): Promise<string[]> {
  const titles = new Map(catalogue.practices.map((practice) => [practice.id, practice.title]));
  const incoming = (await tx.run(INCOMING_LINEAGE, { catalogId: catalogue.catalog.id })).records.map((record) => ({
    from: record.get("from") as string,
    to: record.get("to") as string,
    title: record.get("title") as string,
  }));
  const broken = incoming.filter((link) => {
    const title = titles.get(link.to);
    return title === undefined || !sameTitle(title, link.title);
  });
  if (broken.length === 0) return [];
  await write(DELETE_LINEAGE, { links: broken.map(({ from, to }) => ({ from, to })) });
  return broken.map(({ from, to, title }) => {
    const now = titles.get(to);
    const change = now === undefined ? "this edition drops it" : `this edition lists '${now}' under that id`;
    return `${from} built on ${to} '${title}', but ${change}: link removed; fix introducedIn in seed/vocabulary/lineage.json and import ${from}'s catalogue again`;
  });
}
