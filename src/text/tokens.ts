/**
 * Word tokens for matching card text against vocabulary aliases: case, accents, punctuation and spacing do not
 * matter, and every token remembers where it came from in the raw text so that matches can be located again.
 */
import { foldForMatch } from "./inline";
import { plainTypography } from "./typography";

export type Token = {
  /** Folded form: lowercase, no accents, no dots. */
  text: string;
  /** Offsets in the raw text the token was read from. */
  start: number;
  end: number;
};

/**
 * Dotted abbreviations ("D.M.", "R.d.C.", "S.p.A.", "AA.SS.") are one token so that they match their undotted
 * spelling ("DM", "RdC"); any other run of letters or digits is a token and everything else separates tokens.
 */
const TOKEN_PATTERN = /(?<![\p{L}\p{M}\p{N}])(?:\p{L}{1,2}\.){2,}|[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  // Plain typography has the raw text's offsets: "allʼavvio" is two tokens, as "all’avvio" is.
  for (const match of plainTypography(raw).matchAll(TOKEN_PATTERN)) {
    // Folding turns an abbreviation's dots into spaces: dropping them keeps "D.M." one token, "dm".
    const text = foldForMatch(match[0]).replaceAll(" ", "");
    if (text !== "") tokens.push({ text, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The folded form of a phrase, tokens joined by single spaces: the identity under which aliases are compared. */
export function normalizePhrase(raw: string): string {
  return tokenize(raw)
    .map((token) => token.text)
    .join(" ");
}
