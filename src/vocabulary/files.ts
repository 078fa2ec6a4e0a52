/**
 * Where the vocabulary keeps each type of node an alias may join: its file in the vocabulary directory and its array
 * of the loaded Vocabulary. Stated once for the review, the merges, the aliases and the import's merge.
 */
import { VOCABULARY_FILES, type Vocabulary } from "../reference/vocabulary";
import type { AliasLabel } from "./aliases";

const ARRAY_OF = {
  Stakeholder: "stakeholders",
  TargetGroup: "targets",
  FundingSource: "funding",
  Cpi: "cpis",
  Law: "laws",
  Tool: "tools",
} as const satisfies Record<AliasLabel, keyof Vocabulary>;

export const VOCABULARY_FILE_OF = Object.fromEntries(
  Object.entries(ARRAY_OF).map(([label, part]) => [label, VOCABULARY_FILES[part]]),
) as Readonly<Record<AliasLabel, string>>;

/** The vocabulary's entries of a label, as loaded. */
export function vocabularyEntries<L extends AliasLabel>(
  vocabulary: Vocabulary,
  label: L,
): Vocabulary[(typeof ARRAY_OF)[L]] {
  return vocabulary[ARRAY_OF[label]];
}
