/**
 * What a catalogue says about itself on its first pages: title, publisher, edition year and the date its list of
 * practices describes ("Situazione Catalogo all' 11/12/2023"). Covers come as their authors wrote them: "# Catalogo
 * 2023", or "# Catalogo di buone prassi della Regione Lazio" with no year, which the editor then gives with
 * `--edition`; a status line without a date is only a warning, since nothing is identified by it.
 */
import { plainTypography } from "../../text/typography";
import { oneLineText } from "../text";
import { issue, type ParseIssue } from "./issue";

export type FrontMatter = {
  title: string;
  publisher: string;
  year: number;
  asOf: string;
  /** The cover's text up to its edition heading included: where a regional catalogue names its region. */
  cover: string;
};

/** "# Catalogo 2023", "Catalogo 2023", "# **Catalogo di buone prassi 2024**", "# Catalogo di ...". */
const EDITION_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?\s*(Catalogo\b.*?)\s*(?:\*\*)?\s*$/i;
const YEAR = /\b((?:19|20)\d{2})\b/;
const AS_OF = /Situazione\s+Catalogo\s+al(?:l\s*'?)?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/i;
/** Where the cover ends at the latest: the table of contents, the status line or the index. */
const AFTER_COVER = /situazione\s+catalogo|^\s*#+\s*sommario\b|^\s*\d+\t/i;
/**
 * ANPAL Servizi is the publisher when its name comes first under the heading ("**ANPAL**  \nServizi", its logo's
 * text); "in collaborazione con ANPAL Servizi" makes it a partner of someone else's catalogue.
 */
const ANPAL_FIRST = /^\W*ANPAL\W+Servizi\b/i;
/** The cover lines before the edition heading hold the title, then the publisher's logo text. */
const COVER_LINES = 30;
/** The day a catalogue without a status date is recorded as of: the end of its edition year. */
const END_OF_YEAR = "12-31";

/** `edition`: the year given on the command line (--edition), for a cover that has none. */
export function readFrontMatter(
  rawLines: readonly string[],
  file: string,
  edition?: number,
): { frontMatter?: FrontMatter; issues: ParseIssue[] } {
  const lines = rawLines.map(plainTypography);
  const coverEnd = coverLength(lines);
  const headingLine = editionHeadingLine(lines, coverEnd);
  const heading = headingLine < 0 ? undefined : oneLineText(EDITION_HEADING.exec(lines[headingLine]!)![1]!);
  const printed = heading === undefined ? undefined : YEAR.exec(heading)?.[1];
  const printedYear = printed === undefined ? undefined : Number(printed);
  const at = headingLine < 0 ? 1 : headingLine + 1;
  const headingSays =
    heading === undefined ? "the cover has no '# Catalogo ...' heading" : `the cover says '${heading}'`;
  if (printedYear !== undefined && edition !== undefined && printedYear !== edition) {
    const message = `${headingSays} but --edition says ${edition}: practice ids take the year`;
    return { issues: [issue("error", file, at, message)] };
  }
  const year = printedYear ?? edition;
  if (year === undefined) {
    const message = `${headingSays}, with no edition year: give it with --edition YYYY`;
    return { issues: [issue("error", file, at, message)] };
  }

  const issues: ParseIssue[] = [];
  const asOfLine = lines.findIndex((line) => AS_OF.test(line));
  let asOf = `${year}-${END_OF_YEAR}`;
  if (asOfLine < 0) {
    const message = `no status date ('Situazione Catalogo all' dd/mm/yyyy'): the catalogue is recorded as of ${asOf}`;
    issues.push(issue("warning", file, at, message));
  } else {
    const [, day, month, asOfYear] = AS_OF.exec(lines[asOfLine]!)!;
    asOf = `${asOfYear}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
    // A list is drawn up in its edition year or reviewed in the next: another year is a typo in the date or the year.
    if (Number(asOfYear) < year || Number(asOfYear) > year + 1) {
      const message =
        `the status date ${asOf} is not in the edition year ${year} or the year after: check the status line ` +
        `or the edition year`;
      issues.push(issue("warning", file, asOfLine + 1, message));
    }
  }

  // The title is the cover's, never the status line or the index, whichever way the file orders them.
  const titleEnd = headingLine < 0 ? coverEnd : Math.min(headingLine, coverEnd);
  const coverTitle = oneLineText(rawLines.slice(0, titleEnd).join(" "));
  const named = heading === undefined ? `Catalogo ${year}` : printed === undefined ? `${heading} (${year})` : heading;
  const title = `${coverTitle ? `${coverTitle} – ` : ""}${named}`;
  const underHeading = headingLine < 0 ? [] : lines.slice(headingLine + 1, headingLine + 6);
  const afterEdition = underHeading.filter((line) => !AFTER_COVER.test(line)).join(" ");
  const firstWords = oneLineText(afterEdition).split(/\s{2,}/)[0] ?? "";
  const publisher = ANPAL_FIRST.test(afterEdition) ? "ANPAL Servizi" : firstWords;
  if (!publisher) issues.push(issue("warning", file, at + 1, "no publisher found under the edition heading"));
  const cover = oneLineText([...rawLines.slice(0, titleEnd), heading ?? ""].join(" "));
  return { frontMatter: { title, publisher: publisher || "unknown", year, asOf, cover }, issues };
}

/**
 * The edition heading: "# Catalogo ..." on the cover, or "Catalogo YYYY" anywhere in its first lines (a short file
 * may print its status line and index above it); -1 when there is none.
 */
function editionHeadingLine(lines: readonly string[], coverEnd: number): number {
  return lines.slice(0, COVER_LINES).findIndex((line, i) => {
    const heading = EDITION_HEADING.exec(line)?.[1];
    return heading !== undefined && (i < coverEnd || YEAR.test(heading));
  });
}

/** The number of lines the cover can span: up to the first line that belongs to what follows it. */
function coverLength(lines: readonly string[]): number {
  const end = lines.slice(0, COVER_LINES).findIndex((line) => AFTER_COVER.test(line));
  return end < 0 ? Math.min(COVER_LINES, lines.length) : end;
}
