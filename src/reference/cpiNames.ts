import type { Token } from "../text/tokens";

/**
 * Cards name a job centre in many ways: "CPI di Palermo", "Cpl Genova Centro" ("Cpl" is the usual OCR/Italian
 * variant of "CpI"), "Centro per l'Impiego di Guidonia Montecelio", "Il Centro per l'impiego (Cpi) di Palermo".
 * Rewriting every designator, with its optional "(Cpi)" and preposition, to the single word "cpi" lets one alias
 * ("CPI Palermo") stand for all of them.
 */
const DESIGNATORS = [
  ["centro", "per", "l", "impiego"],
  ["centri", "per", "l", "impiego"],
  ["centro", "dell", "impiego"],
  ["centri", "dell", "impiego"],
  ["centro", "per", "l", "impegno"], // a misspelling found in the 2023 catalogue
  ["cpi"],
  ["cpl"],
];
const PREPOSITIONS = new Set(["di", "de", "del", "della", "d"]);

export function canonicalizeCpiDesignators(tokens: Token[]): Token[] {
  const rewritten: Token[] = [];
  let index = 0;
  while (index < tokens.length) {
    const designator = DESIGNATORS.find((words) =>
      words.every((word, offset) => tokens[index + offset]?.text === word),
    );
    if (designator === undefined) {
      rewritten.push(tokens[index]!);
      index += 1;
      continue;
    }
    let last = index + designator.length - 1;
    if (tokens[last + 1]?.text === "cpi") last += 1;
    if (PREPOSITIONS.has(tokens[last + 1]?.text ?? "")) last += 1;
    rewritten.push({ text: "cpi", start: tokens[index]!.start, end: tokens[last]!.end });
    index = last + 1;
  }
  return rewritten;
}
