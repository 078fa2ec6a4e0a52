/**
 * Reads the catalogue's own index ("Situazione Catalogo"): one tab-separated row per published
 * practice, "001<TAB>«Title» - <u>Region</u><TAB>summary". Its order is the identity of the cards.
 */
import { inlineText } from "../../text/inline";
import { plainTypography } from "../../text/typography";
import { cleanTitle } from "../text";

export type IndexEntry = { number: number; title: string; region?: string; line: number };

const INDEX_HEADING = /situazione\s+catalogo/i;
const TABLE_OF_CONTENTS_DOTS = /\.{4,}/;
/** "001<TAB>...", "1100<TAB>...": as many digits as the catalogue has practices. */
const ENTRY_ROW = /^\s*(\d+)\t+(.*)$/;
const MARKDOWN_HEADING = /^\s*#{1,6}\s/;

/** The index entries and the line of the index heading, or undefined when the catalogue has no index. */
export function readIndex(lines: readonly string[]): { entries: IndexEntry[]; line: number } | undefined {
  const start = lines.findIndex((line) => INDEX_HEADING.test(line) && !TABLE_OF_CONTENTS_DOTS.test(line));
  if (start < 0) return undefined;
  const entries: IndexEntry[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (MARKDOWN_HEADING.test(line)) break; // the next section ("Schede di Buone Prassi")
    const row = ENTRY_ROW.exec(line);
    if (row) entries.push({ number: Number(row[1]), ...titleAndRegion(row[2]?.split("\t")[0] ?? ""), line: i + 1 });
  }
  return { entries, line: start + 1 };
}

/**
 * "«Job Club» - <u>Liguria</u>" and "Laboratori ... – Regione Lazio" name their region; other rows only a title. The
 * title is only compared with its card's, so it is read in plain typography: any dash separates the region.
 */
function titleAndRegion(typographic: string): { title: string; region?: string } {
  const cell = plainTypography(typographic);
  const underlined = /^(.*?)\s*-\s*<u>(.+?)<\/u>\s*$/s.exec(cell);
  if (underlined) return { title: cleanTitle(underlined[1] ?? ""), region: inlineText(underlined[2] ?? "") };
  const text = inlineText(cell);
  const named = /^(.*?)\s+-\s+Regione\s+(.+)$/.exec(text);
  if (named) return { title: cleanTitle(named[1] ?? ""), region: (named[2] ?? "").trim() };
  return { title: cleanTitle(text) };
}
