import type { CardField } from "./card";
import { noRewrite, type TokenRewrite } from "./extractMatcher";
import { tokenize } from "./extractTokens";
import { inlineText } from "./textInline";

/** Finds the source line of a match inside a field; without the source lines, the field's first line. */
export type LineLocator = (field: CardField, words: string[], rewrite?: TokenRewrite) => number;

export function createLineLocator(sourceLines?: readonly string[]): LineLocator {
  const wordsByRewrite = new Map<TokenRewrite, Map<number, string[]>>();
  const wordsOfLine = (line: number, rewrite: TokenRewrite) => {
    const cache = wordsByRewrite.get(rewrite) ?? new Map<number, string[]>();
    wordsByRewrite.set(rewrite, cache);
    let words = cache.get(line);
    if (words === undefined) {
      words = rewrite(tokenize(inlineText(sourceLines?.[line - 1] ?? ""))).map((token) => token.text);
      cache.set(line, words);
    }
    return words;
  };
  return (field, words, rewrite = noRewrite) => {
    if (sourceLines === undefined || words.length === 0) return field.startLine;
    for (let line = field.startLine; line <= field.endLine; line += 1) {
      if (containsSequence(wordsOfLine(line, rewrite), words)) return line;
    }
    return field.startLine; // the match spans a line break
  };
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, start) => needle.every((word, offset) => haystack[start + offset] === word));
}
