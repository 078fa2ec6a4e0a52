/**
 * The job centres a field names. Besides designated names ("CPI di Palermo", "Cpl Tivoli"), cards name them bare
 * where the context says they are CPIs: in a table column headed "CPI" (card 2's results per CPI) and in a list of
 * CPIs (card 15's "i primi 5 centri per l'impiego: ..., Salerno, Avellino e Maddaloni (Ce)"). A bare name is read
 * as "CPI <name>", so it links only to a CPI the vocabulary knows, and only there: the "Salerno" of "Camera di
 * Commercio di Salerno" stays a chamber of commerce. A cell must be a CPI's name and nothing more, a list item must
 * start with one (`listedCpis`).
 */
import { canonicalizeCpiDesignators } from "../../reference/cpiNames";
import { tokenize } from "../../text/tokens";
import type { CardField, CardTable } from "../card";
import { lineAt } from "../text";
import { listedCpis } from "./cpiLists";
import type { Matcher, Span } from "./matcher";
import { textScanner, type FieldScanner, type Found } from "./scan";

/** A column heading is the designator, with at most one more word ("CPI", "Centro per l'impiego", "CPI coinvolto"). */
const MAX_HEADING_WORDS = 2;
/** A bare name is read with a designator in front. */
const DESIGNATOR = "CPI ";
/**
 * What a card writes after the words of a CPI's name, which the matcher does not read: an accent as an apostrophe
 * ("Senorbi'"), the dot of an abbreviation ("Tempio P."), a province in brackets ("Maddaloni (Ce)"), or the bracket
 * that closes the province of an alias ("Telesse (BN)").
 */
const NAME_SUFFIX = /^(?:['’.)]|\s*\(\p{L}{2}\))*/u;

/** A CPI's name in a field's text; `entry` is the CPI a bare name stands for (a designated one is found already). */
type Name<E> = Span & { entry?: E };

export function cpiScanner<E>(matcher: Matcher<E>): FieldScanner<E> {
  const scanText = textScanner(matcher);
  /** The CPI a bare name starts with, read as "CPI <name>", and the length of its name. */
  const bareCpi = (name: string): { entry: E; length: number } | undefined => {
    const hit = matcher.find(`${DESIGNATOR}${name}`).hits[0];
    return hit?.start === 0 ? { entry: hit.entry, length: suffixed(name, hit.end - DESIGNATOR.length) } : undefined;
  };
  const foundOn = (field: CardField, entry: E, line: number): Found<E> => ({
    entry,
    source: { field: field.key, line },
  });

  return (field) => {
    const { text } = field;
    const scan = scanText(field);
    const named = scan.hits.map((span, index) => ({ span, found: scan.found[index]! }));
    const nameAt = (span: Span): Name<E> | undefined => {
      const designated = scan.hits.find((hit) => hit.start <= span.start && span.start < hit.end);
      if (designated !== undefined) return { start: designated.start, end: suffixed(text, designated.end) };
      const bare = bareCpi(text.slice(span.start, span.end));
      return bare && { start: span.start, end: span.start + bare.length, entry: bare.entry };
    };
    for (const name of listedCpis(text, nameAt)) {
      // Lists from successive designators overlap: card 14's "Napoli Scampia" is in the list of each CPI before it.
      if (name.entry === undefined || named.some(({ span }) => span.start === name.start)) continue;
      named.push({ span: name, found: foundOn(field, name.entry, lineAt(field.lineMap, name.start)) });
    }
    named.sort((a, b) => a.span.start - b.span.start);
    // Table cells come last, each on its row's line: the field's text holds the table only as rendered.
    const inTables = field.tables.flatMap((table, index) =>
      cpiColumnCells(table).flatMap(({ name, row }) => {
        const bare = bareCpi(name);
        const line = field.tableLines[index]?.[row + 1] ?? field.startLine;
        return bare?.length === name.length ? [foundOn(field, bare.entry, line)] : [];
      }),
    );
    return {
      found: [...named.map(({ found }) => found), ...inTables],
      hits: named.map(({ span }) => span),
      blocked: scan.blocked,
    };
  };
}

/** Where a name that the matcher ends at `end` ends in the text. */
function suffixed(text: string, end: number): number {
  return end + NAME_SUFFIX.exec(text.slice(end))![0].length;
}

/** The cells of a table's CPI columns, each with its row (from 0, the header aside). */
function cpiColumnCells(table: CardTable): Array<{ name: string; row: number }> {
  const columns = table.header.flatMap((heading, column) => (isCpiHeading(heading) ? [column] : []));
  return table.rows.flatMap((cells, row) => columns.map((column) => ({ name: cells[column] ?? "", row })));
}

function isCpiHeading(heading: string): boolean {
  const words = canonicalizeCpiDesignators(tokenize(heading)).map((token) => token.text);
  return words.includes("cpi") && words.length <= MAX_HEADING_WORDS;
}
