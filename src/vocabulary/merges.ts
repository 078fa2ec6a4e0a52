/**
 * The merges editors made through the API (the graph's NodeAlias nodes) written into the vocabulary as the `formerIds`
 * of the entry each node was merged into, so that they become curated data like a review's aliases. A merge into a
 * node the vocabulary lacks (a provisional one: accept it first) or of an entry of the vocabulary (its aliases must
 * move by hand) is listed and left out. Checked as the importer checks the vocabulary before anything is written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadVocabulary } from "../reference/vocabulary";
import type { AliasLabel } from "./aliases";
import { layout } from "./applyReview";
import type { NodeAliasRecord } from "./graphAliases";

const FILE_OF: Record<AliasLabel, string> = {
  Stakeholder: "stakeholders.json",
  TargetGroup: "targets.json",
  FundingSource: "funding.json",
  Cpi: "cpis.json",
  Law: "laws.json",
  Tool: "tools.json",
};

type Entry = { id: string; formerIds?: string[] };

export function writeMergesAsFormerIds(
  aliases: readonly NodeAliasRecord[],
  dir: string,
  options: { dryRun?: boolean } = {},
): { lines: string[]; written: number; refused: boolean } {
  const files = new Map<string, { entries: Entry[]; text: string; changed: boolean }>();
  const lines: string[] = [];
  let refused = false;
  for (const alias of aliases) {
    const file = FILE_OF[alias.type];
    let held = files.get(file);
    if (held === undefined) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      held = { entries: JSON.parse(text) as Entry[], text, changed: false };
      files.set(file, held);
    }
    const what = `${alias.type} ${alias.from} -> ${alias.into} (merged by ${alias.mergedBy}, ${alias.mergedAt})`;
    const target = held.entries.find((entry) => entry.id === alias.into);
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
      Object.assign(target, { formerIds: [...(target.formerIds ?? []), alias.from] });
      held.changed = true;
      lines.push(`${what}: formerIds of "${alias.into}" in ${file}`);
    }
  }
  const changed = [...files].filter(([, held]) => held.changed);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-merges-"));
  try {
    for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(scratch, name));
    for (const [file, held] of changed)
      fs.writeFileSync(path.join(scratch, file), layout(held.entries as never, held.text));
    loadVocabulary(scratch);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!options.dryRun) {
    for (const [file, held] of changed)
      fs.writeFileSync(path.join(dir, file), layout(held.entries as never, held.text));
  }
  return { lines, written: options.dryRun ? 0 : changed.length, refused };
}
