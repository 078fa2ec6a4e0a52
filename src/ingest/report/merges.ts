/**
 * The old nodes an import merges into the node they became before it loads (the vocabulary's formerIds, the graph's
 * NodeAlias: src/vocabulary/graphAliases.ts): as merged, after an import; as they would be, in a dry run. Nothing
 * when there are none.
 */
import { predictedCounts, type MergedOnImport, type PendingMergeWithLinks } from "../../vocabulary/graphAliases";
import type { MergeCounts } from "../../vocabulary/mergeNodes";

const BECAME = "into the node they became (vocabulary formerIds, graph aliases), before loading:";

/** What became, or would become, of the old node's links, in the one form the import and the dry run print. */
function linksText({ moved, doubled, ownDropped }: MergeCounts, verb: "moved" | "to move"): string {
  return (
    `${moved} link(s) ${verb}, ${doubled} the other already had, ` +
    `${ownDropped} of its own without provenance dropped (region, organisation)`
  );
}

/** Each merge with what became of the old node's links (mergeNodes.ts). */
export function formatMerged(merged: readonly MergedOnImport[]): string {
  if (merged.length === 0) return "";
  const lines = merged.map(
    ({ label, from, into, ...counts }) => `  ${label} ${from} -> ${into}: ${linksText(counts, "moved")}`,
  );
  return `${merged.length} node(s) merged ${BECAME}\n${lines.join("\n")}\n`;
}

/** Each merge a dry run reads the graph as if made, with what becomes of the old node's links (mergeNodes.ts). */
export function formatPendingMerges(merges: readonly PendingMergeWithLinks[]): string {
  if (merges.length === 0) return "";
  const lines = merges.map((merge) => `  ${merge.label} ${merge.from} -> ${merge.into}: ${whatMoves(merge)}`);
  return `${merges.length} node(s) would be merged ${BECAME}\n${lines.join("\n")}\n`;
}

function whatMoves(merge: PendingMergeWithLinks): string {
  const counts = predictedCounts(merge);
  if (counts === undefined) {
    return `${merge.links} link(s) to move, less those ${merge.into} already has and any between the two`;
  }
  if (merge.intoEntry === undefined) return `${merge.into} made from it: ${linksText(counts, "to move")}`;
  const written = merge.intoEntry.links.reduce((sum, links) => sum + links.links.length, 0);
  return (
    `${merge.into} made from its vocabulary entry, with its ${written} region and organisation link(s): ` +
    linksText(counts, "to move")
  );
}
