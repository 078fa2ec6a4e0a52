/**
 * What loading a catalogue changes in what the database already holds: practices the new edition drops, links it no
 * longer states or states again after an editor deleted them, card texts it leaves empty or words differently, values
 * of shared nodes it overwrites (diffShared.ts), lineage of other catalogues it breaks. Read inside the load's own
 * transaction, before it writes, and the loader then deletes exactly what was read here, so the report cannot drift
 * from what happens. A dry run reads the same in a read-only transaction, the catalogue mapped through the graph's
 * aliases too and the graph read as the merges of old nodes the import would make leave it (pendingMerges.ts).
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { NormalizedCatalogue, NormalizedPractice } from "../catalogue";
import { cardFieldEnum, LINKS, practiceProperties } from "../practiceGraph";
import { titlesAgree } from "../practiceTitle";
import { checkCatalogueFits, findBrokenLineage, type BrokenLineage } from "./checks";
import { readSharedChanges, type SharedChanges } from "./diffShared";
import { practiceLinksAfter, type PendingMerge } from "./pendingMerges";

export type LostLink = { type: string; to: string; field: string | null; line: number | null };

/** A link another practice has to this one. */
export type LinkToIt = { type: string; from: string; line: number | null };

export type PracticeChange = {
  id: string;
  title: string;
  /** Listed by this catalogue in the database but not by the new edition: deleted with every link. */
  dropped: boolean;
  /**
   * The edition gives the id to another practice (its card's title is not the one the database holds: a card was
   * left out or moved, and ids are index positions): the card titles before and after.
   */
  reassigned?: { from: string; to: string };
  /** Links of the kinds a card states that the practice has before the load. */
  linkCount: number;
  /**
   * For a dropped practice, what is deleted with it besides its own links: its catalogue listings, and the links
   * other practices have to it that nothing else here lists (an editor's, most often).
   */
  deletedWith?: { listings: number; linksToIt: LinkToIt[] };
  lostLinks: LostLink[];
  /** Links the edition states that the practice lacks (an editor deleted them, or the edition is new): written. */
  addedLinks: LostLink[];
  /** Card texts and other properties the load removes, or overwrites with another value. */
  clearedFields: string[];
  rewrittenFields: string[];
};

export type CatalogueChanges = {
  /** Only the practices that lose or change something, in catalogue order. */
  practices: PracticeChange[];
  brokenLineage: BrokenLineage[];
  /** Element ids of the practices' links to delete: valid in the transaction that read them, and only there. */
  staleLinkIds: string[];
  shared: SharedChanges;
};

/**
 * Properties a change of which is no loss to report: where the card sits in its file (it moves whenever lines are
 * added above it), and the card's own title, which changes with the title and is reported as the title.
 */
const UNREPORTED_PROPERTIES = new Set(["sourceStartLine", "sourceEndLine", "cardTitle"]);

const KEY_OF_TYPE = Object.fromEntries(LINKS.map((spec) => [spec.type, spec.key]));

/** The practices of this catalogue, or under its ids, with their card-stated links (editors' ones included). */
const EXISTING_PRACTICES = `
MATCH (p:Practice)
WITH p, EXISTS { (p)-[:LISTED_IN]->(:Catalog {id: $catalogId}) } AS listed
WHERE listed OR p.id IN $practiceIds
RETURN p.id AS id, listed, properties(p) AS properties,
  [(p)-[r]->(n) WHERE type(r) IN keys($keyOfType) |
    {elementId: elementId(r), type: type(r), to: n[$keyOfType[type(r)]], field: r.field, line: r.line}] AS links,
  COUNT { (p)-[:LISTED_IN]->() } AS listings,
  [(q:Practice)-[r]->(p) WHERE type(r) <> 'SIMILAR_TO' | {elementId: elementId(r), type: type(r), from: q.id, line: r.line}] AS linksToIt
ORDER BY p.catalogNumber, p.id`;

type ExistingLink = LostLink & { elementId: string };
type ExistingLinkToIt = LinkToIt & { elementId: string };

/**
 * `merges`: the merges of old nodes an import makes before it loads, which a dry run reads the graph as if made
 * (pendingMerges.ts); none for the load, which runs after them.
 */
export async function readCatalogueChanges(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  merges: readonly PendingMerge[] = [],
): Promise<CatalogueChanges> {
  const edition = new Map(catalogue.practices.map((practice) => [practice.id, practice]));
  // A link survives when the new edition states it again (same type, practice and node), or when an editor added it.
  const stated = new Set(
    catalogue.practices.flatMap((practice) =>
      statedLinks(practice).map((link) => `${link.type}|${practice.id}|${link.to}`),
    ),
  );
  const result = await tx.run(EXISTING_PRACTICES, {
    catalogId: catalogue.catalog.id,
    practiceIds: [...edition.keys()],
    keyOfType: KEY_OF_TYPE,
  });
  const held = result.records.map((record) => ({
    id: record.get("id") as string,
    // Only practices listed by this catalogue are deleted (a practice under one of its ids but in no catalogue stays).
    dropped: !edition.has(record.get("id")) && (record.get("listed") as boolean),
    before: record.get("properties") as Record<string, unknown>,
    links: practiceLinksAfter(record.get("links") as ExistingLink[], merges).sort(byTypeAndKey),
    listings: record.get("listings") as number,
    linksToIt: record.get("linksToIt") as ExistingLinkToIt[],
  }));
  const brokenLineage = await findBrokenLineage(tx, catalogue);
  const practices: PracticeChange[] = [];
  const staleLinkIds: string[] = [];
  for (const { id, before, links } of held) {
    const practice = edition.get(id);
    if (!practice) continue;
    const stale = links.filter((link) => link.line !== null && !stated.has(`${link.type}|${id}|${link.to}`));
    staleLinkIds.push(...stale.map((link) => link.elementId));
    const change = compareWithEdition(before, links, stale, practice);
    if (change) practices.push({ id, title: String(before.title ?? ""), linkCount: links.length, ...change });
  }
  // What is deleted with a dropped practice and not listed elsewhere: links from dropped practices are theirs, stale
  // links their practices', broken lineage of other catalogues is listed apart.
  const dropped = new Set(held.filter((practice) => practice.dropped).map((practice) => practice.id));
  const listedElsewhere = new Set([...staleLinkIds, ...brokenLineage.map((link) => link.elementId)]);
  for (const { id, before, links, dropped: isDropped, listings, linksToIt } of held) {
    if (!isDropped) continue;
    const others = linksToIt.filter((link) => !dropped.has(link.from) && !listedElsewhere.has(link.elementId));
    practices.push({
      id,
      title: String(before.title ?? ""),
      linkCount: links.length,
      dropped: true,
      deletedWith: { listings, linksToIt: others.map(({ elementId: _, ...link }) => link) },
      lostLinks: links.map(withoutElementId),
      addedLinks: [],
      clearedFields: [],
      rewrittenFields: [],
    });
  }
  const order = new Map(held.map((practice, index) => [practice.id, index]));
  practices.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { practices, brokenLineage, staleLinkIds, shared: await readSharedChanges(tx, catalogue, merges) };
}

/** What the edition changes in a practice it lists again; undefined when nothing. */
function compareWithEdition(
  before: Record<string, unknown>,
  links: readonly ExistingLink[],
  stale: readonly ExistingLink[],
  practice: NormalizedPractice,
): Omit<PracticeChange, "id" | "title" | "linkCount"> | undefined {
  // An editor's parallel link (no line) is not the card's: the load writes the card's beside it.
  const held = new Set(links.filter((link) => link.line !== null).map((link) => `${link.type}|${link.to}`));
  const addedLinks = statedLinks(practice).filter((link) => !held.has(`${link.type}|${link.to}`));
  const after = practiceProperties(practice);
  const cardTitle = String(before.cardTitle ?? before.title ?? "");
  const reassigned = titlesAgree(cardTitle, String(after.cardTitle))
    ? undefined
    : { from: cardTitle, to: String(after.cardTitle) };
  // The title of a practice that is another one is no rewriting: the reassignment says it.
  const compared = Object.keys(after).filter(
    (key) => !UNREPORTED_PROPERTIES.has(key) && before[key] != null && !(reassigned && key === "title"),
  );
  const clearedFields = compared.filter((key) => after[key] == null);
  const rewrittenFields = compared.filter((key) => after[key] != null && after[key] !== before[key]);
  if (
    !reassigned &&
    stale.length === 0 &&
    addedLinks.length === 0 &&
    clearedFields.length === 0 &&
    rewrittenFields.length === 0
  )
    return undefined;
  return {
    dropped: false,
    ...(reassigned ? { reassigned } : {}),
    lostLinks: stale.map(withoutElementId),
    addedLinks,
    clearedFields,
    rewrittenFields,
  };
}

/** The links a practice of the catalogue states, as the graph stores them. */
function statedLinks(practice: NormalizedPractice): LostLink[] {
  return LINKS.flatMap((spec) =>
    spec.read(practice).map((link) => ({
      type: spec.type,
      to: link.key,
      field: cardFieldEnum(link.source.field),
      line: link.source.line,
    })),
  ).sort(byTypeAndKey);
}

/**
 * The changes a load of this catalogue would make, in the caller's transaction (a dry run's read-only one, where the
 * server refuses any write: src/ingest/command/compare.ts), the graph read as the merges of old nodes the import
 * makes first would leave it; throws the CatalogueLoadError the load itself would throw when this database cannot
 * take the catalogue.
 */
export async function readChangesAfterMerges(
  tx: ManagedTransaction,
  catalogue: NormalizedCatalogue,
  merges: readonly PendingMerge[],
): Promise<CatalogueChanges> {
  await checkCatalogueFits(tx, catalogue, merges);
  return readCatalogueChanges(tx, catalogue, merges);
}

function byTypeAndKey(a: LostLink, b: LostLink): number {
  return a.type.localeCompare(b.type) || String(a.to).localeCompare(String(b.to)) || (a.line ?? 0) - (b.line ?? 0);
}

function withoutElementId({ elementId: _, ...link }: ExistingLink): LostLink {
  return link;
}
