import { canonicalizeCpiDesignators } from "./extractCpiNames";
import type { Span } from "./extractMatcher";
import { tokenize } from "./extractTokens";
import { FULL_STOP } from "./textInline";

/**
 * A list of job centres whose items may be bare place names. Either an introduction ends with a colon ("i primi 5
 * centri per l'impiego (1 per territorio subregionale): Giugliano (Na), Telesse (Bn), Salerno, Avellino e
 * Maddaloni (Ce)"): every item is a CPI; or the list goes on from a designator ("i Centri per l'impiego di Salerno,
 * Avellino e Caserta"): it holds only while its items name CPIs, since what follows may be anything.
 */
export type CpiList = { items: Span[]; introduced: boolean };

/** Words an introduction may put between the designator and its colon ("i CPI coinvolti:"), parentheses aside. */
const MAX_INTRO_WORDS = 3;
const INTRODUCTION = /^([^.!?;,:\n]*):/u;
/** A list ends with its sentence, or at a line that is not one of its bullets. */
const LIST_END = new RegExp(`${FULL_STOP.source}|\\n(?!\\n*- )`, "u");
const ITEM_SEPARATOR = /[,;]|\s(?:e|ed)\s|\n- /gu;

/** The lists that follow each job-centre designator of a text. */
export function cpiLists(text: string): CpiList[] {
  return canonicalizeCpiDesignators(tokenize(text))
    .filter((token) => token.text === "cpi")
    .map((designator) => {
      const introduction = INTRODUCTION.exec(text.slice(designator.end));
      const introduced =
        introduction !== null && tokenize(introduction[1]!.replace(/\([^)]*\)/gu, "")).length <= MAX_INTRO_WORDS;
      return { items: listItems(text, designator.end + (introduced ? introduction[0].length : 0)), introduced };
    });
}

function listItems(text: string, start: number): Span[] {
  const rest = text.slice(start);
  const end = start + (LIST_END.exec(rest)?.index ?? rest.length);
  const items: Span[] = [];
  let itemStart = start;
  for (const separator of text.slice(start, end).matchAll(ITEM_SEPARATOR)) {
    items.push(trimmed(text, itemStart, start + separator.index));
    itemStart = start + separator.index + separator[0].length;
  }
  items.push(trimmed(text, itemStart, end));
  return items.filter((item) => item.end > item.start);
}

/** The item without surrounding blanks and its bullet. */
function trimmed(text: string, start: number, end: number): Span {
  const raw = text.slice(start, end);
  const leading = /^[\s-]*/u.exec(raw)![0].length;
  const trailing = /\s*$/u.exec(raw)![0].length;
  return { start: start + leading, end: Math.max(start + leading, end - trailing) };
}
