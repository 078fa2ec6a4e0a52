import type { LineageEntry } from "../../reference/vocabulary";
import { normalizePhrase } from "../../text/tokens";
import { CARD_FIELDS, type ParsedCard } from "../card";
import type { Lineage } from "../catalogue";
import { lineAt } from "../text";
import { createMatcher } from "./matcher";

/** A card names a model whose practice this import cannot link: said as a warning, so the vocabulary can be fixed. */
export type UnresolvedLineage = { line: number; message: string };

/** The titles of the catalogue being imported, folded once for all its cards (a catalogue may hold thousands). */
export type PracticeTitles = { byTitle: ReadonlyMap<string, { id: string; title: string }>; ids: ReadonlySet<string> };

export function indexPracticeTitles(practiceIds: ReadonlyMap<string, string>): PracticeTitles {
  return {
    byTitle: new Map([...practiceIds].map(([title, id]) => [normalizePhrase(title), { id, title }])),
    ids: new Set(practiceIds.values()),
  };
}

/**
 * Lineage is stated by naming a model ("LAB PAL"); the vocabulary says which practice introduced it, by title,
 * and `titles` (those of the catalogue being imported) resolves that title to an id. A model introduced
 * by a practice of an earlier catalogue resolves through the entry's `introducedIn` id instead; the link keeps the
 * expected title, which the loader checks against the database (ids are positions in an index, not identities).
 * The practice that introduced a model mentions it too: that is not lineage.
 */
export function findLineage(
  card: ParsedCard,
  lineage: LineageEntry[],
  titles: PracticeTitles,
): { links: Lineage[]; unresolved: UnresolvedLineage[] } {
  const ownIds = titles.ids;
  const inCatalogue = (title: string | undefined) =>
    title === undefined ? undefined : titles.byTitle.get(normalizePhrase(title));
  const ownId = inCatalogue(card.fields.title?.text)?.id;
  const matcher = createMatcher(lineage.flatMap((entry) => entry.cues.map((cue) => ({ entry, alias: cue }))));

  const links = new Map<string, Lineage>();
  const unresolved = new Map<string, UnresolvedLineage>();
  for (const key of CARD_FIELDS) {
    const field = card.fields[key];
    if (field === undefined) continue;
    for (const hit of matcher.find(field.text).hits) {
      const { entry } = hit;
      const source = { field: key, line: lineAt(field.lineMap, hit.start) };
      const target = inCatalogue(entry.introducedBy) ?? inCatalogue(entry.model) ?? earlierPractice(entry, ownIds);
      if (target === undefined) {
        if (!unresolved.has(entry.model))
          unresolved.set(entry.model, { line: source.line, message: unresolvedMessage(entry) });
        continue;
      }
      if (target.id === ownId || links.has(target.id)) continue;
      links.set(target.id, { id: target.id, title: target.title, model: entry.model, source });
    }
  }
  return { links: [...links.values()], unresolved: [...unresolved.values()] };
}

/** The practice of an earlier catalogue named by `introducedIn`; never one of this catalogue, whose titles decide. */
function earlierPractice(entry: LineageEntry, ownIds: ReadonlySet<string>): { id: string; title: string } | undefined {
  return entry.introducedIn === undefined || ownIds.has(entry.introducedIn)
    ? undefined
    : { id: entry.introducedIn, title: entry.introducedBy };
}

function unresolvedMessage(entry: LineageEntry): string {
  const why =
    entry.introducedIn === undefined
      ? "which is not in this catalogue, and seed/vocabulary/lineage.json gives no introducedIn id for it"
      : `which is not in this catalogue, whose ${entry.introducedIn} is another practice`;
  return `names the model '${entry.model}' of '${entry.introducedBy}', ${why}: no BUILDS_ON link`;
}
