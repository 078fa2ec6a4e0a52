/**
 * From a catalogue file to a validated normalized catalogue: parse the cards, normalize each one,
 * extract its entities through the curated vocabulary, check the result against the schema, and link the nodes the
 * vocabulary says were merged into others (`formerIds`) as those others. Touches no database; errors and warnings
 * come back with file and line.
 */
import fs from "node:fs";
import path from "node:path";
import { loadVocabulary, type Vocabulary } from "../reference/vocabulary";
import { applyAliases } from "../vocabulary/aliases";
import type { ParsedCard } from "./card";
import { NormalizedCatalogueSchema, type NormalizedCatalogue, type NormalizedPractice } from "./catalogue";
import { extractEntities, indexPracticeTitles, type UnknownMention } from "./extract";
import { catalogueIdentity, normalizeCard } from "./normalize";
import {
  cutShortIssues,
  incompleteCardIssues,
  issue,
  parseCatalogue,
  readFrontMatter,
  splitLines,
  type ParseIssue,
} from "./parse";

export type CatalogueReading = {
  /** Present only when there are no errors. */
  catalogue?: NormalizedCatalogue;
  errors: ParseIssue[];
  warnings: ParseIssue[];
  /** Mentions the vocabulary does not know yet: material to grow it. */
  unknownMentions: Array<UnknownMention & { practice: string }>;
};

export type ReadOptions = {
  /** Catalogue id (--catalogue); default from the cover, see normalize/catalogueId.ts. */
  catalogId?: string;
  /** Edition year (--edition), for a cover that does not print it. */
  edition?: number;
  vocabulary?: Vocabulary;
  /** How the file is named in the output (`source`), default: relative to the working directory. */
  sourceName?: string;
  /**
   * The cards (by position, 1, 2, ...) to load even though they look cut short (a warning each) instead of refusing
   * the catalogue: named one by one, so that allowing a card with a field genuinely left out lets no cut card through.
   */
  allowPartial?: ReadonlySet<number>;
};

export function readCatalogue(file: string, options: ReadOptions = {}): CatalogueReading {
  const sourceName = options.sourceName ?? path.relative(process.cwd(), path.resolve(file));
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return split([issue("error", sourceName, 1, `cannot read the file: ${(error as Error).message}`)], []);
  }
  const lines = splitLines(text);
  const { frontMatter, issues: frontIssues } = readFrontMatter(lines, sourceName, options.edition);
  const parsed = parseCatalogue(lines, sourceName);
  const issues = [...frontIssues, ...parsed.issues];
  const identity = frontMatter && catalogueIdentity(frontMatter, options.catalogId);
  if (identity && "problem" in identity) issues.push(issue("error", sourceName, 1, identity.problem));

  const vocabulary = options.vocabulary ?? loadVocabulary();
  // Without an edition year or a catalogue id the catalogue cannot load, but its cards are still checked so every
  // error is listed; their start years are then read up to this year, not refused as later than year 0.
  const year = frontMatter?.year ?? new Date().getUTCFullYear();
  const edition = { year, practiceIdPrefix: identity && "id" in identity ? identity.practiceIdPrefix : `${year}-` };
  const cores = parsed.cards.map((card) => {
    const normalized = normalizeCard(card, edition, sourceName);
    issues.push(...normalized.issues);
    return { card, practice: normalized.practice };
  });
  issues.push(...partialCardIssues(sourceName, parsed.cards, lines, options.allowPartial ?? new Set()));
  // Lineage is stated by title or model name: resolve it to the ids of this catalogue's practices.
  const practiceTitles = indexPracticeTitles(new Map(cores.map(({ practice }) => [practice.title, practice.id])));
  const unknownMentions: CatalogueReading["unknownMentions"] = [];
  const practices: NormalizedPractice[] = cores.map(({ card, practice }) => {
    const {
      unknownMentions: unknown,
      unresolvedLineage,
      actorWarnings,
      ...entities
    } = extractEntities(card, {
      vocabulary,
      practiceTitles,
      region: practice.region.nuts || undefined,
    });
    unknownMentions.push(...unknown.map((mention) => ({ ...mention, practice: practice.id })));
    issues.push(
      ...[...unresolvedLineage, ...actorWarnings].map(({ line, message }) =>
        issue("warning", sourceName, line, message, practice.catalogNumber),
      ),
    );
    return { ...practice, ...entities };
  });

  if (!frontMatter || !identity || !("id" in identity)) return split(issues, unknownMentions);
  const { title, publisher, asOf } = frontMatter;
  const catalogue = {
    catalog: { id: identity.id, title, publisher, year, asOf, source: sourceName },
    practices,
    warnings: issues
      .filter((found) => found.severity === "warning")
      .map((found) => ({
        line: found.line,
        ...(found.card !== undefined ? { practice: practices[found.card - 1]?.id } : {}),
        message: found.message,
      })),
  };
  if (issues.some((found) => found.severity === "error")) return split(issues, unknownMentions);
  // A last guard on what the loader will write: a failure here is a bug of the pipeline, not of the file.
  const validated = NormalizedCatalogueSchema.safeParse(catalogue);
  if (!validated.success) {
    issues.push(
      ...validated.error.issues.map((problem) => {
        const [, index] = problem.path;
        const practice = typeof index === "number" ? practices[index] : undefined;
        return issue(
          "error",
          sourceName,
          practice?.source.startLine ?? 1,
          `${practice ? `${practice.id}: ` : ""}${problem.path.join(".")}: ${problem.message}`,
          practice?.catalogNumber,
        );
      }),
    );
  }
  // Nodes merged into others (the vocabulary's formerIds) are linked as the node they became, with the card's lines.
  const aliased = validated.success ? applyAliases(validated.data, vocabulary).catalogue : undefined;
  return split(issues, unknownMentions, aliased);
}

/**
 * Cards that look cut short (parse/completeness.ts, and for the file's last card parse/cutShort.ts), refused unless allowed;
 * an allowed card that does not look cut short is said, so that a list kept from an earlier edition is noticed.
 */
function partialCardIssues(
  file: string,
  cards: readonly ParsedCard[],
  lines: readonly string[],
  allowed: ReadonlySet<number>,
): ParseIssue[] {
  const issues = cards.flatMap((card) => incompleteCardIssues(file, card, allowed.has(card.catalogNumber)));
  const last = cards.at(-1);
  if (last !== undefined) issues.push(...cutShortIssues(file, last, lines, allowed.has(last.catalogNumber)));
  const partial = new Set(issues.map((found) => found.card));
  for (const number of allowed) {
    const card = cards[number - 1];
    if (card === undefined)
      issues.push(issue("warning", file, 1, `--allow-partial names card ${number}, which the catalogue does not have`));
    else if (!partial.has(number))
      issues.push(
        issue("warning", file, card.startLine, `--allow-partial names card ${number}, which is not partial`, number),
      );
  }
  return issues;
}

function split(
  issues: ParseIssue[],
  unknownMentions: CatalogueReading["unknownMentions"],
  catalogue?: NormalizedCatalogue,
): CatalogueReading {
  const byLine = [...issues].sort((a, b) => a.line - b.line);
  const errors = byLine.filter((found) => found.severity === "error");
  return {
    catalogue: errors.length === 0 ? catalogue : undefined,
    errors,
    warnings: byLine.filter((found) => found.severity === "warning"),
    unknownMentions,
  };
}
