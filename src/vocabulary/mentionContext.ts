/**
 * A mention's context in the review file: the catalogue text that names the node, so that the expert sees how the
 * card names it without opening the catalogue. It is the mention's line, or, where the line does not show the whole
 * name, its block: the table the line opens (a mention in a multi-line table is on its `<table>` line), else the
 * line and the next (a name wrapped over two). The markup is stripped as the importer strips it (HTML tags,
 * entities, Markdown emphasis and links: oneLineText), a table's rows joined by " / ", and a long text is cut to at
 * most CONTEXT_WIDTH characters around the name, at word boundaries, an ellipsis "…" where it was cut.
 */
import { HTML_TABLE, oneLineText, parseHtmlTable, renderRow } from "../ingest/text";
import { namesAll, whereNamed, type Span } from "./whereNamed";

/** About two lines of an editor: enough for the sentence around a name, short enough to scan a file of them. */
export const CONTEXT_WIDTH = 160;

/** How far a table the mention's line opens is read for the name. */
const TABLE_LINES = 40;

const ELLIPSIS = "…";

/**
 * The text around `spelling` at a catalogue line (1-based) of the file's lines (or the text's start, when it does
 * not name the node); undefined when it is blank.
 */
export function mentionContext(
  sourceLines: readonly string[],
  line: number,
  spelling: string,
  width = CONTEXT_WIDTH,
): string | undefined {
  const alone = plainText(sourceLines.slice(line - 1, line));
  const block = namesAll(alone, spelling) ? alone : plainText(sourceLines.slice(line - 1, blockEnd(sourceLines, line)));
  const text = namesAll(block, spelling) || alone === "" ? block : alone;
  if (text === "") return undefined;
  return cutAround(text, whereNamed(text, spelling) ?? { start: 0, end: 0 }, width);
}

/** The line after the block a line starts: to its table's end, if it opens one, else the next line. */
function blockEnd(lines: readonly string[], line: number): number {
  const opensTable = /<table\b(?![\s\S]*<\/table>)/i.test(lines[line - 1] ?? "");
  if (!opensTable) return line + 1;
  const closing = lines.slice(line, line + TABLE_LINES).findIndex((next) => /<\/table>/i.test(next));
  return closing < 0 ? line + TABLE_LINES : line + closing + 1;
}

/** Lines as one line of clean text, each table's rows joined by " / " rather than run together. */
function plainText(lines: readonly string[]): string {
  const tablesInline = lines.join("\n").replace(HTML_TABLE, (table) => {
    const { header, rows } = parseHtmlTable(table);
    return ` ${[header, ...rows].map(renderRow).join(" / ")} `;
  });
  return oneLineText(tablesInline);
}

/**
 * At most `width` characters of the text around the name, cut at word boundaries where a space is near enough,
 * else within a word; the room of a side not cut (no ellipsis there) goes to the other.
 */
function cutAround(text: string, name: Span, width: number): string {
  if (text.length <= width) return text;
  const room = width - 2 * ELLIPSIS.length;
  const slack = Math.max(0, room - (name.end - name.start));
  let from = Math.max(0, Math.min(name.start - Math.floor(slack / 2), text.length - room));
  let to = from + room;
  if (from === 0) to = width - ELLIPSIS.length;
  else if (to >= text.length) [from, to] = [text.length - (width - ELLIPSIS.length), text.length];
  from = wordStartFrom(text, from, name.start);
  to = wordEndBefore(text, { from, to }, name.end);
  return `${from > 0 ? ELLIPSIS : ""}${text.slice(from, to).trim()}${to < text.length ? ELLIPSIS : ""}`;
}

/** The first word's start at or after `from`, else the name's start (`limit`): a window never starts mid-word. */
function wordStartFrom(text: string, from: number, limit: number): number {
  if (from === 0 || text[from - 1] === " ") return from;
  const space = text.indexOf(" ", from);
  return space >= 0 && space < limit ? space + 1 : limit;
}

/** The last word's end in the window, not before the name's end (`limit`); else the window's end, within a word. */
function wordEndBefore(text: string, { from, to }: { from: number; to: number }, limit: number): number {
  if (to >= text.length || text[to] === " ") return to;
  const space = text.lastIndexOf(" ", to);
  return space > from && space >= limit ? space : to;
}
