/**
 * Applies a review file's decisions (reviewFile.ts) to the vocabulary's files: "accept" adds an entry with the node's
 * id, name, English name, kind, place, organisation and spellings; { "aliasOf": id } adds the spellings to that
 * entry's aliases and the node's id to its formerIds. The result is checked as the importer checks the vocabulary
 * (loadVocabulary: unknown ids, aliases another entry claims, places, branches) before anything is written; every
 * problem names the review file, its line and the node. Files keep their layout (2-space JSON, entries in their
 * order, new ones appended) so that the change reads as a diff.
 */
import fs from "node:fs";
import path from "node:path";
import { readValidJsonFile, type JsonPath } from "../ingest/jsonFile";
import { loadVocabulary } from "../reference/vocabulary";
import { normalizePhrase } from "../text/tokens";
import { VOCABULARY_FILE_OF } from "./files";
import { ReviewFileSchema, type ReviewNode } from "./reviewFile";
import { readHeld, VocabularyCheckError, writeVocabularyFiles, type HeldFile } from "./vocabularyFiles";

/** The review cannot be applied; nothing was written. The message lists every problem. */
export class ReviewError extends Error {
  override name = "ReviewError";
}

export type ReviewOutcome = {
  accepted: Array<{ label: ReviewNode["label"]; id: string }>;
  aliased: Array<{ label: ReviewNode["label"]; from: string; into: string }>;
  pending: number;
  /** The vocabulary files changed (written unless a dry run). */
  files: string[];
};

const REVIEWED: ReadonlyArray<ReviewNode["label"]> = ["Stakeholder", "Cpi", "FundingSource"];
const FILE_OF = Object.fromEntries(REVIEWED.map((label) => [label, VOCABULARY_FILE_OF[label]])) as Record<
  ReviewNode["label"],
  string
>;

type Entry = Record<string, unknown> & { id: string; aliases: string[]; formerIds?: string[] };
type Located = { node: ReviewNode; where: string };

export function applyReview(reviewFile: string, dir: string, options: { dryRun?: boolean } = {}): ReviewOutcome {
  let review;
  try {
    review = readValidJsonFile(reviewFile, ReviewFileSchema, "a review file (npm run vocabulary -- pending)");
  } catch (error) {
    throw new ReviewError((error as Error).message, { cause: error });
  }
  const lineOf = (at: JsonPath) => review.lineOf(at);
  try {
    loadVocabulary(dir);
  } catch (error) {
    throw new ReviewError(
      `the vocabulary in ${dir} is not valid as it is, before the review: ${(error as Error).message}`,
    );
  }
  const files = new Map<string, HeldFile<Entry>>();
  const entriesOf = (label: ReviewNode["label"]) => {
    const file = FILE_OF[label];
    let held = files.get(file);
    if (held === undefined) {
      held = readHeld<Entry>(dir, file);
      files.set(file, held);
    }
    return held;
  };

  const nodes: Located[] = Object.entries(review.value.kinds).flatMap(([kind, list]) =>
    list.map((node, index) => ({
      node,
      where: `${reviewFile}:${lineOf(["kinds", kind, index])} ${kind} "${node.id}"`,
    })),
  );
  const problems: string[] = [];
  const outcome: ReviewOutcome = { accepted: [], aliased: [], pending: 0, files: [] };
  const seen = new Map<string, string>();
  for (const { node, where } of nodes) {
    const previous = seen.get(`${node.label}:${node.id}`);
    if (previous !== undefined) problems.push(`${where}: listed twice (also at ${previous})`);
    seen.set(`${node.label}:${node.id}`, where);
  }
  // Acceptances first: a node may become an alias of another accepted in the same review.
  for (const { node, where } of nodes.filter(({ node }) => node.decision === "accept")) {
    const held = entriesOf(node.label);
    if (held.entries.some((entry) => entry.id === node.id)) {
      problems.push(`${where}: accepted, but ${FILE_OF[node.label]} has an entry "${node.id}" already`);
      continue;
    }
    const claimed = held.entries.find((entry) => entry.formerIds?.includes(node.id));
    if (claimed) {
      problems.push(`${where}: accepted, but it is a former id of "${claimed.id}" already (merged into it)`);
      continue;
    }
    const entry = acceptedEntry(node, where, problems);
    if (entry === undefined) continue;
    held.entries.push(entry);
    held.changed = true;
    outcome.accepted.push({ label: node.label, id: node.id });
  }
  for (const { node, where } of nodes) {
    const { decision } = node;
    if (decision === "pending") outcome.pending += 1;
    if (typeof decision !== "object") continue;
    const held = entriesOf(node.label);
    const target = held.entries.find((entry) => entry.id === decision.aliasOf);
    if (target === undefined) {
      const other = Object.entries(FILE_OF).find(([label, file]) => {
        if (label === node.label) return false;
        return readEntries(dir, file).some((entry) => entry.id === decision.aliasOf);
      });
      const elsewhere = other
        ? `: it is in ${other[1]}, and a ${node.label} can be an alias of a ${other[0]} of ${FILE_OF[node.label]} only`
        : "";
      problems.push(`${where}: aliasOf "${decision.aliasOf}" is no entry of ${FILE_OF[node.label]}${elsewhere}`);
      continue;
    }
    if (decision.aliasOf === node.id) {
      problems.push(`${where}: aliasOf names the node itself`);
      continue;
    }
    if (node.label === "Stakeholder" && node.kind !== undefined && target.kind !== node.kind) {
      problems.push(
        `${where}: a ${node.kind} cannot be an alias of "${target.id}", a ${String(target.kind)} (change its kind in the review file if the card's designator misled it)`,
      );
      continue;
    }
    if (held.entries.some((entry) => entry.id === node.id)) {
      problems.push(`${where}: ${FILE_OF[node.label]} has an entry "${node.id}": merge entries by hand, not by alias`);
      continue;
    }
    const known = new Set(target.aliases.map((alias) => normalizePhrase(alias)));
    target.aliases = [...target.aliases, ...node.spellings.filter((spelling) => !known.has(normalizePhrase(spelling)))];
    const formerIds = [...(target.formerIds ?? [])];
    if (!formerIds.includes(node.id)) formerIds.push(node.id);
    Object.assign(target, { formerIds });
    held.changed = true;
    outcome.aliased.push({ label: node.label, from: node.id, into: target.id });
  }
  if (problems.length > 0) throw new ReviewError(`${reviewFile}: nothing was written:\n  ${problems.join("\n  ")}`);

  const changed = new Map([...files].filter(([, held]) => held.changed));
  // The vocabulary's own checks, on a copy: nothing is written unless the whole result loads.
  try {
    writeVocabularyFiles(dir, changed, options);
  } catch (error) {
    if (!(error instanceof VocabularyCheckError)) throw error;
    throw new ReviewError(notLoading(error.message, reviewFile, nodes), { cause: error });
  }
  outcome.files = [...changed.keys()].map((file) => path.join(dir, file));
  return outcome;
}

/** The entry an accepted node becomes, in the vocabulary's field order. */
function acceptedEntry(node: ReviewNode, where: string, problems: string[]): Entry | undefined {
  const common = { id: node.id, name: node.name };
  if (node.label === "Cpi") {
    if (node.region === undefined) {
      problems.push(`${where}: a job centre needs its region (region: a NUTS-2 code) to be accepted`);
      return undefined;
    }
    return { ...common, region: node.region, aliases: node.spellings };
  }
  if (node.nameEn === undefined) {
    problems.push(`${where}: give its English name (nameEn) to accept it`);
    return undefined;
  }
  if (node.kind === undefined) {
    problems.push(`${where}: give its kind to accept it`);
    return undefined;
  }
  if (node.label === "FundingSource")
    return { ...common, nameEn: node.nameEn, kind: node.kind, aliases: node.spellings };
  // A stakeholder keeps its place only if its entry says it (docs/actors.md, "What an accepted entry needs").
  const place = node.municipality
    ? { municipality: node.municipality, ...(node.province ? { province: node.province } : {}) }
    : node.municipalityIstat
      ? { municipalityIstat: node.municipalityIstat }
      : node.province
        ? { province: node.province }
        : node.region
          ? { region: node.region }
          : {};
  return {
    ...common,
    nameEn: node.nameEn,
    kind: node.kind,
    ...(node.partOf ? { partOf: node.partOf } : {}),
    ...place,
    aliases: node.spellings,
  };
}

function readEntries(dir: string, file: string): Entry[] {
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Entry[];
}

/**
 * The vocabulary loader's problem with the result (paths of the real directory); a problem it names in an entry the
 * review wrote is told as the review file's node that wrote it.
 */
function notLoading(message: string, reviewFile: string, nodes: readonly Located[]): string {
  const culprits = nodes.filter(
    ({ node }) =>
      node.decision !== "pending" &&
      (message.includes(`("${node.id}")`) ||
        (typeof node.decision === "object" && message.includes(`("${node.decision.aliasOf}")`)) ||
        node.spellings.some((spelling) => message.includes(`"${spelling}"`))),
  );
  const from = culprits.length ? `\n  from ${culprits.map(({ where }) => where).join("\n  and ")}` : "";
  return `${reviewFile}: nothing was written: the vocabulary would not load:\n  ${message}${from}`;
}
