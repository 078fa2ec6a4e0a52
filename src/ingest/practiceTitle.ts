/**
 * Whether two titles name the same practice. Practice ids are positions in a catalogue's index, so a title is what
 * tells that an id still names its practice: in the index against its card, in a new edition against the database, in
 * a lineage link against the practice it leads to. An index abbreviates (card 11 of 2023 is "Laboratori informativi
 * Collocamento Disabili" there and "Laboratori informativi legge 12 marzo 1999 n. 68 ... dei disabili" on its card),
 * and an edition may reword; so titles agree when they are the same phrase, or when more than half of the significant
 * words of the shorter one are in the other, and the numbers they both give are the same ("Sportello 7" is not
 * "Sportello 8").
 */
import { tokenize } from "../text/tokens";

/** Words shorter than this are articles and prepositions ("di", "per", "dei"), which any two titles may share. */
const SIGNIFICANT_LENGTH = 4;

export function titlesAgree(a: string, b: string): boolean {
  const [first, second] = [words(a), words(b)];
  if (first.join(" ") === second.join(" ")) return true;
  const [numbersA, numbersB] = [numbers(first), numbers(second)];
  if (numbersA.size > 0 && numbersB.size > 0 && !sameSet(numbersA, numbersB)) return false;
  const [significantA, significantB] = [significant(first), significant(second)];
  const [shorter, longer] =
    significantA.size <= significantB.size ? [significantA, significantB] : [significantB, significantA];
  const shared = [...shorter].filter((word) => longer.has(word)).length;
  return shorter.size > 0 && shared * 2 > shorter.size;
}

function words(title: string): string[] {
  return tokenize(title).map((token) => token.text);
}

function numbers(words: readonly string[]): Set<string> {
  return new Set(words.filter((word) => /^\d+$/.test(word)));
}

function significant(words: readonly string[]): Set<string> {
  return new Set(words.filter((word) => word.length >= SIGNIFICANT_LENGTH || /\d/.test(word)));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
