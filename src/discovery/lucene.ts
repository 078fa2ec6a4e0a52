/**
 * Turns what a user types into a Lucene query for the Italian full-text index, safely: the text is cut into
 * words and "quoted phrases", each word escaped, so no character or keyword of the user's text (":", "(", "*",
 * AND, OR, NOT...) ever acts as Lucene syntax.
 */

/** Characters with a meaning in Lucene's classic query syntax. */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Escapes Lucene syntax in a term; AND/OR/NOT/TO are lowercased so that they stay words. */
export function escapeLucene(term: string): string {
  const escaped = term.replace(SPECIAL, (character) => `\\${character}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? escaped.toLowerCase() : escaped;
}

/**
 * Lucene's ItalianLightStemmer (Savoy), which the 'italian' analyzer applies: words under 6 letters stay as
 * they are; longer ones lose accents and their final vowel (or -ie, -he, -hi, -ii, -ia, -io).
 */
export function italianLightStem(word: string): string {
  if (word.length < 6) return word;
  const s = word.normalize("NFD").replace(/\p{M}/gu, "");
  const last = s.at(-1);
  const before = s.at(-2);
  switch (last) {
    case "e":
      return s.slice(0, before === "i" || before === "h" ? -2 : -1);
    case "i":
      return s.slice(0, before === "h" || before === "i" ? -2 : -1);
    case "a":
    case "o":
      return s.slice(0, before === "i" ? -2 : -1);
    default:
      return s;
  }
}

/** Elided articles and prepositions the analyzer drops: l', dell', un', all', sull'... */
const ELISION = /(^|[^\p{L}])\p{L}{1,4}['’](?=\p{L})/gu;
const MAX_WORDS = 16;
/** Shortest prefix worth a prefix query. */
const MIN_PREFIX = 5;
/**
 * The prefix a word's family shares: its stem, less the -it of nouns in -ità, so that the light stemmer's separate
 * stems meet: disabili -> disabil, disabilità -> disabilit -> disabil; attività -> attiv. Null under 5 letters.
 */
export function familyPrefix(word: string): string | null {
  const stem = italianLightStem(word);
  const prefix = /it[àa]$/u.test(word) && stem.endsWith("it") ? stem.slice(0, -2) : stem;
  return prefix.length < MIN_PREFIX ? null : prefix;
}

/** Every word of a text, lowercased, elided articles dropped, in order (one per position, as the tokenizer sees them). */
function tokens(text: string): string[] {
  return (
    text
      .replace(ELISION, "$1")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The words a search takes from a text: single letters and digits are left out. */
function words(text: string): string[] {
  return tokens(text).filter((word) => word.length > 1);
}

type ParsedQuery = { phrases: string[][]; words: string[] };

/** "quoted phrases" (straight or curly quotes) and the remaining words, lowercased, at most 16 words in all. */
export function parseSearchText(text: string): ParsedQuery {
  const phrases: string[][] = [];
  const rest = text.replace(/["“”«»]([^"“”«»]*)["“”«»]/g, (_, phrase: string) => {
    const phraseWords = words(phrase);
    if (phraseWords.length > 0) phrases.push(phraseWords);
    return " ";
  });
  let budget = MAX_WORDS;
  const take = (list: string[]) => {
    const taken = list.slice(0, Math.max(0, budget));
    budget -= taken.length;
    return taken;
  };
  const keptPhrases = phrases.map(take).filter((phrase) => phrase.length > 0);
  return { phrases: keptPhrases, words: take([...new Set(words(rest))]) };
}

/**
 * The Lucene query, or null when the text holds no word. Quoted phrases are required; free words are optional
 * (any of them matches), their exact form first, then, weighted less, every word sharing their family prefix;
 * several free words also count as a phrase, weighted more. So "collocamento mirato" ranks first the cards that
 * say exactly that, and "disabili" also finds "disabilità" (stems disabil and disabilit).
 */
export function toLuceneQuery(text: string): string | null {
  const { phrases, words: free } = parseSearchText(text);
  if (phrases.length === 0 && free.length === 0) return null;
  const clauses: string[] = phrases.map((phrase) => `+"${phrase.map(escapeLucene).join(" ")}"`);
  if (free.length > 1) clauses.push(`"${free.map(escapeLucene).join(" ")}"^2`);
  for (const word of free) {
    clauses.push(escapeLucene(word));
    const prefix = familyPrefix(word);
    if (prefix !== null) clauses.push(`${escapeLucene(prefix)}*^0.5`);
  }
  return clauses.join(" ");
}

/**
 * A text as the 'italian' analyzer indexes it: one entry per word position, the word's stem, or null for a stop
 * word (removed, but its position stays, as phrase queries see it).
 */
export function analyzeItalian(text: string, stopwords: ReadonlySet<string>): Array<string | null> {
  return tokens(text).map((token) => (stopwords.has(token) ? null : italianLightStem(token)));
}

/**
 * Whether a text holds something the search text asks for (a clause of toLuceneQuery): a quoted phrase, a free
 * word (its stem, as Lucene compares them) or a word of a free word's family (the prefix). Used on the stored texts
 * of the hits to say which of them matched, instead of querying the index once per property.
 */
export function textMatcher(searchText: string, stopwords: ReadonlySet<string>): (text: string) => boolean {
  const { phrases, words: free } = parseSearchText(searchText);
  const analyzedPhrases = phrases
    .map((phrase) => phrase.map((word) => (stopwords.has(word) ? null : italianLightStem(word))))
    .map(trimStopPositions)
    .filter((phrase) => phrase.length > 0);
  const stems = new Set(free.filter((word) => !stopwords.has(word)).map(italianLightStem));
  const prefixes = free.map(familyPrefix).filter((prefix): prefix is string => prefix !== null);
  return (text) => {
    const terms = analyzeItalian(text, stopwords);
    return (
      terms.some((term) => term !== null && (stems.has(term) || prefixes.some((prefix) => term.startsWith(prefix)))) ||
      analyzedPhrases.some((phrase) => containsPhrase(terms, phrase))
    );
  };
}

/** A phrase's stop words at either end match nothing: drop them. */
function trimStopPositions(phrase: Array<string | null>): Array<string | null> {
  let start = 0;
  let end = phrase.length;
  while (start < end && phrase[start] === null) start++;
  while (end > start && phrase[end - 1] === null) end--;
  return phrase.slice(start, end);
}

/** The phrase's terms at consecutive positions; a stop word of the phrase (null) stands for any word. */
function containsPhrase(terms: ReadonlyArray<string | null>, phrase: ReadonlyArray<string | null>): boolean {
  for (let start = 0; start + phrase.length <= terms.length; start++) {
    if (phrase.every((term, offset) => term === null || terms[start + offset] === term)) return true;
  }
  return false;
}
