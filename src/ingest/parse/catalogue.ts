/**
 * Finds the practice cards of a catalogue and their fields.
 *
 * A card is anchored on its SCHEDA row (a number printed after a "Scheda" label); it starts at
 * the numbered heading just above it ("**1 Regione Piemonte – ...**", "## 2 ...", a plain
 * "12 Regione Calabria – ..." possibly wrapped on two lines) and ends where the next card starts.
 * Cards are identified by their order, matched against the catalogue's index: the printed
 * number is not unique (cards 11-14 of the 2023 catalogue print 012, 013, 014, 014).
 * Never throws: whatever is wrong is returned as issues with the line to look at.
 */
import { type ParsedCard } from "../card";
import { titlesAgree } from "../practiceTitle";
import { cleanTitle, oneLineText } from "../text";
import { readCardFields } from "./card";
import { readIndex, type IndexEntry } from "./catalogueIndex";
import { mandatoryFieldIssues } from "./completeness";
import { issue, type ParseIssue } from "./issue";
import { matchLabel } from "./labels";

export type ParseResult = { index: IndexEntry[]; cards: ParsedCard[]; issues: ParseIssue[] };

/** "12 Regione Calabria – ...", "1100 Regione ...": a catalogue may hold any number of cards. */
const HEADING_NUMBER = /^(\d+)\s+\S/;
/** A heading wrapped by the PDF conversion spans at most this many lines. */
const MAX_HEADING_LINES = 3;

/** A file's lines, whatever its line endings (CRLF, CR or LF): what every position in a catalogue refers to. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

export function parseCatalogue(lines: readonly string[], file: string): ParseResult {
  const issues: ParseIssue[] = [];
  const index = readIndex(lines);
  if (!index) issues.push(issue("error", file, 1, "no catalogue index ('Situazione Catalogo') found"));

  const anchors = lines.flatMap((line, i) => (isCardNumberRow(line) ? [i] : []));
  const starts = anchors.map((anchor) => headingStart(lines, anchor) ?? anchor);
  const cards = anchors.map((anchor, k): ParsedCard => {
    const catalogNumber = k + 1;
    const start = starts[k] ?? anchor;
    const end = lastNonBlank(lines, start, (starts[k + 1] ?? lines.length) - 1);
    const heading = start < anchor ? oneLineText(lines.slice(start, anchor).join("\n")) : "";
    const read = readCardFields({ lines, file, catalogNumber }, anchor, end);
    issues.push(...read.issues, ...headingIssues(file, heading, start + 1, catalogNumber));
    return { catalogNumber, heading, fields: read.fields, startLine: start + 1, endLine: end + 1 };
  });

  for (const card of cards) issues.push(...mandatoryFieldIssues(file, card));
  // A file cut between the index heading and its first row has neither rows nor cards, and would load as nothing.
  if (index && index.entries.length === 0) {
    issues.push(
      issue(
        "error",
        file,
        index.line,
        "the index ('Situazione Catalogo') lists no practice: no row '001<TAB>«title» ...' follows it",
      ),
    );
  }
  if (cards.length === 0) {
    issues.push(
      issue(
        "error",
        file,
        index?.line ?? 1,
        "no practice card found (a card starts at a 'SCHEDA<TAB>number' row): was the file cut short?",
      ),
    );
  }
  if (index && index.entries.length !== cards.length) {
    issues.push(
      issue(
        "error",
        file,
        index.line,
        `the index lists ${index.entries.length} practices but ${cards.length} cards were found`,
      ),
    );
  }
  if (index) issues.push(...indexTitleIssues(file, index.entries, cards));
  return { index: index?.entries ?? [], cards, issues };
}

/**
 * Practice ids are positions in the index, read from the order of the cards: each row must name its card, or the ids
 * would go to the wrong practices (a card left out with another's row, rows moved).
 */
function indexTitleIssues(file: string, entries: readonly IndexEntry[], cards: readonly ParsedCard[]): ParseIssue[] {
  return entries.flatMap((entry, k) => {
    const card = cards[k];
    const title = cleanTitle(card?.fields.title?.text ?? "");
    if (card === undefined || title === "" || titlesAgree(entry.title, title)) return [];
    return [
      issue(
        "error",
        file,
        entry.line,
        `index row ${k + 1} names '${entry.title}', but card ${k + 1} (line ${card.startLine}) is '${title}': ` +
          "the index and the cards must list the practices in the same order, since ids are index positions",
        card.catalogNumber,
      ),
    ];
  });
}

/** "SCHEDA<TAB>001": a card-number label followed by a number (the template's "Scheda" row has none). */
function isCardNumberRow(line: string): boolean {
  const [label, value] = line.split("\t");
  return value !== undefined && matchLabel(oneLineText(label ?? "")) === "cardNumber" && /\d/.test(oneLineText(value));
}

/** The first line of the numbered heading right above a SCHEDA row, if there is one. */
function headingStart(lines: readonly string[], anchor: number): number | undefined {
  let i = anchor - 1;
  while (i >= 0 && /^\s*$/.test(lines[i] ?? "")) i--;
  let start: number | undefined;
  for (let taken = 0; taken < MAX_HEADING_LINES && i >= 0; taken++, i--) {
    const line = lines[i] ?? "";
    if (/^\s*$/.test(line) || line.includes("\t")) break;
    if (HEADING_NUMBER.test(oneLineText(line))) start = i;
  }
  return start;
}

function headingIssues(file: string, heading: string, line: number, catalogNumber: number): ParseIssue[] {
  const printed = HEADING_NUMBER.exec(heading)?.[1];
  if (printed === undefined) {
    return [issue("warning", file, line, "card without a numbered heading above its SCHEDA row", catalogNumber)];
  }
  if (Number(printed) !== catalogNumber) {
    return [
      issue(
        "warning",
        file,
        line,
        `heading numbered ${printed} is card ${catalogNumber} in catalogue order`,
        catalogNumber,
      ),
    ];
  }
  return [];
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
  let end = to;
  while (end > from && /^\s*$/.test(lines[end] ?? "")) end--;
  return end;
}
