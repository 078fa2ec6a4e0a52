import { inlineText } from "../../text/inline";
import type { CardTable } from "../card";

export const HTML_TABLE = /<table\b[^>]*>[\s\S]*?<\/table>/gi;

/** Reads one `<table>` element: the first row is the header, the others the body. */
export function parseHtmlTable(tableHtml: string): CardTable {
  const rows = [...tableHtml.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t\1>/gi)].map((cell) => inlineText(cell[2] ?? "")),
  );
  return { header: rows[0] ?? [], rows: rows.slice(1) };
}

/** The table as text lines, cells separated by " | ", so that it stays readable (and searchable) in the field text. */
export function renderTable(table: CardTable): string {
  return [table.header, ...table.rows].map(renderRow).join("\n");
}

/** One row of a rendered table. */
export function renderRow(row: readonly string[]): string {
  return row.join(" | ");
}

export function sameTable(a: CardTable, b: CardTable): boolean {
  return renderTable(a) === renderTable(b);
}

/** All the cells of a table in reading order (to recognise a table repeated as loose cells). */
export function tableCells(table: CardTable): string[] {
  return [table.header, ...table.rows].flat();
}
