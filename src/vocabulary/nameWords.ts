/**
 * The words that tell one actor's name from another's: folded tokens (case, accents and punctuation aside) without
 * the stop words and designators every name of a kind has. "Comune di Maddaloni" and "Città di Maddaloni" share
 * "maddaloni", what says they may be one town; "comune" and "di" say nothing about which. Job centres' designators
 * ("Centro per l'impiego di", "Cpl", "CPI") are first read as one word, as the vocabulary reads them, then dropped.
 */
import { canonicalizeCpiDesignators } from "../reference/cpiNames";
import { isLinkingWord } from "../reference/placeKeys";
import { tokenize, type Token } from "../text/tokens";

/** The articles, conjunctions and prepositions place names' linking words (placeKeys.ts) leave out. */
const OTHER_STOP_WORDS = new Set([
  "a", "e", "ed", "i", "il", "l", "la", "le", "lo", "gli", "un", "una", "uno", "con", "per", "su", "tra", "fra",
  "dai", "dagli", "dal", "dall", "dalla", "dalle", "dallo",
]); // prettier-ignore

/**
 * The words designators write, folded: they name the kind, not the actor. Hand-picked, since extract/designators.ts
 * holds patterns, not words: the fixed words of its patterns (the CPI's, read as "cpi", aside) and those curated
 * names of the same kinds spell out ("Città di", "Camera di Commercio, Industria, Artigianato e Agricoltura"). Words
 * that also tell names apart are kept: the agencies' "regionale", "lavoro"; the associations' names.
 */
const DESIGNATORS = new Set([
  "cpi", "comune", "comuni", "citta", "unione", "montana", "regione", "provincia", "camera", "camere", "commercio",
  "industria", "artigianato", "agricoltura", "cciaa", "universita", "studi", "istituto", "scuola", "tecnico",
  "professionale", "comprensivo", "superiore", "statale", "alberghiero", "agrario", "nautico", "industriale",
  "commerciale", "tecnologico", "istruzione", "arpal", "agenzia", "fondo",
]); // prettier-ignore

/** A name's tokens, a job centre's designators read as the one token "cpi". */
export function nameTokens(name: string): Token[] {
  return canonicalizeCpiDesignators(tokenize(name));
}

/** Whether a folded word is a stop word ("di", "della", "e"...). */
export function isStopWord(word: string): boolean {
  return isLinkingWord(word) || OTHER_STOP_WORDS.has(word);
}

/** Whether a folded word is a designator's ("comune", "cpi"...). */
export function isDesignatorWord(word: string): boolean {
  return DESIGNATORS.has(word);
}

/** Whether a folded word tells actors apart (no stop word, no designator). */
export function isTellingWord(word: string): boolean {
  return !isStopWord(word) && !isDesignatorWord(word);
}

/** The telling words of some names, folded. */
export function nameWords(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => nameTokens(name).map((token) => token.text)).filter(isTellingWord));
}
