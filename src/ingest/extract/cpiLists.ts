import { canonicalizeCpiDesignators } from "../../reference/cpiNames";
import { tokenize } from "../../text/tokens";
import type { Span } from "./matcher";
import { FULL_STOP, splitSpans } from "./sentences";

/** The span of the CPI's name that a span of the text starts with (designated or bare), if it starts with one. */
type CpiNameAt<N extends Span> = (span: Span) => N | undefined;

/** Words an introduction may put between the designator and its colon ("i CPI coinvolti:"), parentheses aside. */
const MAX_INTRO_WORDS = 3;
const INTRODUCTION = /^([^.!?;,:\n]*):/u;
/** A list ends with its sentence, at a colon (what follows says something of the CPIs), or at a line not a bullet. */
const LIST_END = new RegExp(`${FULL_STOP.source}|:|\\n(?!\\n*- )`, "u");
/** "&" joins two names as "e" does ("Salerno &amp; Avellino"). */
const ITEM_SEPARATOR = /[,;&]|\s(?:e|ed)\s|\n- /gu;
/** A lowercase word after a name goes on with the sentence ("Caserta, Benevento e Nola hanno aperto ..."). */
const SENTENCE_GOES_ON = /^[^\p{L}\p{N}]*\p{Ll}/u;
/** The dot of an abbreviated name may end the sentence too ("Olbia e Tempio P. Il modello sarà esteso a ..."). */
const SENTENCE_AFTER_DOT = /^\.\s+\p{Lu}/u;

/**
 * The names of the job centres a text lists after a designator, bare place names included. A list goes on from the
 * designator ("i Centri per l'impiego di Salerno, Avellino e Caserta") or follows a colon that introduces it: a few
 * words after the designator that name no CPI ("CPI coinvolti: Sorrento e Pompei", "i primi 5 centri per l'impiego
 * (1 per territorio subregionale): Giugliano (Na), ..."; not "Il CPI di Salerno: sportelli a Nola", which says what
 * that CPI has). Either way the list is read from its first item while each item starts with a CPI's name:
 * "Servizi offerti dai CPI: orientamento a Nola, tutoraggio, Caserta e Benevento" lists no CPI. An item with more
 * than the name ends the list: with the name when the sentence goes on ("Caserta, Benevento e Nola hanno aperto"),
 * without it when the name goes on ("Afragola, Pompei Scavi e Sorrento" stops before "Pompei Scavi").
 */
export function listedCpis<N extends Span>(text: string, nameAt: CpiNameAt<N>): N[] {
  return canonicalizeCpiDesignators(tokenize(text))
    .filter((token) => token.text === "cpi")
    .flatMap((designator) => {
      const introduction = INTRODUCTION.exec(text.slice(designator.end));
      const introduced = introduction !== null && introduces(designator, introduction[1]!, nameAt);
      return namesListed(text, designator.end + (introduced ? introduction[0].length : 0), nameAt);
    });
}

function introduces<N extends Span>(designator: Span, words: string, nameAt: CpiNameAt<N>): boolean {
  const colon = designator.end + words.length;
  // "centri per l'impiego: Maddaloni" is matched as the designated "CPI Maddaloni", a name that ends after the colon.
  const named = nameAt({ start: designator.start, end: colon });
  const few = tokenize(words.replace(/\([^)]*\)/gu, "")).length <= MAX_INTRO_WORDS;
  return few && (named === undefined || named.end > colon);
}

function namesListed<N extends Span>(text: string, start: number, nameAt: CpiNameAt<N>): N[] {
  const names: N[] = [];
  for (const item of listItems(text, start)) {
    const name = nameAt(item);
    if (name === undefined) break;
    if (name.end >= item.end) {
      names.push(name);
      continue;
    }
    // More follows the name in its item: the list ends there, with the name if the sentence goes on after it, without
    // it if a capitalised word or a digit makes a longer name ("Pompei Scavi", which is not the CPI of Pompei).
    const goesOn = SENTENCE_GOES_ON.test(text.slice(name.end, item.end));
    if (goesOn || SENTENCE_AFTER_DOT.test(text.slice(name.end - 1, item.end))) names.push(name);
    break;
  }
  return names;
}

function listItems(text: string, start: number): Span[] {
  const end = start + (LIST_END.exec(text.slice(start))?.index ?? text.length - start);
  return splitSpans(text, { start, end }, ITEM_SEPARATOR)
    .map((item) => trimmed(text, item))
    .filter((item) => item.end > item.start);
}

/** The item without surrounding blanks and its bullet. */
function trimmed(text: string, item: Span): Span {
  const raw = text.slice(item.start, item.end);
  const leading = /^[\s-]*/u.exec(raw)![0].length;
  const trailing = /\s*$/u.exec(raw)![0].length;
  return { start: item.start + leading, end: Math.max(item.start + leading, item.end - trailing) };
}
