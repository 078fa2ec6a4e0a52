/**
 * A mention's context in the review file: the catalogue line that names the node, so that the expert sees how the
 * card names it without opening the catalogue. The line's markup is stripped as the importer strips it (HTML tags,
 * entities, Markdown emphasis and links: oneLineText), and a long line is cut to about CONTEXT_WIDTH characters
 * around the name, at word boundaries, an ellipsis "…" where it was cut.
 */
import { oneLineText } from "../ingest/text";
import { isStopWord, isTellingWord, nameTokens } from "./nameWords";

/** About two lines of an editor: enough for the sentence around a name, short enough to scan a file of them. */
export const CONTEXT_WIDTH = 160;

const ELLIPSIS = "…";

/** The line around `spelling` (or its start, when the line does not spell it so); undefined for a blank line. */
export function mentionContext(sourceLine: string, spelling: string, width = CONTEXT_WIDTH): string | undefined {
  const text = oneLineText(sourceLine);
  if (text === "") return undefined;
  if (text.length <= width) return text;
  const { start, end } = whereNamed(text, spelling) ?? { start: 0, end: 0 };
  const room = width - 2 * ELLIPSIS.length;
  const slack = Math.max(0, room - (end - start));
  let from = Math.max(0, Math.min(start - Math.floor(slack / 2), text.length - room));
  let to = Math.min(text.length, from + room);
  // Whole words only: move each cut to the nearest space inside the window, never into the name.
  if (from > 0 && text[from - 1] !== " ") from = Math.min(text.indexOf(" ", from) + 1 || start, start);
  if (to < text.length && text[to] !== " ") to = Math.max(text.lastIndexOf(" ", to), end);
  return `${from > 0 ? ELLIPSIS : ""}${text.slice(from, to).trim()}${to < text.length ? ELLIPSIS : ""}`;
}

/**
 * Where the text names the node: its spelling word for word, else its last telling word (the town of "Comune di
 * Angri", which a card may write "Comuni di Angri, Corbara"), else any other of them; of several occurrences, the one
 * with most of the spelling's other words just before it ("Comuni di Avellino" rather than "- Avellino (AV):").
 */
function whereNamed(text: string, spelling: string): { start: number; end: number } | undefined {
  const tokens = nameTokens(text);
  const wanted = nameTokens(spelling).map((token) => token.text);
  if (wanted.length === 0) return undefined;
  const whole = tokens.findIndex((_, at) => wanted.every((word, offset) => tokens[at + offset]?.text === word));
  if (whole >= 0) return { start: tokens[whole]!.start, end: tokens[whole + wanted.length - 1]!.end };
  for (const word of wanted.filter(isTellingWord).reverse()) {
    const others = wanted.filter((other) => other !== word && !isStopWord(other)).map(stem);
    const before = (at: number) =>
      tokens.slice(Math.max(0, at - NEAR), at).filter((token) => others.includes(stem(token.text))).length;
    let best: { at: number; near: number } | undefined;
    tokens.forEach((token, at) => {
      if (token.text !== word) return;
      const near = before(at);
      if (best === undefined || near > best.near) best = { at, near };
    });
    if (best) return tokens[best.at];
  }
  return undefined;
}

/** How many words before a name its designator may be: "Servizi Sociali dei Comuni di Angri, Corbara". */
const NEAR = 6;

/** Singular and plural alike ("comune", "comuni"; "centro", "centri"): a designator's stem. */
function stem(word: string): string {
  return word.slice(0, -1);
}
