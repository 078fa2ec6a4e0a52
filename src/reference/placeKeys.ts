/**
 * The comparison keys of Italian place names. Two keys, tried in turn:
 * - exact: case, accents, apostrophes, hyphens and spaces ignored ("Cantù" = "CANTU'", "Sant'Angelo" = "Santangelo");
 * - loose: also "San", "Santa", "Santo", "Sant'", "S." as one word, "Santi", "SS." as another, and the linking
 *   prepositions dropped ("S. Angelo Lodigiano", "San Giovanni Persiceto", "Reggio Emilia" for "Reggio nell'Emilia").
 * The loose key keeps word boundaries: dropping a preposition must not glue "Castel di Lucio" into "Castellucio".
 */
import { foldForMatch } from "../text/inline";

/** Saint prefixes as cards abbreviate them; "s" and "ss" are what "S." and "SS." fold to. */
const SAINT_WORDS: ReadonlyMap<string, string> = new Map([
  ["san", "s"],
  ["santa", "s"],
  ["santo", "s"],
  ["sant", "s"],
  ["s", "s"],
  ["santi", "ss"],
  ["ss", "ss"],
]);

/** Articles and prepositions that link the words of a name (and that writers drop or change), as foldForMatch leaves them. */
const LINKING_WORDS: ReadonlySet<string> = new Set([
  "d",
  "da",
  "de",
  "del",
  "dell",
  "della",
  "dello",
  "dei",
  "degli",
  "delle",
  "di",
  "in",
  "nel",
  "nell",
  "nella",
  "nello",
  "nei",
  "negli",
  "nelle",
  "al",
  "all",
  "alla",
  "allo",
  "ai",
  "agli",
  "alle",
  "sul",
  "sull",
  "sulla",
  "sullo",
]);

export function words(text: string): string[] {
  const folded = foldForMatch(text);
  return folded === "" ? [] : folded.split(" ");
}

export function exactKey(text: string): string {
  return words(text).join("");
}

export function isLinkingWord(word: string): boolean {
  return LINKING_WORDS.has(word);
}

export function looseKey(text: string): string {
  return words(text)
    .filter((word) => !LINKING_WORDS.has(word))
    .map((word) => SAINT_WORDS.get(word) ?? word)
    .join(" ");
}
