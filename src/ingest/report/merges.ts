/**
 * The old nodes an import merges into the node they became before it loads (the vocabulary's formerIds, the graph's
 * NodeAlias: src/vocabulary/graphAliases.ts): as merged, after an import; as they would be, in a dry run. Nothing
 * when there are none.
 */
type Merge = { label: string; from: string; into: string };

const BECAME = "into the node they became (vocabulary formerIds, graph aliases), before loading:";

/** Each merge with the links it moved, and those it dropped as doubles. */
export function formatMerged(merged: ReadonlyArray<Merge & { moved: number; dropped: number }>): string {
  if (merged.length === 0) return "";
  const lines = merged.map(
    ({ label, from, into, moved, dropped }) =>
      `  ${label} ${from} -> ${into}: ${moved} link(s) moved, ${dropped} the other already had`,
  );
  return `${merged.length} node(s) merged ${BECAME}\n${lines.join("\n")}\n`;
}

/** Each merge a dry run reads the graph as if made, with the links of the old node, and the aliases left out. */
export function formatPendingMerges(
  merges: ReadonlyArray<Merge & { links: number }>,
  warnings: readonly string[],
): string {
  const lines = [
    ...(merges.length > 0
      ? [
          `${merges.length} node(s) would be merged ${BECAME}`,
          ...merges.map(
            ({ label, from, into, links }) =>
              `  ${label} ${from} -> ${into}: ${links} link(s) to move, less those ${into} already has`,
          ),
        ]
      : []),
    ...(warnings.length > 0 ? [`${warnings.length} node alias warning(s):`, ...warnings.map((w) => `  ${w}`)] : []),
  ];
  return lines.map((line) => `${line}\n`).join("");
}
