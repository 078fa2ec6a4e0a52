/**
 * Reads the labelled fields of one practice card from its source lines.
 *
 * The catalogue mixes several layouts, sometimes inside one card:
 * - `LABEL<TAB>value` rows, the label possibly wrapped in <b>/<p>;
 * - a label alone on its own paragraph (bold, a Markdown heading, or wrapped over several lines),
 *   with the value in the following paragraph(s);
 * - values continued on rows whose first cell is empty, or by plain paragraphs up to the next label;
 * - tables: `<table>` inside a value, tab-separated rows, Markdown pipe rows.
 * Everything up to the next label belongs to the current field, so text after the last label
 * (page-broken conclusions, annexes) ends up in the last field.
 */
import type { CardField, CardFieldKey, CardTable } from "../card";
import { HTML_TABLE, markdownToText, oneLineText, parseHtmlTable, renderTable, sameTable, tableCells } from "../text";
import { issue, type ParseIssue } from "./issue";
import { continuesLabel, matchLabel } from "./labels";

export type CardSource = { lines: readonly string[]; file: string; catalogNumber: number };

type OpenTable = { rows: string[][]; firstLine: number; lastLine: number; pipe: boolean };
type OpenParagraph = { lines: string[]; firstLine: number; lastLine: number };

const BLANK = /^\s*$/;
/** `<sup>2</sup> In allegato ...`: a footnote of the PDF page, not part of any field. */
const FOOTNOTE = /^\s*<sup>\s*\d+\s*<\/sup>/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?[\s:|-]+\|?\s*$/;

/** Reads the fields found between 0-based lines `from` and `to` (inclusive). */
export function readCardFields(
  source: CardSource,
  from: number,
  to: number,
): { fields: Partial<Record<CardFieldKey, CardField>>; issues: ParseIssue[] } {
  const reader = new FieldReader(source);
  for (let i = from; i <= to; i++) reader.readLine(source.lines[i] ?? "", i + 1);
  return reader.finish();
}

class FieldReader {
  private readonly fields: Partial<Record<CardFieldKey, CardField>> = {};
  private readonly issues: ParseIssue[] = [];
  private current: CardField | undefined;
  private table: OpenTable | undefined;
  private paragraph: OpenParagraph | undefined;

  constructor(private readonly source: CardSource) {}

  readLine(line: string, lineNo: number): void {
    if (FOOTNOTE.test(line) && !line.includes("\t")) return;
    if (BLANK.test(line)) {
      this.flushParagraph();
      this.flushTable();
      return;
    }
    if (line.includes("\t")) {
      this.flushParagraph();
      this.readTabRow(line, lineNo);
      return;
    }
    if (PIPE_ROW.test(line)) {
      this.flushParagraph();
      if (this.table && !this.table.pipe) this.flushTable();
      if (!PIPE_SEPARATOR.test(line)) this.addTableRow(splitPipeRow(line), lineNo, true);
      return;
    }
    this.flushTable();
    if (this.paragraph) {
      this.paragraph.lines.push(line);
      this.paragraph.lastLine = lineNo;
    } else {
      this.paragraph = { lines: [line], firstLine: lineNo, lastLine: lineNo };
    }
  }

  finish(): { fields: Partial<Record<CardFieldKey, CardField>>; issues: ParseIssue[] } {
    this.flushParagraph();
    this.flushTable();
    return { fields: this.fields, issues: this.issues };
  }

  private readTabRow(line: string, lineNo: number): void {
    const cells = withoutTrailingEmptyCells(line.split("\t"));
    const first = oneLineText(cells[0] ?? "");
    const key = first ? this.newLabel(first) : undefined;
    if (key) {
      this.flushTable();
      this.startField(key, first, lineNo);
      this.appendValue(cells.slice(1), lineNo);
    } else if (first && this.current && continuesLabel(this.current.key, this.current.label, first)) {
      this.flushTable();
      this.current.label = `${this.current.label} ${first}`;
      this.appendValue(cells.slice(1), lineNo);
    } else if (first || (this.table && cells.length > 2)) {
      // A row of a tab-separated table (its first cell may be empty, e.g. a totals row).
      this.addTableRow(cells.map(oneLineText), lineNo, false);
    } else {
      this.flushTable();
      this.appendValue(cells.slice(1), lineNo); // "<TAB>value": the value goes on
    }
  }

  /** A label starts a field only once per card: a later "AMBITO TERRITORIALE" is a table header. */
  private newLabel(text: string): CardFieldKey | undefined {
    const key = matchLabel(text);
    return key && !this.fields[key] ? key : undefined;
  }

  private startField(key: CardFieldKey, label: string, lineNo: number): CardField {
    const field: CardField = { key, label, text: "", tables: [], startLine: lineNo, endLine: lineNo };
    this.current = field;
    this.fields[key] = field;
    return field;
  }

  private appendValue(cells: string[], lineNo: number): void {
    const field = this.current;
    if (!field) return;
    const [value = "", ...extra] = cells;
    const tables = [...value.matchAll(HTML_TABLE)].map((match) => parseHtmlTable(match[0]));
    const newTables = tables.filter((table) => !field.tables.some((known) => sameTable(known, table)));
    field.tables.push(...newTables);
    appendText(field, markdownToText(value));
    // The PDF conversion sometimes repeats a table's cells after it on the same row: drop the copy.
    const repeated = tables.flatMap(tableCells).join("\t");
    const extraText = extra.map(oneLineText).filter(Boolean);
    if (extraText.length && extraText.join("\t") !== repeated) appendText(field, extraText.join(" | "));
    field.endLine = lineNo;
  }

  private addTableRow(cells: string[], lineNo: number, pipe: boolean): void {
    if (this.table && this.table.pipe === pipe) {
      this.table.rows.push(cells);
      this.table.lastLine = lineNo;
    } else {
      this.flushTable();
      this.table = { rows: [cells], firstLine: lineNo, lastLine: lineNo, pipe };
    }
  }

  private flushTable(): void {
    const open = this.table;
    this.table = undefined;
    const field = this.current;
    if (!open || !field) return;
    const [header = [], ...rows] = open.rows;
    if (rows.length === 0) {
      // A lone row is not a table; a question in its first cell is probably a label we do not know.
      if (header[0]?.trim().endsWith("?")) {
        this.warn(open.firstLine, `unrecognised label '${header[0]}': its row was added to field '${field.key}'`);
      }
      appendText(field, header.filter(Boolean).join(" | "));
    } else {
      const table: CardTable = { header, rows };
      // A table already read from HTML may follow again as tab rows: keep it once.
      if (!field.tables.some((known) => sameTable(known, table))) {
        field.tables.push(table);
        appendText(field, renderTable(table));
      }
    }
    field.endLine = open.lastLine;
  }

  private flushParagraph(): void {
    const open = this.paragraph;
    this.paragraph = undefined;
    if (!open) return;
    const raw = open.lines.join("\n");
    const label = oneLineText(raw);
    const key = isUpperCase(label) ? this.newLabel(label) : undefined;
    if (key) {
      this.startField(key, label, open.firstLine).endLine = open.lastLine;
      return;
    }
    if (!this.current) return;
    appendText(this.current, markdownToText(raw));
    this.current.endLine = open.lastLine;
  }

  private warn(line: number, message: string): void {
    this.issues.push(issue("warning", this.source.file, line, message, this.source.catalogNumber));
  }
}

/**
 * Adds a block of text to a field. A block that starts in lower case after text that stops
 * mid-sentence is the same paragraph cut by a page break: it is joined with a space.
 */
function appendText(field: CardField, block: string): void {
  if (!block) return;
  if (!field.text) field.text = block;
  else if (/[\p{L}\d,]$/u.test(field.text) && /^\p{Ll}/u.test(block)) field.text = `${field.text} ${block}`;
  else field.text = `${field.text}\n\n${block}`;
}

function isUpperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function withoutTrailingEmptyCells(cells: string[]): string[] {
  const kept = [...cells];
  while (kept.length > 1 && BLANK.test(kept[kept.length - 1] ?? "")) kept.pop();
  return kept;
}

function splitPipeRow(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(oneLineText);
}
