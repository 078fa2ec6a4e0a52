/**
 * Typographic apostrophes, quotes and dashes to their plain forms (' " -), one character for one, so that offsets
 * found in the plain text are offsets in the text as written. Catalogues come from word processors and PDF
 * conversions: "all’ 15/03/2025", "allʼavvio" (a modifier letter, which Unicode counts as a letter and would glue
 * two words together), «titles» and – dashes must read as their plain spellings wherever text is recognised.
 */

/** ‘ ’ ‚ ‛ ʹ ʼ ˈ ´ ` ′ ＇ */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02B9\u02BC\u02C8\u00B4\u0060\u2032\uFF07]/g;
/** “ ” „ ‟ « » ‹ › ″ ＂ */
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u2033\uFF02]/g;
/** ‐ ‑ ‒ – — ― − ﹘ ﹣ － */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

export function plainTypography(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(DASHES, "-");
}
