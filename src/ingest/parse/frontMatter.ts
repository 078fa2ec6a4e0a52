/**
 * What a catalogue says about itself on its first pages: title, publisher, edition year and the date
 * its list of practices describes ("Situazione Catalogo all' 11/12/2023").
 */
import { oneLineText } from "../text";
import { issue, type ParseIssue } from "./issue";

export type FrontMatter = { title: string; publisher: string; year: number; asOf: string };

const EDITION = /^#*\s*Catalogo\s+((?:19|20)\d{2})\s*$/i;
const AS_OF = /Situazione Catalogo all['’]?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/i;
/** The cover lines before the edition heading hold the title, then the publisher's logo text. */
const COVER_LINES = 30;

export function readFrontMatter(lines: readonly string[], file: string): { frontMatter?: FrontMatter; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const editionLine = lines.slice(0, COVER_LINES).findIndex((line) => EDITION.test(line));
  const asOfLine = lines.findIndex((line) => AS_OF.test(line));
  if (editionLine < 0) issues.push(issue("error", file, 1, "no edition heading ('# Catalogo YYYY') on the cover"));
  if (asOfLine < 0) issues.push(issue("error", file, 1, "no 'Situazione Catalogo all' dd/mm/yyyy' date"));
  if (editionLine < 0 || asOfLine < 0) return { issues };

  const year = Number(EDITION.exec(lines[editionLine]!)![1]);
  const [, day, month, asOfYear] = AS_OF.exec(lines[asOfLine]!)!;
  const asOf = `${asOfYear}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  const coverTitle = oneLineText(lines.slice(0, editionLine).join(" "));
  const title = `${coverTitle ? `${coverTitle} – ` : ""}Catalogo ${year}`;
  const afterEdition = lines.slice(editionLine + 1, editionLine + 6).join(" ");
  const publisher = /ANPAL\W+Servizi/i.test(afterEdition) ? "ANPAL Servizi" : oneLineText(afterEdition).split(/\s{2,}/)[0] ?? "";
  if (!publisher) issues.push(issue("warning", file, editionLine + 2, "no publisher found under the edition heading"));
  return { frontMatter: { title, publisher: publisher || "unknown", year, asOf }, issues };
}
