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
import {
  HTML_TABLE,
  oneLineText,
  parseHtmlTable,
  renderRow,
  sameTable,
  SourceText,
  sourceMarkdownToText,
  tableCells,
} from "../text";
import { issue, type ParseIssue } from "./issue";
import { continuesLabel, matchLabel } from "./labels";

export type CardSource = { lines: readonly string[]; file: string; catalogNumber: number };

/** `lines`: the source line of each row. */
type OpenTable = { rows: string[][]; lines: number[]; firstLine: number; lastLine: number; pipe: boolean };
/** `lineNumbers`: the source line of each of `lines` (a footnote between two of them is left out). */
type OpenParagraph = { lines: string[]; lineNumbers: number[]; firstLine: number; lastLine: number };

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

/**
 * Reads a card's lines in order. Each field's text is composed of blocks of SourceText, which keep the line each part
 * of them was read from through markup removal and joins: the field gets its text and line map when the card is read.
 */
class FieldReader {
  private readonly fields: Partial<Record<CardFieldKey, CardField>> = {};
  /** Each field's blocks, with the separators between them. */
  private readonly texts = new Map<CardField, Array<SourceText | string>>();
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
      this.paragraph.lineNumbers.push(lineNo);
      this.paragraph.lastLine = lineNo;
    } else {
      this.paragraph = { lines: [line], lineNumbers: [lineNo], firstLine: lineNo, lastLine: lineNo };
    }
  }

  finish(): { fields: Partial<Record<CardFieldKey, CardField>>; issues: ParseIssue[] } {
    this.flushParagraph();
    this.flushTable();
    for (const [field, parts] of this.texts) {
      const text = SourceText.concat(parts);
      field.text = text.text;
      field.lineMap = text.map;
    }
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
    const field: CardField = {
      key,
      label,
      text: "",
      lineMap: { offsets: [0], lines: [lineNo] },
      tables: [],
      tableLines: [],
      startLine: lineNo,
      endLine: lineNo,
    };
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
    for (const table of newTables) {
      field.tables.push(table);
      field.tableLines.push([table.header, ...table.rows].map(() => lineNo));
    }
    this.appendText(field, sourceMarkdownToText(SourceText.of(value, lineNo)));
    // The PDF conversion sometimes repeats a table's cells after it on the same row: drop the copy.
    const repeated = tables.flatMap(tableCells).join("\t");
    const extraText = extra.map(oneLineText).filter(Boolean);
    if (extraText.length && extraText.join("\t") !== repeated) {
      this.appendText(field, SourceText.of(extraText.join(" | "), lineNo));
    }
    field.endLine = lineNo;
  }

  private addTableRow(cells: string[], lineNo: number, pipe: boolean): void {
    if (this.table && this.table.pipe === pipe) {
      this.table.rows.push(cells);
      this.table.lines.push(lineNo);
      this.table.lastLine = lineNo;
    } else {
      this.flushTable();
      this.table = { rows: [cells], lines: [lineNo], firstLine: lineNo, lastLine: lineNo, pipe };
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
      this.appendText(field, SourceText.of(header.filter(Boolean).join(" | "), open.firstLine));
    } else {
      const table: CardTable = { header, rows };
      // A table already read from HTML may follow again as tab rows: keep it once.
      if (!field.tables.some((known) => sameTable(known, table))) {
        field.tables.push(table);
        field.tableLines.push(open.lines);
        // As renderTable writes it, each row on its own line.
        const rendered = open.rows.map((row, i) => SourceText.of(renderRow(row), open.lines[i]!));
        this.appendText(field, SourceText.join(rendered, "\n"));
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
    const lines = open.lines.map((text, i) => ({ text, line: open.lineNumbers[i]! }));
    this.appendText(this.current, sourceMarkdownToText(SourceText.ofLines(lines)));
    this.current.endLine = open.lastLine;
  }

  /**
   * Adds a block of text to a field. A block that starts in lower case after text that stops
   * mid-sentence is the same paragraph cut by a page break: it is joined with a space.
   */
  private appendText(field: CardField, block: SourceText): void {
    if (block.text === "") return;
    const parts = this.texts.get(field);
    const last = parts?.at(-1); // a block: separators only ever come before one
    if (parts === undefined || !(last instanceof SourceText)) {
      this.texts.set(field, [block]);
      return;
    }
    const cut = /[\p{L}\d,]$/u.test(last.text) && /^\p{Ll}/u.test(block.text);
    parts.push(cut ? " " : "\n\n", block);
  }

  private warn(line: number, message: string): void {
    this.issues.push(issue("warning", this.source.file, line, message, this.source.catalogNumber));
  }
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
