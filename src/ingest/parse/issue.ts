/** A problem found while reading or normalizing a catalogue, with where to look in the source. */
export type ParseIssue = {
  severity: "error" | "warning";
  file: string;
  /** 1-based line in the source file. */
  line: number;
  /** Catalogue position of the card concerned (1-based), when there is one. */
  card?: number;
  message: string;
};

export function issue(
  severity: ParseIssue["severity"],
  file: string,
  line: number,
  message: string,
  card?: number,
): ParseIssue {
  return card === undefined ? { severity, file, line, message } : { severity, file, line, card, message };
}
