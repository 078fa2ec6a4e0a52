/**
 * The year a practice started, read from free text ("A partire dal 2008 ...", "avviata il 13/11/20",
 * "AVVIO MARZO 2022"). Relative phrases ("attiva da circa 1 anno") give no year: they depend on when
 * the card was written, which the catalogue does not say, so nothing is derived from them.
 */

const EARLIEST_PLAUSIBLE_YEAR = 1990;
/** dd/mm/yy or dd/mm/yyyy (also with dots or dashes). */
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b/g;
/** "4/2018", "L.56/87", "DGR 267/2019", but also the school year "2022/23". */
const NUMBER_SLASH_YEAR = /\b(\d+)\/(\d{2}|\d{4})\b/g;
const YEAR = /\b(19\d{2}|20\d{2})\b/g;

/** The earliest plausible year (up to `latestYear`) the text mentions, or undefined. */
export function earliestYear(text: string, latestYear: number): number | undefined {
  const years: number[] = [];
  const withoutDates = text.replace(DATE, (_date, year: string) => {
    years.push(year.length === 2 ? 2000 + Number(year) : Number(year));
    return " ";
  });
  const withoutActs = withoutDates.replace(NUMBER_SLASH_YEAR, (_whole, first: string, second: string) =>
    isSchoolYear(first, second) ? first : " ",
  );
  for (const match of withoutActs.matchAll(YEAR)) years.push(Number(match[1]));
  const plausible = years.filter((year) => year >= EARLIEST_PLAUSIBLE_YEAR && year <= latestYear);
  return plausible.length ? Math.min(...plausible) : undefined;
}

/** "2022/23" or "2022/2023" is a school year (keep 2022); "4/2018" is an act number and its year. */
function isSchoolYear(first: string, second: string): boolean {
  const start = Number(first);
  return first.length === 4 && Number(second) % 100 === (start + 1) % 100;
}
