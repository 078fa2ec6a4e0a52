import { inlineText } from "../../text/inline";
import { tokenize, type Token } from "../../text/tokens";
import type { CardField } from "../card";
import { noRewrite, type TokenRewrite } from "./matcher";

/**
 * Finds the source line of a match inside a field; without the source lines, the field's first line. Given where
 * the match stands in the field's text (`at`), it is the same occurrence of its words in the source lines: a bare
 * "Salerno" is not put on the line of an earlier "Camera di Commercio di Salerno". Without it, the first occurrence.
 */
export type LineLocator = (field: CardField, words: string[], rewrite?: TokenRewrite, at?: number) => number;

/** A field's words as one rewrite reads them: in its text, and in its source lines with the line of each. */
type FieldWords = { text: Token[]; source: Array<Token & { line: number }> };

export function createLineLocator(sourceLines?: readonly string[]): LineLocator {
  const wordsByRewrite = new Map<TokenRewrite, Map<CardField, FieldWords>>();
  const wordsOf = (field: CardField, lines: readonly string[], rewrite: TokenRewrite) => {
    const cache = wordsByRewrite.get(rewrite) ?? new Map<CardField, FieldWords>();
    wordsByRewrite.set(rewrite, cache);
    let words = cache.get(field);
    if (words === undefined) {
      words = { text: rewrite(tokenize(field.text)), source: sourceTokens(lines, field, rewrite) };
      cache.set(field, words);
    }
    return words;
  };
  return (field, words, rewrite = noRewrite, at = 0) => {
    if (sourceLines === undefined || words.length === 0) return field.startLine;
    const { text, source } = wordsOf(field, sourceLines, rewrite);
    const earlier = occurrences(text, words).filter((token) => token.start < at).length;
    // The source lines may hold more occurrences than the text (the parser drops the table cells the PDF conversion
    // repeats); where they hold fewer, the first one stands for the match, and without any the field's first line.
    const found = occurrences(source, words);
    return (found[earlier] ?? found[0])?.line ?? field.startLine;
  };
}

/**
 * The words of the field's source lines as one stream, so that an occurrence split by a line break is read as in
 * the field's text: "CPI di Eboli-Oliveto" at the end of a line and "Citra (SA)" on the next are one name.
 */
function sourceTokens(lines: readonly string[], field: CardField, rewrite: TokenRewrite): FieldWords["source"] {
  const text = lines
    .slice(field.startLine - 1, field.endLine)
    .map(inlineText)
    .join("\n");
  let line = field.startLine;
  let read = 0;
  return rewrite(tokenize(text)).map((token) => {
    for (; read < token.start; read += 1) if (text[read] === "\n") line += 1;
    return { ...token, line };
  });
}

/** The first token of each occurrence of the words in a stream. */
function occurrences<T extends Token>(stream: T[], words: string[]): T[] {
  return stream.filter((_, start) => words.every((word, offset) => stream[start + offset]?.text === word));
}
