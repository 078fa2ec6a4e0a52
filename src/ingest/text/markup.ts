/**
 * Turns the markup found in catalogue values (HTML from the PDF conversion, Markdown around it)
 * into clean text: list items are lines starting "- ", paragraphs are separated by one blank line.
 */
import { decodeEntity, ENTITY } from "../../text/inline";
import { SourceText } from "./sourceText";
import { HTML_TABLE, parseHtmlTable, renderTable } from "./table";

/** Bullets the cards use in front of list items ("•", "✓", "○", "o", dashes...), possibly repeated. */
const LEADING_BULLETS = /^(?:(?:[•●○◦▪■□✓✔➢►\-–—*]|o(?=\s))\s*)+/;

export function htmlToText(html: string): string {
  return sourceHtmlToText(SourceText.of(html, 0)).text;
}

/** Markdown paragraphs (headings, emphasis, links, escapes) possibly mixed with inline HTML. */
export function markdownToText(markdown: string): string {
  return sourceMarkdownToText(SourceText.of(markdown, 0)).text;
}

/** `markdownToText` of source lines, each part of the clean text with the line it was read from. */
export function sourceMarkdownToText(markdown: SourceText): SourceText {
  const lines = markdown.split("\n").map((line) =>
    line
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*|__/g, "")
      .replace(/(^|[\s(])\*(\S[^*\n]*?)\*(?=$|[\s).,;:!?])/g, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1"),
  );
  return sourceHtmlToText(SourceText.join(lines, "\n"));
}

function sourceHtmlToText(html: SourceText): SourceText {
  const text = html
    .replace(HTML_TABLE, (table) => `\n\n${renderTable(parseHtmlTable(table))}\n\n`)
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, "") // footnote references point at notes the parser drops
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/li>/gi, "\n")
    .replace(/<\/?(?:p|ul|ol|div|h[1-6]|blockquote|caption)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(ENTITY, decodeEntity);
  return tidyLines(text);
}

/** Markup reduced to one line of text (labels, table cells, headings). */
export function oneLineText(markup: string): string {
  return markdownToText(markup).replace(/\s+/g, " ").trim();
}

/** A title as a name: no quotes, markup or trailing punctuation. */
export function cleanTitle(text: string): string {
  return oneLineText(text)
    .replace(/["“”«»]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s.:;,]+$/, "")
    .trim();
}

function tidyLines(text: SourceText): SourceText {
  const lines = text.split("\n").map(tidyLine);
  const texts = lines.map((line) => line.text);
  const kept = lines.filter(({ text: line }, i) => {
    if (line === "-") return false; // an empty list item
    // Lists are written "</li> <li>", which leaves blank lines between items.
    return !(line === "" && isListItem(previousNonBlank(texts, i)) && isListItem(nextNonBlank(texts, i)));
  });
  if (kept.length === 0) return text.slice(0, 0);
  return SourceText.join(kept, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function tidyLine(raw: SourceText): SourceText {
  const line = raw.replace(/[\s\u00a0]+/g, " ").trim();
  if (!LEADING_BULLETS.test(line.text) || /^-?\d/.test(line.text.replace(/^-\s*/, "-"))) return line;
  const item = line.replace(LEADING_BULLETS, "").trim();
  return item.text ? item.prefixed("- ") : line.slice(0, 0).prefixed("-");
}

function isListItem(line: string | undefined): boolean {
  return line !== undefined && line.startsWith("- ");
}

function previousNonBlank(lines: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j]) return lines[j];
  return undefined;
}

function nextNonBlank(lines: string[], i: number): string | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]) return lines[j];
  return undefined;
}
