/**
 * Signs that a catalogue file was cut inside the last field of its last card, which leaves that card complete in
 * form (completeness.ts sees nothing missing) with a fragment for its last text: the text stops mid-word with no
 * closing punctuation, an HTML element of the PDF conversion is left open, or a character was cut in two (U+FFFD).
 * Cheap checks of the file's end only: a cut between two sentences cannot be told from a short text.
 */
import type { CardField, CardFieldKey, ParsedCard } from "../card";
import { issue, type ParseIssue } from "./issue";

/** Fields answered with a name, a label or a code, which end without punctuation. */
const NAMING_FIELDS: ReadonlySet<CardFieldKey> = new Set([
  "cardNumber",
  "region",
  "title",
  "scope",
  "leps",
  "territorialScope",
  "stillOpen",
  "anpalSupported",
  "employmentService",
]);

/** The elements the PDF conversion writes with an end tag (void ones such as <br> have none). */
const CLOSED_ELEMENTS = [
  "p",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "td",
  "th",
  "b",
  "i",
  "u",
  "strong",
  "em",
  "div",
  "span",
  "sup",
  "sub",
  "a",
];
const REPLACEMENT_CHARACTER = "\uFFFD";
const SHOWN_CHARACTERS = 30;

/**
 * One issue at the line where the last card's last field stops, when it shows a sign of a cut: an error, or a warning
 * when the editor allowed that card (`--allow-partial`).
 */
export function cutShortIssues(
  file: string,
  lastCard: ParsedCard,
  lines: readonly string[],
  allowed: boolean,
): ParseIssue[] {
  const field = lastField(lastCard);
  if (field === undefined) return [];
  const raw = lines.slice(field.startLine - 1, field.endLine).join("\n");
  const signs = [
    ...(endsMidWord(field) ? [`ends mid-word ('${tail(field.text)}')`] : []),
    ...openElements(raw).map((elements) => `with ${elements} left open`),
    ...(raw.includes(REPLACEMENT_CHARACTER) ? ["holds U+FFFD, a character cut in two"] : []),
  ];
  if (signs.length === 0) return [];
  const found = `its last field, '${field.key}', ${signs.join(", ")}`;
  return [
    allowed
      ? issue("warning", file, field.endLine, `${found}, taken as it is (--allow-partial)`, lastCard.catalogNumber)
      : issue(
          "error",
          file,
          field.endLine,
          `${found}: was the file cut short? --allow-partial ${lastCard.catalogNumber} loads it as it is`,
          lastCard.catalogNumber,
        ),
  ];
}

function lastField(card: ParsedCard): CardField | undefined {
  return Object.values(card.fields).reduce<CardField | undefined>(
    (last, field) => (last === undefined || field.endLine >= last.endLine ? field : last),
    undefined,
  );
}

function endsMidWord(field: CardField): boolean {
  return !NAMING_FIELDS.has(field.key) && /\p{L}$/u.test(field.text);
}

/** "<p>, <ul>": the elements opened more often than closed; an unfinished tag at the end counts as open. */
function openElements(raw: string): string[] {
  const open = CLOSED_ELEMENTS.filter((name) => {
    const opened = raw.match(new RegExp(`<${name}\\b[^>]*>`, "gi"))?.length ?? 0;
    const closed = raw.match(new RegExp(`</${name}\\s*>`, "gi"))?.length ?? 0;
    return opened > closed;
  }).map((name) => `<${name}>`);
  const unfinished = /<\/?[a-z][^>]*$/i.exec(raw);
  return [...(open.length > 0 ? [open.join(", ")] : []), ...(unfinished ? [`the tag '${unfinished[0]}'`] : [])];
}

function tail(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > SHOWN_CHARACTERS ? `…${line.slice(-SHOWN_CHARACTERS)}` : line;
}
