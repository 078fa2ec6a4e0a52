import { tokenize } from "../../text/tokens";
import type { CardField, CardFieldKey } from "../card";
import { lineAt } from "../text";
import type { Span } from "./matcher";
import { FULL_STOP, splitSpans } from "./sentences";

/** A phrase of a stakeholders/targets/funding field that names something the vocabulary does not know. */
export type UnknownMention = { field: CardFieldKey; line: number; text: string };

/** A list item has a few words; a longer one is a clause of prose. */
const MAX_ITEM_WORDS = 6;
/** Sentences end at a full stop or a line break. */
const SENTENCE_END = new RegExp(`${FULL_STOP.source}|\\n+`, "gu");
const ITEM_SEPARATOR = /[;:•✓]|,(?!\d)|\/(?!\d)/gu;
const CONJUNCTION = /\s(?:e|ed)\s/giu;
const FUNCTION_WORDS = new Set(
  (
    "il lo la i gli le l un uno una di del dello della dei degli delle d a al allo alla ai agli alle ad da dal dallo " +
    "dalla dai dagli dalle in nel nello nella nei negli nelle con su sul sulla per tra fra e ed o che cui non si sono " +
    "stati state stato stata ha hanno anche inoltre infatti quindi pertanto ovvero ossia sia come quali quale tutti " +
    "tutte loro suoi sue suo sua relativi relative seguenti nonche ecc etc n es"
  ).split(" "),
);

/** `at`: where its first word starts. */
type Item = Span & { words: string[]; at: number; known: boolean; saysSomething: boolean };

/**
 * Splits a field into sentences and list items (on ; , : / bullets, and " e " inside short items) and reports the
 * items that no vocabulary match touches and that still say something once stop-phrases and function words are
 * gone. A sentence with a clause of prose whose unmatched items are not outnumbered by matched ones is prose:
 * its fragments are not names, so it reports nothing.
 */
export function findUnknownMentions(field: CardField, known: Span[], blocked: Span[]): UnknownMention[] {
  return splitSpans(field.text, { start: 0, end: field.text.length }, SENTENCE_END).flatMap((sentence) => {
    const items = listItems(field.text, sentence).map((span) => describe(field.text, span, known, blocked));
    const candidates = items.filter((item) => !item.known && item.saysSomething && item.words.length <= MAX_ITEM_WORDS);
    const isProse = items.some((item) => item.words.length > MAX_ITEM_WORDS);
    if (isProse && candidates.length >= items.filter((item) => item.known).length) return [];
    return candidates.map((item) => ({
      field: field.key,
      line: lineAt(field.lineMap, item.at),
      text: field.text
        .slice(item.start, item.end)
        .trim()
        .replace(/^[-–•✓○("“«]+\s*/u, "")
        .replace(/[)"”»]+$/u, "")
        .trim(),
    }));
  });
}

function describe(text: string, span: Span, known: Span[], blocked: Span[]): Item {
  const tokens = tokenize(text.slice(span.start, span.end)).map((token) => ({
    ...token,
    start: span.start + token.start,
    end: span.start + token.end,
  }));
  const overlaps = (other: Span) => other.start < span.end && span.start < other.end;
  const isBlocked = (token: Span) => blocked.some((stop) => stop.start <= token.start && token.end <= stop.end);
  return {
    ...span,
    words: tokens.map((token) => token.text),
    at: tokens[0]?.start ?? span.start,
    known: known.some(overlaps),
    saysSomething: tokens.some(
      (token) =>
        token.text.length > 1 && !/^\d+$/.test(token.text) && !FUNCTION_WORDS.has(token.text) && !isBlocked(token),
    ),
  };
}

function listItems(text: string, sentence: Span): Span[] {
  return splitSpans(text, sentence, ITEM_SEPARATOR).flatMap((item) =>
    tokenize(text.slice(item.start, item.end)).length <= MAX_ITEM_WORDS ? splitSpans(text, item, CONJUNCTION) : [item],
  );
}
