/** Inline text helpers shared by the markup cleaners and the matchers. */
import { plainTypography } from "./typography";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  euro: "€",
  deg: "°",
};

/** An HTML character reference ("&amp;", "&#8217;", "&#x2019;"), its name in the first group: see `decodeEntity`. */
export const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, decodeEntity);
}

/** What an `ENTITY` match stands for; an unknown name stays as written. */
export function decodeEntity(whole: string, name: string): string {
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Only real code points decode: "&#99999999;" would make fromCodePoint throw, so it stays as written.
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
}

/** Cell or label content on one line: tags dropped, entities decoded, whitespace collapsed. */
export function inlineText(html: string): string {
  return decodeEntities(html.replace(/<sup>\s*\d+\s*<\/sup>/gi, "").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A comparison key: lowercase, accents folded, apostrophes/punctuation as spaces.
 * "È", "E'" and "e" all become "e", so "QUAL È STATO" matches "QUAL E' STATO", and "allʼavvio" (a modifier
 * letter apostrophe) is two words as "all’avvio" is.
 */
export function foldForMatch(text: string): string {
  return plainTypography(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
