import { tokenize, type Token } from "./extractTokens";

/** Rewrites a token sequence before matching (e.g. to give several spellings of a designator one form). */
export type TokenRewrite = (tokens: Token[]) => Token[];

export type Hit<E> = {
  entry: E;
  /** The matched words, in their folded (and rewritten) form. */
  words: string[];
  /** Raw offsets of the match in the searched text. */
  start: number;
  end: number;
};

export type Matcher<E> = {
  rewrite: TokenRewrite;
  /** Non-overlapping matches, longest first where two compete, in text order. */
  find(text: string): Hit<E>[];
};

type Pattern<E> = { entry: E; words: string[] };

const unchanged: TokenRewrite = (tokens) => tokens;

/**
 * Matches whole-word aliases. Where matches overlap the longest wins, so "Camera di Commercio di Salerno" is not
 * also a generic "Camera di Commercio"; a match right after "non" is dropped ("non percettori di ammortizzatori").
 */
export function createMatcher<E>(aliases: Iterable<{ entry: E; alias: string }>, rewrite = unchanged): Matcher<E> {
  const patternsByFirstWord = new Map<string, Pattern<E>[]>();
  for (const { entry, alias } of aliases) {
    const words = rewrite(tokenize(alias)).map((token) => token.text);
    const first = words[0];
    if (first === undefined) continue;
    const patterns = patternsByFirstWord.get(first) ?? [];
    patterns.push({ entry, words });
    patternsByFirstWord.set(first, patterns);
  }

  function candidatesIn(tokens: Token[]) {
    const candidates: Array<{ pattern: Pattern<E>; first: number }> = [];
    tokens.forEach((token, first) => {
      if (tokens[first - 1]?.text === "non") return;
      for (const pattern of patternsByFirstWord.get(token.text) ?? []) {
        if (pattern.words.every((word, offset) => tokens[first + offset]?.text === word)) {
          candidates.push({ pattern, first });
        }
      }
    });
    return candidates.sort((a, b) => b.pattern.words.length - a.pattern.words.length || a.first - b.first);
  }

  return {
    rewrite,
    find(text) {
      const tokens = rewrite(tokenize(text));
      const taken = new Array<boolean>(tokens.length).fill(false);
      const hits: Array<Hit<E> & { first: number }> = [];
      for (const { pattern, first } of candidatesIn(tokens)) {
        const last = first + pattern.words.length - 1;
        if (taken.slice(first, last + 1).some(Boolean)) continue;
        taken.fill(true, first, last + 1);
        hits.push({
          entry: pattern.entry,
          words: pattern.words,
          start: tokens[first]!.start,
          end: tokens[last]!.end,
          first,
        });
      }
      return hits.sort((a, b) => a.first - b.first).map(({ first: _first, ...hit }) => hit);
    },
  };
}
