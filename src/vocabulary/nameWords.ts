/**
 * The words that tell one actor's name from another's: folded tokens (case, accents and punctuation aside) without
 * the stop words and designators every name of a kind has. "Comune di Maddaloni" and "Città di Maddaloni" share
 * "maddaloni", what says they may be one town; "comune" and "di" say nothing about which. Job centres' designators
 * ("Centro per l'impiego di", "Cpl", "CPI") are first read as one word, as the vocabulary reads them, then dropped.
 */
import { canonicalizeCpiDesignators } from "../reference/cpiNames";
import { tokenize, type Token } from "../text/tokens";

const STOP_WORDS = [
  "a", "ai", "agli", "al", "all", "alla", "alle", "allo", "con", "d", "da", "dai", "dal", "dalla", "de", "degli",
  "dei", "del", "dell", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le", "lo",
  "nei", "nel", "nella", "per", "su", "un", "una", "uno",
]; // prettier-ignore

/** The words the designators write (extract/designators.ts, folded): they name the kind, not the actor. */
const DESIGNATORS = [
  "cpi", "comune", "comuni", "citta", "unione", "regione", "provincia", "camera", "commercio", "industria",
  "artigianato", "agricoltura", "cciaa", "universita", "studi", "istituto", "scuola", "fondo",
]; // prettier-ignore

const STOPPING = new Set(STOP_WORDS);
const IGNORED = new Set([...STOP_WORDS, ...DESIGNATORS]);

/** A name's tokens, a job centre's designators read as the one token "cpi". */
export function nameTokens(name: string): Token[] {
  return canonicalizeCpiDesignators(tokenize(name));
}

/** Whether a folded word is a stop word ("di", "della"...). */
export function isStopWord(word: string): boolean {
  return STOPPING.has(word);
}

/** Whether a folded word tells actors apart (no stop word, no designator). */
export function isTellingWord(word: string): boolean {
  return !IGNORED.has(word);
}

/** The telling words of some names, folded. */
export function nameWords(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => nameTokens(name).map((token) => token.text)).filter(isTellingWord));
}
