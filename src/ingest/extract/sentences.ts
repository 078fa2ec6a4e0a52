/**
 * How a field's text divides into sentences and list items, as spans of it: unknown mentions and listed job centres
 * are read from the same divisions.
 */
import type { Span } from "./matcher";

/** A sentence's full stop, not the dot of a one-letter abbreviation ("Settore n. 2", "Tempio P."). */
export const FULL_STOP = /(?<!(?:^|[^\p{L}])\p{L})[.!?](?=\s|$)/u;

/** The non-blank parts of `within` between the matches of `separator` (a global expression). */
export function splitSpans(text: string, within: Span, separator: RegExp): Span[] {
  const parts: Span[] = [];
  let start = within.start;
  for (const match of text.slice(within.start, within.end).matchAll(separator)) {
    parts.push({ start, end: within.start + match.index });
    start = within.start + match.index + match[0].length;
  }
  parts.push({ start, end: within.end });
  return parts.filter((part) => text.slice(part.start, part.end).trim() !== "");
}
