/**
 * The old nodes an import merges into the node they became before it loads (the vocabulary's formerIds, the graph's
 * NodeAlias: src/vocabulary/graphAliases.ts): as merged, after an import; as they would be, in a dry run. Nothing
 * when there are none.
 */
import type { MergedOnImport, PendingMergeWithLinks } from "../../vocabulary/graphAliases";

const BECAME = "into the node they became (vocabulary formerIds, graph aliases), before loading:";

/** Each merge with the links it moved, and those it dropped as doubles. */
export function formatMerged(merged: readonly MergedOnImport[]): string {
  if (merged.length === 0) return "";
  const lines = merged.map(
    ({ label, from, into, moved, dropped }) =>
      `  ${label} ${from} -> ${into}: ${moved} link(s) moved, ${dropped} the other already had`,
  );
  return `${merged.length} node(s) merged ${BECAME}\n${lines.join("\n")}\n`;
}

/** Each merge a dry run reads the graph as if made, with what becomes of the old node's links (mergeNodes.ts). */
export function formatPendingMerges(merges: readonly PendingMergeWithLinks[]): string {
  if (merges.length === 0) return "";
  const lines = merges.map((merge) => `  ${merge.label} ${merge.from} -> ${merge.into}: ${whatMoves(merge)}`);
  return `${merges.length} node(s) would be merged ${BECAME}\n${lines.join("\n")}\n`;
}

function whatMoves({ into, intoHeld, intoProperties, links, linksWithoutProvenance }: PendingMergeWithLinks): string {
  if (intoHeld) return `${links} link(s) to move, less those ${into} already has and any between the two`;
  if (!intoProperties) return `${into} made from it, its ${links} link(s) moving`;
  return (
    `${into} made from its vocabulary entry: ${links - linksWithoutProvenance} link(s) to move, ` +
    `${linksWithoutProvenance} of its own without provenance dropped (region, organisation: the load writes the entry's)`
  );
}
