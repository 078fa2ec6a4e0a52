/**
 * The job centres a field names. Besides designated names ("CPI di Palermo", "Cpl Tivoli"), cards name them bare
 * where the context says they are CPIs: in a table column headed "CPI" (card 2's results per CPI) and in a list of
 * CPIs (card 15's "i primi 5 centri per l'impiego: ..., Salerno, Avellino e Maddaloni (Ce)"). A bare name is read
 * as "CPI <name>", so it links only to a CPI the vocabulary knows, and only there: the "Salerno" of "Camera di
 * Commercio di Salerno" stays a chamber of commerce.
 */
import type { CardField, CardTable } from "./card";
import { cpiLists } from "./extractCpiLists";
import { canonicalizeCpiDesignators } from "./extractCpiNames";
import type { LineLocator } from "./extractLines";
import type { Hit, Matcher } from "./extractMatcher";
import { textScanner, type FieldScanner, type Found } from "./extractScan";
import { tokenize } from "./extractTokens";

/** A column heading is the designator, with at most one more word ("CPI", "Centro per l'impiego", "CPI coinvolto"). */
const MAX_HEADING_WORDS = 2;

export function cpiScanner<E>(matcher: Matcher<E>, locate: LineLocator): FieldScanner<E> {
  const scanText = textScanner(matcher, locate);
  /** The CPI a bare name stands for, when "CPI <name>" starts with one of its aliases. */
  const asCpi = (name: string): Hit<E> | undefined => {
    const hit = matcher.find(`CPI ${name}`).hits[0];
    return hit?.start === 0 ? hit : undefined;
  };
  /** Located by its own words: a list item by the item, a table cell by its whole row (a name may recur above). */
  const foundAt = (field: CardField, entry: E, anchor: string): Found<E> => {
    const words = matcher.rewrite(tokenize(anchor)).map((token) => token.text);
    return { entry, source: { field: field.key, line: locate(field, words, matcher.rewrite) } };
  };

  return (field) => {
    const scan = scanText(field);
    const inText = scan.hits.map((span, index) => ({ span, found: scan.found[index]! }));
    for (const list of cpiLists(field.text)) {
      for (const item of list.items) {
        // Designated ("CPI Scafati, Salerno"), or in the list of an earlier designator too.
        if (inText.some(({ span }) => span.start < item.end && item.start < span.end)) continue;
        const name = field.text.slice(item.start, item.end);
        const hit = asCpi(name);
        if (hit === undefined && !list.introduced) break;
        if (hit !== undefined) inText.push({ span: item, found: foundAt(field, hit.entry, name) });
      }
    }
    inText.sort((a, b) => a.span.start - b.span.start);
    // Table cells come last and have no span: the field's text holds the table only as rendered.
    const inTables = field.tables.flatMap(cpiColumnCells).flatMap(({ name, row }) => {
      const hit = asCpi(name);
      return hit === undefined ? [] : [foundAt(field, hit.entry, row.join(" "))];
    });
    return {
      found: [...inText.map((named) => named.found), ...inTables],
      hits: inText.map((named) => named.span),
      blocked: scan.blocked,
    };
  };
}

function cpiColumnCells(table: CardTable): Array<{ name: string; row: string[] }> {
  const columns = table.header.flatMap((heading, column) => (isCpiHeading(heading) ? [column] : []));
  return table.rows.flatMap((row) => columns.map((column) => ({ name: row[column] ?? "", row })));
}

function isCpiHeading(heading: string): boolean {
  const words = canonicalizeCpiDesignators(tokenize(heading)).map((token) => token.text);
  return words.includes("cpi") && words.length <= MAX_HEADING_WORDS;
}
