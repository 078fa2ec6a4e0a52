import { tokenize, type Token } from "../../text/tokens";

/** Rewrites a token sequence before matching (e.g. to give several spellings of a designator one form). */
export type TokenRewrite = (tokens: Token[]) => Token[];

export type Hit<E> = {
  entry: E;
  /** Raw offsets of the match in the searched text. */
  start: number;
  end: number;
};

export type Span = { start: number; end: number };

export type Matcher<E> = {
  /**
   * Non-overlapping matches, longest first where two compete, in text order; `blocked` are the stop-phrases
   * found, which name nothing and hide the aliases inside them ("avvio di impresa" is not a company).
   */
  find(text: string): { hits: Hit<E>[]; blocked: Span[] };
};

type Pattern<E> = { entry: E | typeof STOP; words: string[] };
const STOP: unique symbol = Symbol("stop-phrase");

const noRewrite: TokenRewrite = (tokens) => tokens;

/**
 * Matches whole-word aliases. Where matches overlap the longest wins, so "Camera di Commercio di Salerno" is not
 * also a generic "Camera di Commercio"; a match right after "non" is negated and blocks its words like a
 * stop-phrase ("non percettori di ammortizzatori sociali" names no benefit recipients).
 */
export function createMatcher<E>(
  aliases: Iterable<{ entry: E; alias: string }>,
  options: { rewrite?: TokenRewrite; stopPhrases?: readonly string[] } = {},
): Matcher<E> {
  const rewrite = options.rewrite ?? noRewrite;
  const patternsByFirstWord = new Map<string, Pattern<E>[]>();
  const stops = (options.stopPhrases ?? []).map((alias): { entry: typeof STOP; alias: string } => ({
    entry: STOP,
    alias,
  }));
  for (const { entry, alias } of [...aliases, ...stops]) {
    const words = rewrite(tokenize(alias)).map((token) => token.text);
    const first = words[0];
    if (first === undefined) continue;
    const patterns = patternsByFirstWord.get(first) ?? [];
    patterns.push({ entry, words });
    patternsByFirstWord.set(first, patterns);
  }

  function candidatesIn(tokens: Token[]) {
    const candidates: Array<{ pattern: Pattern<E>; first: number; negated: boolean }> = [];
    tokens.forEach((token, first) => {
      const negated = tokens[first - 1]?.text === "non";
      for (const pattern of patternsByFirstWord.get(token.text) ?? []) {
        if (pattern.words.every((word, offset) => tokens[first + offset]?.text === word)) {
          candidates.push({ pattern, first, negated });
        }
      }
    });
    return candidates.sort((a, b) => b.pattern.words.length - a.pattern.words.length || a.first - b.first);
  }

  return {
    find(text) {
      const tokens = rewrite(tokenize(text));
      const taken = new Array<boolean>(tokens.length).fill(false);
      const hits: Array<Hit<E> & { first: number }> = [];
      const blocked: Span[] = [];
      for (const { pattern, first, negated } of candidatesIn(tokens)) {
        const last = first + pattern.words.length - 1;
        if (taken.slice(first, last + 1).some(Boolean)) continue;
        taken.fill(true, first, last + 1);
        const span = { start: tokens[first]!.start, end: tokens[last]!.end };
        if (pattern.entry === STOP || negated) blocked.push(span);
        else hits.push({ entry: pattern.entry, ...span, first });
      }
      hits.sort((a, b) => a.first - b.first);
      return { hits: hits.map(({ first: _first, ...hit }) => hit), blocked };
    },
  };
}
