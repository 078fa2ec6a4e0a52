/**
 * Turns a parsed card into a practice of the normalized catalogue: stable id, region as NUTS-2,
 * LEP codes, the Sì/No answers as values, start year and territorial level.
 * Never throws: a practice is always returned together with the issues that make it doubtful;
 * a catalogue with errors must not be loaded (an unknown region leaves `region.nuts` empty).
 */
import { readLepCodes } from "../../reference/lep";
import { resolveRegion } from "../../reference/regions";
import { CARD_FIELDS, type CardFieldKey, type CardTable, type ParsedCard } from "../card";
import type { AnpalSupport, NormalizedPracticeCore } from "../catalogue";
import { issue, type ParseIssue } from "../parse";
import { cleanTitle } from "../text";
import { describesNoAssistance, readAnswer } from "./answers";
import { territorialLevelOf, type TerritorialLevel } from "./territory";
import { earliestYear } from "./year";

/** Where to look for a start year, in order: the period first, then the texts that sometimes date the practice. */
const START_YEAR_FIELDS: readonly CardFieldKey[] = ["period", "description", "scope"];

export function normalizeCard(
  card: ParsedCard,
  /** `practiceIdPrefix`: "2023-", or "lazio-2023-" for a catalogue other than ANPAL's (catalogueId.ts). */
  catalog: { year: number; practiceIdPrefix: string },
  file: string,
): { practice: NormalizedPracticeCore; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const text = (key: CardFieldKey): string => card.fields[key]?.text ?? "";
  const lineOf = (key: CardFieldKey): number => card.fields[key]?.startLine ?? card.startLine;
  const report = (severity: ParseIssue["severity"], key: CardFieldKey, message: string): void => {
    issues.push(issue(severity, file, lineOf(key), message, card.catalogNumber));
  };

  const regionName = text("region");
  const region = resolveRegion(regionName);
  if (!region) report("error", "region", `unknown region '${regionName}'`);

  const leps = readLepCodes(text("leps"));
  for (const code of leps.unknown) report("warning", "leps", `unknown LEP code '${code}' ignored`);
  if (leps.codes.length === 0) report("error", "leps", `no LEP code found in '${text("leps")}'`);

  const stillOpen = readAnswer(text("stillOpen"));
  if (!stillOpen) report("error", "stillOpen", `cannot read '${text("stillOpen")}' as Sì/No`);

  const startYear = readStartYear(card, catalog.year);
  if (startYear === null) report("warning", "period", `no start year in '${text("period")}'`);

  const territorialLevel = territorialLevelOf(text("territorialScope"));
  if (!territorialLevel) {
    report(
      "warning",
      "territorialScope",
      `territorial level of '${text("territorialScope")}' not recognised; REGIONAL assumed`,
    );
  }

  const practice: NormalizedPracticeCore = {
    id: `${catalog.practiceIdPrefix}${String(card.catalogNumber).padStart(3, "0")}`,
    catalogNumber: card.catalogNumber,
    printedNumber: text("cardNumber").replace(/\D/g, ""),
    title: cleanTitle(text("title")) || cleanTitle(card.heading.replace(/^\d+\s+/, "")),
    summary: text("description"),
    region: region ? { nuts: region.nuts, name: region.name } : { nuts: "", name: regionName },
    leps: leps.codes,
    // A practice still "in parte" open is still running.
    ongoing: stillOpen === "YES" || stillOpen === "PARTIAL",
    anpalSupport: anpalSupportOf(card, report),
    startYear,
    territorialLevel: territorialLevel ?? ("REGIONAL" satisfies TerritorialLevel),
    fields: fieldRecord((key) => text(key)),
    ...tablesOf(card),
    source: { startLine: card.startLine, endLine: card.endLine },
    fieldLines: fieldRecord(lineOf),
  };
  return { practice, issues };
}

/**
 * The answer to "PRATICA SUPPORTATA DA ANPAL SERVIZI?", checked against the assistance description:
 * a "No" next to a description of assistance actually given (card 4 of 2023: "No", but ANPAL Servizi
 * assisted its 2018 pilot) is PARTIAL, with a warning; "No" with "Nessuna." or nothing stays NO.
 */
function anpalSupportOf(
  card: ParsedCard,
  report: (severity: ParseIssue["severity"], key: CardFieldKey, message: string) => void,
): AnpalSupport {
  const answerText = card.fields.anpalSupported?.text ?? "";
  const answer = readAnswer(answerText);
  if (!answer) {
    report("error", "anpalSupported", `cannot read '${answerText}' as Sì/No`);
    return "NO";
  }
  if (answer === "NO" && !describesNoAssistance(card.fields.anpalAssistance?.text ?? "")) {
    report("warning", "anpalSupported", "answer 'No' but the assistance of ANPAL Servizi is described: PARTIAL");
    return "PARTIAL";
  }
  return answer;
}

function readStartYear(card: ParsedCard, catalogueYear: number): number | null {
  for (const key of START_YEAR_FIELDS) {
    const year = earliestYear(card.fields[key]?.text ?? "", catalogueYear);
    if (year !== undefined) return year;
  }
  return null;
}

function tablesOf(card: ParsedCard): { tables?: Partial<Record<CardFieldKey, CardTable[]>> } {
  const entries = CARD_FIELDS.flatMap((key) => {
    const tables = card.fields[key]?.tables ?? [];
    return tables.length ? [[key, tables] as const] : [];
  });
  return entries.length ? { tables: Object.fromEntries(entries) } : {};
}

function fieldRecord<T>(valueOf: (key: CardFieldKey) => T): Record<CardFieldKey, T> {
  return Object.fromEntries(CARD_FIELDS.map((key) => [key, valueOf(key)])) as Record<CardFieldKey, T>;
}
