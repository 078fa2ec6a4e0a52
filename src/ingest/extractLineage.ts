import { CARD_FIELDS, type ParsedCard } from "./card";
import type { Lineage } from "./catalogue";
import type { LineLocator } from "./extractLines";
import { createMatcher } from "./extractMatcher";
import { normalizePhrase } from "./extractTokens";
import type { LineageEntry } from "./vocabulary";

/**
 * Lineage is stated by naming a model ("LAB PAL"); the vocabulary says which practice introduced it, by title,
 * and `practiceIds` (the titles of the catalogue being imported) resolves that title to an id. A model introduced
 * by a practice of an earlier catalogue resolves through the entry's `introducedIn` id instead, which the loader
 * checks against the database. The practice that introduced a model mentions it too: that is not lineage.
 */
export function findLineage(
  card: ParsedCard,
  lineage: LineageEntry[],
  practiceIds: Map<string, string>,
  locate: LineLocator,
): Lineage[] {
  const idsByTitle = new Map([...practiceIds].map(([title, id]) => [normalizePhrase(title), id]));
  const practiceId = (title: string | undefined) => (title === undefined ? undefined : idsByTitle.get(normalizePhrase(title)));
  const ownId = practiceId(card.fields.title?.text);
  const matcher = createMatcher(lineage.flatMap((entry) => entry.cues.map((cue) => ({ entry, alias: cue }))));

  const found = new Map<string, Lineage>();
  for (const key of CARD_FIELDS) {
    const field = card.fields[key];
    if (field === undefined) continue;
    for (const hit of matcher.find(field.text).hits) {
      const id = practiceId(hit.entry.introducedBy) ?? practiceId(hit.entry.model) ?? hit.entry.introducedIn;
      if (id === undefined || id === ownId || found.has(id)) continue;
      found.set(id, { id, model: hit.entry.model, source: { field: key, line: locate(field, hit.words) } });
    }
  }
  return [...found.values()];
}
