/**
 * What a load checks against the database, inside its transaction. Practice ids are `<year>-<index>` (prefixed with
 * the catalogue id for a catalogue other than ANPAL's), positions in a catalogue's index rather than identities: two
 * catalogues never write the same ids, a BUILDS_ON link is written only to the practice of that id AND title, and a
 * new edition that gives an id to another practice, or drops it, takes other catalogues' links to it away.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { NODE_TYPES } from "../../graph";
import type { NormalizedCatalogue } from "../catalogue";
import { LINKS, type LinkSpec } from "../practiceGraph";
import type { PendingMerge } from "./pendingMerges";
import { titlesAgree } from "../practiceTitle";
import { referenceNodes } from "./sharedNodes";
import type { CatalogueChanges } from "./diff";

const TAKEN_PRACTICE_IDS = `
UNWIND $ids AS id
MATCH (:Practice {id: id})-[:LISTED_IN]->(other:Catalog)
WHERE other.id <> $catalogId
RETURN id, other.id AS catalog
ORDER BY id`;

/**
 * Whether this database can take the catalogue; throws CatalogueLoadError, naming every problem, when it cannot.
 * Only reads, so that a dry run asks the same questions as the load. `merges`: those an import makes before it
 * loads, which a dry run reads the graph as if made (pendingMerges.ts): the nodes they merge into are held then.
 */
export async function checkCatalogueFits(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  merges: readonly PendingMerge[] = [],
): Promise<void> {
  await checkPracticeIdsFree(tx, catalogue);
  await checkLineageTargets(tx, catalogue);
  await checkEditorLinkTargets(tx, catalogue, merges);
}

/**
 * Another catalogue's practices would be overwritten. A file read by the importer cannot do it (another catalogue id
 * prefixes the ids, normalize/catalogueId.ts), but a normalized catalogue written by hand or renamed can.
 */
async function checkPracticeIdsFree(tx: ManagedTransaction, catalogue: NormalizedCatalogue): Promise<void> {
  const ids = catalogue.practices.map((practice) => practice.id);
  const taken = (await tx.run(TAKEN_PRACTICE_IDS, { ids, catalogId: catalogue.catalog.id })).records;
  if (taken.length === 0) return;
  const catalogs = [...new Set(taken.map((record) => record.get("catalog") as string))];
  throw new CatalogueLoadError([
    `${taken.length} of its practice ids (${taken[0]!.get("id")}...) belong to catalogue ${catalogs.map((id) => `'${id}'`).join(", ")}: ` +
      "ids are <year>-<index>, so one graph holds one catalogue per edition year under such ids: re-import that " +
      "catalogue under its own id to update it, or import this one from its file with --catalogue <name>-<year>, " +
      "which prefixes its practice ids",
  ]);
}

/**
 * Lineage may point to a practice of an earlier catalogue: it must already be in the graph, under the title its card
 * prints (cardTitle, which only imports write; a practice loaded before cardTitle existed has only its title).
 */
const LINEAGE_TARGETS = `
UNWIND $ids AS id
OPTIONAL MATCH (p:Practice {id: id})
RETURN id, coalesce(p.cardTitle, p.title) AS title`;

/** The catalogue is valid but cannot be written into this database; the transaction is rolled back. */
export class CatalogueLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `the catalogue was not loaded (nothing was written):\n${problems.map((problem) => `  ${problem}`).join("\n")}`,
    );
    this.name = "CatalogueLoadError";
  }
}

/**
 * Ids are positions in a catalogue's index: a link is written only to the practice of that id AND title. The
 * catalogue's own practices are taken as it gives them (the load writes them first); the others must be in the database.
 */
async function checkLineageTargets(tx: ManagedTransaction, catalogue: NormalizedCatalogue): Promise<void> {
  const titles = new Map<string, string | null>(
    catalogue.practices.map((practice) => [practice.id, practice.cardTitle ?? practice.title]),
  );
  const ids = [
    ...new Set(catalogue.practices.flatMap((practice) => practice.buildsOn.map((lineage) => lineage.id))),
  ].filter((id) => !titles.has(id));
  if (ids.length > 0) {
    const result = await tx.run(LINEAGE_TARGETS, { ids });
    for (const record of result.records) titles.set(record.get("id"), record.get("title"));
  }
  const problems = catalogue.practices.flatMap((practice) =>
    practice.buildsOn.flatMap((lineage) => {
      const title = titles.get(lineage.id) ?? null;
      if (title !== null && titlesAgree(title, lineage.title)) return [];
      const found =
        title === null
          ? "which is not in the database: import the catalogue that lists it first"
          : `but the database's ${lineage.id} is '${title}'`;
      const model = lineage.model ? ` (${lineage.model})` : "";
      return [
        `${catalogue.catalog.source}:${lineage.source.line} card ${practice.catalogNumber}: builds on practice ${lineage.id} ` +
          `'${lineage.title}'${model}, ${found}`,
      ];
    }),
  );
  if (problems.length > 0) throw new CatalogueLoadError(problems);
}

/** The nodes editors' links lead to that the database lacks (the catalogue's own practices aside). */
function missingEditorLinkTargets(spec: LinkSpec): string {
  // Labels and keys come from LINKS (constants), never from input.
  return `
UNWIND $links AS link
WITH link WHERE NOT EXISTS { MATCH (:${spec.label} {${spec.key}: link.to}) }
RETURN link.practice AS practice, link.to AS to`;
}

/**
 * The keys of the nodes of one kind that loading the catalogue writes itself: those its practices' entities give
 * (a link whose target it MERGEs), else the reference data every import writes, and its own practices.
 */
function keysWritten(catalogue: NormalizedCatalogue, spec: LinkSpec): Set<string> {
  if (spec.mergesTarget) {
    return new Set(catalogue.practices.flatMap((practice) => spec.read(practice).map((link) => link.key)));
  }
  if (spec.label === NODE_TYPES.Practice.label) return new Set(catalogue.practices.map((practice) => practice.id));
  const reference = referenceNodes().filter((nodes) => nodes.label === spec.label);
  return new Set(reference.flatMap((nodes) => nodes.nodes.map((node) => node.key)));
}

/**
 * A catalogue exported from the database carries the links editors added; each must lead to a node the database
 * holds or the load writes, or it would be left out in silence.
 */
async function checkEditorLinkTargets(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  merges: readonly PendingMerge[],
): Promise<void> {
  const problems: string[] = [];
  for (const spec of LINKS) {
    const madeByMerges = merges.filter((merge) => merge.label === spec.label).map((merge) => merge.into);
    const present = new Set([...keysWritten(catalogue, spec), ...madeByMerges]);
    const links = catalogue.practices.flatMap((practice) =>
      (practice.editorLinks ?? [])
        .filter((link) => link.type === spec.type && !present.has(link.to))
        .map((link) => ({ practice: practice.id, to: link.to })),
    );
    if (links.length === 0) continue;
    for (const record of (await tx.run(missingEditorLinkTargets(spec), { links })).records) {
      problems.push(
        `catalogue ${catalogue.catalog.id}: ${record.get("practice")} has an editor's ${spec.type} link to ${spec.label} ` +
          `'${record.get("to")}', which the database does not hold`,
      );
    }
  }
  if (problems.length > 0) throw new CatalogueLoadError(problems);
}

/** What a load does only when the editor allows it (on the command line). */
export type LoadAllowances = {
  /** Delete the practices of the catalogue that the new edition no longer lists (--allow-drop). */
  drop?: boolean;
  /** Give ids the database holds to the other practices the edition lists under them (--allow-renumber). */
  renumber?: boolean;
};

/**
 * What the changes a load read would do that the editor has not allowed, one problem each. A file cut short drops
 * every practice after the cut, exactly as an edition that leaves practices out does: deleting them must be asked for.
 */
export function unallowedChanges(
  catalogue: NormalizedCatalogue,
  changes: CatalogueChanges,
  allow: LoadAllowances,
): string[] {
  const dropped = changes.practices.filter((practice) => practice.dropped);
  const reassigned = changes.practices.filter((practice) => practice.reassigned);
  return [
    ...(dropped.length > 0 && !allow.drop
      ? [
          `this edition of ${catalogue.catalog.id} leaves out ${dropped.length} of the practices the database holds ` +
            `(${dropped.map((practice) => `${practice.id} '${practice.title}'`).join(", ")}), which the load would delete with their links: ` +
            "a file cut short leaves practices out too; --allow-drop deletes them",
        ]
      : []),
    ...(reassigned.length > 0 && !allow.renumber
      ? [
          `this edition of ${catalogue.catalog.id} lists another practice under ${reassigned.length} id(s) the database holds ` +
            `(${reassigned.map((practice) => practice.id).join(", ")}): ids are index positions, so a card left out or moved ` +
            "renumbers the cards after it, and links made to those ids would lead to other practices; --allow-renumber loads it",
        ]
      : []),
  ];
}

/**
 * Links from practices of other catalogues to this one's, with the title they were made to: a card's remembers it
 * (targetTitle); an editor's, or one made before links remembered it, was made to the practice's card title.
 */
const INCOMING_LINEAGE = `
MATCH (from:Practice)-[r:BUILDS_ON]->(p:Practice)
WHERE (p.id IN $practiceIds OR (p)-[:LISTED_IN]->(:Catalog {id: $catalogId}))
  AND NOT (from.id IN $practiceIds OR (from)-[:LISTED_IN]->(:Catalog {id: $catalogId}))
RETURN from.id AS from, [(from)-[:LISTED_IN]->(c:Catalog) | c.id][0] AS fromCatalog, p.id AS to,
  coalesce(r.targetTitle, p.cardTitle, p.title) AS title, r.line IS NULL AS byEditor, elementId(r) AS elementId`;

/**
 * A link of another catalogue's practice that a new edition breaks, and what to do about it; its element id is valid
 * in the transaction that read it, and only there.
 */
export type BrokenLineage = { from: string; to: string; elementId: string; message: string };

/**
 * A new edition that drops a practice, or gives its id to another title, would leave other catalogues' practices
 * building on the wrong one: the load removes those links (by element id, as it read them) and says so, so that their catalogue can
 * be imported again once seed/vocabulary/lineage.json names the right practice. An editor's retitling is no new
 * edition: the comparison is with the title the link was made to.
 */
export async function findBrokenLineage(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
): Promise<BrokenLineage[]> {
  const titles = new Map(catalogue.practices.map((practice) => [practice.id, practice.cardTitle ?? practice.title]));
  const parameters = { catalogId: catalogue.catalog.id, practiceIds: [...titles.keys()] };
  const incoming = (await tx.run(INCOMING_LINEAGE, parameters)).records.map((record) => ({
    from: record.get("from") as string,
    fromCatalog: (record.get("fromCatalog") as string | null) ?? "its",
    to: record.get("to") as string,
    title: record.get("title") as string,
    byEditor: record.get("byEditor") as boolean,
    elementId: record.get("elementId") as string,
  }));
  return incoming
    .filter((link) => {
      const title = titles.get(link.to);
      return title === undefined || !titlesAgree(title, link.title);
    })
    .map(({ from, fromCatalog, to, title, byEditor, elementId }) => {
      const now = titles.get(to);
      const change = now === undefined ? "this edition drops it" : `this edition lists '${now}' under that id`;
      const remedy = byEditor
        ? "an editor added that link: an editor may link it again to the right practice"
        : "point seed/vocabulary/lineage.json's introducedIn (or introducedBy, if only the title changed) at the right " +
          `practice and import ${fromCatalog} catalogue again`;
      return {
        from,
        to,
        elementId,
        message: `${from} built on ${to} '${title}', but ${change}: link removed; ${remedy}`,
      };
    });
}
