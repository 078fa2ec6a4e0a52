/**
 * Which fields a card must have, and what is said of a card that lacks them.
 *
 * Two tiers. The mandatory fields identify a practice and place it in the graph: without them nothing can be
 * loaded. The fields of a complete card are those every card of the template carries (the 16 cards of the 2023
 * catalogue all do): a card without some of them is most likely cut short, typically the last card of a truncated
 * file, which loses its closing fields (results, outcomes, lessons, conclusions). Loading such a card would replace
 * a complete practice with the fragment, so it is an error unless the import allows partial cards.
 */
import { CARD_FIELDS, type CardFieldKey, type ParsedCard } from "../card";
import { issue, type ParseIssue } from "./issue";
import { canonicalLabel } from "./labels";

/** Fields without which a practice cannot be identified or placed in the graph. */
const MANDATORY_FIELDS: readonly CardFieldKey[] = [
  "cardNumber",
  "region",
  "title",
  "description",
  "leps",
  "stillOpen",
  "anpalSupported",
];

/** Card 12 of 2023 has no human-resources field: the template does not make every card fill it in. */
const OPTIONAL_FIELDS: ReadonlySet<CardFieldKey> = new Set(["humanResources"]);
/** A card answering "No" to ANPAL Servizi's support may leave the assistance blank (card 8 of 2023). */
const MAY_BE_EMPTY: ReadonlySet<CardFieldKey> = new Set(["anpalAssistance"]);

const COMPLETE_CARD_FIELDS = CARD_FIELDS.filter((key) => !OPTIONAL_FIELDS.has(key) && !MANDATORY_FIELDS.includes(key));

export function mandatoryFieldIssues(file: string, card: ParsedCard): ParseIssue[] {
  return MANDATORY_FIELDS.flatMap((key) => {
    const field = card.fields[key];
    const name = `'${key}' (${canonicalLabel(key)})`;
    if (!field) {
      return [issue("error", file, card.startLine, `missing mandatory field ${name}`, card.catalogNumber)];
    }
    if (!field.text) {
      return [issue("error", file, field.startLine, `mandatory field ${name} is empty`, card.catalogNumber)];
    }
    return [];
  });
}

/**
 * One issue per card that lacks fields of a complete card, at the line where the card stops (where a truncated
 * file was cut): an error, or a warning when the editor allowed that card (`--allow-partial`). Either names every
 * field the practice is then loaded without, the optional ones included, which a cut takes away as well.
 */
export function incompleteCardIssues(file: string, card: ParsedCard, allowed: boolean): ParseIssue[] {
  const lacksComplete = COMPLETE_CARD_FIELDS.some(
    (key) => !card.fields[key] || (card.fields[key].text === "" && !MAY_BE_EMPTY.has(key)),
  );
  if (!lacksComplete) return [];
  const missing = CARD_FIELDS.filter((key) => !card.fields[key] && !MANDATORY_FIELDS.includes(key));
  const empty = COMPLETE_CARD_FIELDS.filter((key) => card.fields[key]?.text === "" && !MAY_BE_EMPTY.has(key));
  const lacks = [
    ...(missing.length > 0 ? [`no ${quoted(missing)}`] : []),
    ...(empty.length > 0 ? [`an empty ${quoted(empty)}`] : []),
  ].join(" and ");
  return [
    allowed
      ? issue(
          "warning",
          file,
          card.endLine,
          `partial card, taken as it is (--allow-partial) with ${lacks}`,
          card.catalogNumber,
        )
      : issue(
          "error",
          file,
          card.endLine,
          `incomplete card, ending here with ${lacks} (was the file cut short?); --allow-partial ${card.catalogNumber} loads it as it is`,
          card.catalogNumber,
        ),
  ];
}

function quoted(keys: readonly CardFieldKey[]): string {
  return keys.map((key) => `'${key}'`).join(", ");
}
