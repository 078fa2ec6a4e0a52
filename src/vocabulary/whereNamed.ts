/**
 * Where a text names a node (mentionContext.ts): its spelling word for word, else its last telling word (the town of
 * "Comune di Angri", which a card may write "Comuni di Angri, Corbara"), else any other of them.
 */
import { isDesignatorWord, isStopWord, isTellingWord, nameTokens } from "./nameWords";

export type Span = { start: number; end: number };

/** How many words before a name its designator may be: "Servizi Sociali dei Comuni di Angri, Corbara". */
const NEAR = 6;

/** Whether the text has every telling word of the spelling: what a context must show. */
export function namesAll(text: string, spelling: string): boolean {
  const words = new Set(nameTokens(text).map((token) => token.text));
  return nameTokens(spelling).every((token) => !isTellingWord(token.text) || words.has(token.text));
}

/**
 * The spelling word for word, else one of its telling words, the last first; of several occurrences, the one with
 * most of the spelling's other words just before it ("Comuni di Avellino" rather than "- Avellino (AV):"), of those
 * the first with a designator before it.
 */
export function whereNamed(text: string, spelling: string): Span | undefined {
  const tokens = nameTokens(text);
  const wanted = nameTokens(spelling).map((token) => token.text);
  if (wanted.length === 0) return undefined;
  const whole = tokens.findIndex((_, at) => wanted.every((word, offset) => tokens[at + offset]?.text === word));
  if (whole >= 0) return { start: tokens[whole]!.start, end: tokens[whole + wanted.length - 1]!.end };
  for (const word of wanted.filter(isTellingWord).reverse()) {
    const others = wanted.filter((other) => other !== word && !isStopWord(other)).map(stem);
    let best: { at: number; near: number; designated: boolean } | undefined;
    tokens.forEach((token, at) => {
      if (token.text !== word) return;
      const before = tokens.slice(Math.max(0, at - NEAR), at).map((previous) => previous.text);
      const near = before.filter((previous) => others.includes(stem(previous))).length;
      const designated = before.some(isDesignatorWord);
      if (best === undefined || near > best.near || (near === best.near && designated && !best.designated)) {
        best = { at, near, designated };
      }
    });
    if (best) return tokens[best.at];
  }
  return undefined;
}

/** Singular and plural alike ("comune", "comuni"; "centro", "centri"); a shorter word is itself ("e" is not ""). */
function stem(word: string): string {
  return word.length >= 3 ? word.slice(0, -1) : word;
}
