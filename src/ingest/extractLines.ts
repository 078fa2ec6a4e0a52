import type { CardField } from "./card";
import { noRewrite, type TokenRewrite } from "./extractMatcher";
import { tokenize } from "./extractTokens";
import { inlineText } from "./textInline";

/**
 * Finds the source line of a match inside a field; without the source lines, the field's first line. Given where
 * the match stands in the field's text (`at`), it is the same occurrence of its words in the source lines: a bare
 * "Salerno" is not put on the line of an earlier "Camera di Commercio di Salerno". Without it, the first occurrence.
 */
export type LineLocator = (field: CardField, words: string[], rewrite?: TokenRewrite, at?: number) => number;

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
  return (field, words, rewrite = noRewrite, at = 0) => {
    if (sourceLines === undefined || words.length === 0) return field.startLine;
    let earlier = occurrences(rewrite(tokenize(field.text.slice(0, at))).map((token) => token.text), words);
    for (let line = field.startLine; line <= field.endLine; line += 1) {
      earlier -= occurrences(wordsOfLine(line, rewrite), words);
      if (earlier < 0) return line;
    }
    return field.startLine; // the match spans a line break
  };
}

function occurrences(haystack: string[], needle: string[]): number {
  return haystack.filter((_, start) => needle.every((word, offset) => haystack[start + offset] === word)).length;
}
