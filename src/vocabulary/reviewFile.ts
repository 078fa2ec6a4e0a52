/**
 * The review file (`npm run vocabulary -- pending`): the provisional nodes a catalogue brings, grouped by kind as the
 * import report lists them, each with what the vocabulary entry accepting it would say and where the cards name it,
 * and a `decision` the domain expert fills in: "accept", { "aliasOf": "<an entry's id>" }, or "pending" (left for
 * later). `npm run vocabulary -- review FILE` applies the decisions to seed/vocabulary/ (applyReview.ts).
 */
import { z } from "zod";
import {
  FundingKindSchema,
  SlugSchema,
  StakeholderKindSchema,
  type NormalizedCatalogue,
  type Provenance,
} from "../ingest/catalogue";
import { NutsCodeSchema } from "../reference/regions";
import { mentionContext } from "./mentionContext";

const text = z.string().trim().min(1);

export const DecisionSchema = z.union([
  z.literal("pending"),
  z.literal("accept"),
  z.strictObject({ aliasOf: SlugSchema }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * What `review` makes of a field written for the reader (a mention's `context`, a node's `candidates`): nothing. It
 * accepts whatever the expert left there (a line deleted, a note added, null) and drops it.
 */
const forTheReader = z
  .unknown()
  .transform(() => undefined)
  .optional();

/** Where a practice names the node: a card's field and line, or (line null, from the database) an editor's link. */
const MentionSchema = z.strictObject({
  practice: text,
  field: text,
  line: z.number().int().positive().nullable(),
  context: forTheReader,
});

/** A mention as written: read from a catalogue file, with the card's text around the name (mentionContext.ts). */
export type Mention = Omit<z.infer<typeof MentionSchema>, "context"> & { context?: string };

/** A curated entry the node may be another spelling of (candidates.ts), and why. */
export type AliasCandidate = { id: string; name: string; why: string };

export const ReviewNodeSchema = z.strictObject({
  id: SlugSchema,
  /** The graph's label: which vocabulary file an accepted entry goes to (stakeholders, cpis, funding). */
  label: z.enum(["Stakeholder", "Cpi", "FundingSource"]),
  name: text,
  /** English name of an accepted stakeholder or fund (the vocabulary requires one); prefilled, for the expert to check. */
  nameEn: text.optional(),
  /** A stakeholder's kind, or a fund's (read from its name: the expert sets it on acceptance). */
  kind: z.union([StakeholderKindSchema, FundingKindSchema]).optional(),
  /** A local branch's national organisation. */
  partOf: SlugSchema.optional(),
  municipality: text.optional(),
  municipalityIstat: text.optional(),
  province: text.optional(),
  provinceName: text.optional(),
  region: NutsCodeSchema.optional(),
  /** The names the cards give it: an accepted entry's aliases, or those added to the entry it becomes an alias of. */
  spellings: z.array(text).min(1),
  mentions: z.array(MentionSchema),
  /** Entries it may be an alias of, best first (AliasCandidate[] as written). */
  candidates: forTheReader,
  decision: DecisionSchema,
});
/** A node as written; as read, its `candidates` and mentions' `context` are gone. */
export type ReviewNode = Omit<z.infer<typeof ReviewNodeSchema>, "mentions" | "candidates"> & {
  mentions: Mention[];
  candidates?: AliasCandidate[];
};

export const ReviewFileSchema = z.strictObject({
  /** Where the nodes were read: the catalogue file, or the database. */
  source: text,
  /** How to fill `decision`; for the reader, not read back. */
  help: z.array(z.string()).optional(),
  /** The nodes by kind (as the import report groups them: MUNICIPALITY, CPI, FUNDING REGIONAL_BUDGET...). */
  kinds: z.record(z.string(), z.array(ReviewNodeSchema)),
});
export type ReviewFile = Omit<z.infer<typeof ReviewFileSchema>, "kinds"> & { kinds: Record<string, ReviewNode[]> };

export const REVIEW_HELP = [
  'decision: "pending" (decide later), "accept" (a vocabulary entry with this id, name, nameEn, kind, place and the',
  'spellings as aliases), or { "aliasOf": "<id of an entry of the same file and, for a stakeholder, kind>" } (the',
  "spellings become its aliases and this id its formerIds: a re-import moves this node's links onto it). Check nameEn",
  "before accepting.",
  '"candidates": entries it may be an alias of, best first, and why; a mention\'s "context": the card\'s text around',
  "the name. Both are for you: they are not read back.",
  "Apply with: npm run vocabulary -- review THIS_FILE",
];

type Actor = {
  id: string;
  name: string;
  nameEn?: string;
  kind?: string;
  curated?: boolean;
  partOf?: string;
  municipality?: string;
  municipalityIstat?: string;
  province?: string;
  provinceName?: string;
  region?: string;
  source: Provenance;
};

/** The kind heading a node is listed under, as in the import report (extract/provisionalList.ts). */
export function kindHeading(label: ReviewNode["label"], kind: string | undefined): string {
  if (label === "Cpi") return "CPI";
  return label === "FundingSource" ? `FUNDING ${kind}` : String(kind);
}

/** A sensible English name to start from: the expert checks it before accepting. */
export function defaultNameEn(
  node: Pick<ReviewNode, "label" | "name" | "kind" | "municipality" | "provinceName">,
): string {
  if (node.kind === "MUNICIPALITY" && node.municipality) return `Municipality of ${node.municipality}`;
  if (node.kind === "CHAMBER_OF_COMMERCE" && (node.provinceName ?? node.municipality)) {
    return `Chamber of Commerce of ${node.provinceName ?? node.municipality}`;
  }
  return node.name;
}

/**
 * The provisional nodes of a normalized catalogue, to decide, in the order of the import report; given the catalogue
 * file's lines (splitLines), each mention has its context (mentionContext.ts).
 */
export function pendingFromCatalogue(
  catalogue: NormalizedCatalogue,
  source: string,
  sourceLines?: readonly string[],
): ReviewFile {
  const nodes = new Map<string, ReviewNode>();
  for (const practice of catalogue.practices) {
    const actors: Array<[ReviewNode["label"], Actor]> = [
      ...practice.stakeholders.map((actor) => ["Stakeholder", actor] as [ReviewNode["label"], Actor]),
      ...practice.cpis.map((actor) => ["Cpi", actor] as [ReviewNode["label"], Actor]),
      ...practice.funding.map((actor) => ["FundingSource", actor] as [ReviewNode["label"], Actor]),
    ];
    for (const [label, actor] of actors) {
      if (actor.curated !== false) continue;
      const key = `${label}:${actor.id}`;
      const node = nodes.get(key) ?? reviewNode(label, actor);
      if (!node.spellings.includes(actor.name)) node.spellings.push(actor.name);
      const { field, line } = actor.source;
      const context = sourceLines && mentionContext(sourceLines, line, actor.name);
      node.mentions.push({ practice: practice.id, field, line, ...(context ? { context } : {}) });
      nodes.set(key, node);
    }
  }
  return groupByKind([...nodes.values()], source);
}

/** The nodes grouped by kind heading, kinds and ids in order, so that two runs write the same file. */
export function groupByKind(nodes: readonly ReviewNode[], source: string): ReviewFile {
  const kinds: ReviewFile["kinds"] = {};
  const sorted = [...nodes].sort(
    (a, b) => compare(kindHeading(a.label, a.kind), kindHeading(b.label, b.kind)) || compare(a.id, b.id),
  );
  for (const node of sorted) (kinds[kindHeading(node.label, node.kind)] ??= []).push(node);
  return { source, help: REVIEW_HELP, kinds };
}

function reviewNode(label: ReviewNode["label"], actor: Actor): ReviewNode {
  const place = {
    ...(actor.municipality ? { municipality: actor.municipality } : {}),
    ...(actor.municipalityIstat ? { municipalityIstat: actor.municipalityIstat } : {}),
    ...(actor.province ? { province: actor.province } : {}),
    ...(actor.provinceName ? { provinceName: actor.provinceName } : {}),
    ...(actor.region ? { region: actor.region } : {}),
  };
  const kind = label === "Cpi" ? {} : { kind: actor.kind as ReviewNode["kind"] };
  const nameEn =
    label === "Cpi" ? {} : { nameEn: actor.nameEn ?? defaultNameEn({ label, name: actor.name, ...kind, ...place }) };
  return {
    id: actor.id,
    label,
    name: actor.name,
    ...nameEn,
    ...kind,
    ...(actor.partOf ? { partOf: actor.partOf } : {}),
    ...place,
    spellings: [],
    mentions: [],
    decision: "pending",
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
