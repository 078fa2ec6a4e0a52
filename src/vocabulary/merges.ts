/**
 * The merges editors made through the API (the graph's NodeAlias nodes) written into the vocabulary as the `formerIds`
 * of the entry each node was merged into, so that they become curated data like a review's aliases. A merge into a
 * node the vocabulary lacks (a provisional one: accept it first) or of an entry of the vocabulary (its aliases must
 * move by hand) is listed and left out. A former id another entry holds already (an earlier merge written here, then
 * that entry merged into another: the graph re-pointed the alias) moves to the entry the graph now names. Checked as
 * the importer checks the vocabulary, and written atomically, only if all loads (vocabularyFiles.ts).
 */
import { VOCABULARY_FILE_OF } from "./files";
import type { NodeAliasRecord } from "./graphAliases";
import { readHeld, VocabularyCheckError, writeVocabularyFiles, type HeldFile } from "./vocabularyFiles";

type Entry = { id: string; formerIds?: string[] };

export function writeMergesAsFormerIds(
  aliases: readonly NodeAliasRecord[],
  dir: string,
  options: { dryRun?: boolean } = {},
): { lines: string[]; written: number; refused: boolean } {
  const files = new Map<string, HeldFile<Entry>>();
  const lines: string[] = [];
  let refused = false;
  for (const alias of aliases) {
    const file = VOCABULARY_FILE_OF[alias.type];
    let held = files.get(file);
    if (held === undefined) {
      held = readHeld<Entry>(dir, file);
      files.set(file, held);
    }
    const what = `${alias.type} ${alias.from} -> ${alias.into} (merged by ${alias.mergedBy}, ${alias.mergedAt})`;
    const target = held.entries.find((entry) => entry.id === alias.into);
    const holder = held.entries.find((entry) => entry.id !== alias.into && entry.formerIds?.includes(alias.from));
    if (held.entries.some((entry) => entry.id === alias.from)) {
      lines.push(
        `${what}: left out, "${alias.from}" is an entry of ${file}: move its aliases to "${alias.into}" by hand`,
      );
      refused = true;
    } else if (target === undefined) {
      lines.push(
        `${what}: left out, "${alias.into}" is no entry of ${file} (accept it first: npm run vocabulary -- review)`,
      );
      refused = true;
    } else if (target.formerIds?.includes(alias.from)) {
      lines.push(`${what}: in ${file} already`);
    } else {
      let moved = "";
      if (holder) {
        // The graph's alias is the later word: the entry that held it was itself merged into another since.
        holder.formerIds = holder.formerIds!.filter((former) => former !== alias.from);
        if (holder.formerIds.length === 0) delete holder.formerIds;
        moved = ` (moved from the formerIds of "${holder.id}")`;
      }
      Object.assign(target, { formerIds: [...(target.formerIds ?? []), alias.from] });
      held.changed = true;
      lines.push(`${what}: formerIds of "${alias.into}" in ${file}${moved}`);
    }
  }
  const changed = new Map([...files].filter(([, held]) => held.changed));
  try {
    writeVocabularyFiles(dir, changed, options);
  } catch (error) {
    if (!(error instanceof VocabularyCheckError)) throw error;
    lines.push(`nothing was written: the vocabulary would not load with these formerIds:\n    ${error.message}`);
    return { lines, written: 0, refused: true };
  }
  return { lines, written: options.dryRun ? 0 : changed.size, refused };
}
