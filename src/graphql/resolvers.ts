/**
 * Resolvers of the discovery root fields (schema/discovery.graphql). Each validates its arguments at the edge,
 * asks a data service for keys and scores, and leaves the graph nodes to the generated API (nodes.ts).
 */
import { z } from "zod";
import { practicePath } from "../discovery/path";
import { regionCoverage } from "../discovery/regionCoverage";
import { regionProfile } from "../discovery/regionProfile";
import { findReplicableModels } from "../discovery/replicable";
import { searchPractices } from "../discovery/search";
import { LENSES, TOP_K } from "../similarity";
import { readEvidence, TRANSFERABILITY_EVIDENCE, type CardFacts } from "../discovery/evidence";
import { NotFoundError } from "../errors";
import { NODE_TYPES, type Same } from "../graph";
import { ALIAS_LABELS, type AliasLabel } from "../vocabulary/aliases";
import { mergeNodes } from "../vocabulary/editorMerge";
import { requireEditor } from "./editorRole";
import { parseArguments } from "./errors";
import type { MergeableNodeType, Resolvers } from "./generated/schema";
import {
  matchedPracticesRead,
  nodeField,
  nodeListField,
  optionalNodeField,
  PRACTICE_KEY,
  resolveNodeList,
  similarPracticesRead,
} from "./nodes";

/** The card fields `Practice.transferability` requires (its @customResolver), as @neo4j/graphql hands them over. */
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const PracticeCard = z
  .object({
    ongoing: z
      .boolean()
      .nullish()
      .transform((value) => value ?? null),
    results: text,
    outcomes: text,
    lessons: text,
    conclusions: text,
    humanResources: text,
    funding: z.array(z.object({ kind: z.string() })),
  })
  .transform(({ funding, ...card }): CardFacts => ({ ...card, fundingKinds: funding.map((source) => source.kind) }));
/** A field of a practice reached through nodes.ts is resolved by the delegated query already, under its response key. */
const ResolvedEvidence = z.array(z.enum(TRANSFERABILITY_EVIDENCE));
const ResolvedPractices = z.array(z.record(z.string(), z.unknown()));
const PracticeKey = z.string();

const limit = z.number().int().min(1, "must be between 1 and 50").max(50, "must be between 1 and 50");
const key = z.string().trim().min(1, "must not be empty");

const SimilarArguments = z.object({ id: key, limit, lens: z.enum(LENSES) });
const SimilarOfPracticeArguments = z.object({
  lens: z.enum(LENSES),
  limit: z.number().int().min(1, `must be between 1 and ${TOP_K}`).max(TOP_K, `must be between 1 and ${TOP_K}`),
});
const ReplicableArguments = z.object({
  region: key,
  lep: z.array(key.transform((code) => code.toUpperCase())).nullish(),
  target: z.array(key).nullish(),
  limit,
});
const RegionArguments = z.object({ region: key });
const PathArguments = z.object({
  from: key,
  to: key,
  maxHops: z.number().int().min(1, "must be between 1 and 8").max(8, "must be between 1 and 8"),
});
const SearchArguments = z.object({ text: key.max(200, "must be at most 200 characters"), limit });

/**
 * The schema's MergeableNodeType as the graph's labels, and back: a type's `kind` in the graph model (src/graph) is
 * its enum value (STAKEHOLDER, FUNDING_SOURCE...); the compiler holds the values against the generated enum.
 */
type MergeableType = `${MergeableNodeType}`;
const MERGEABLE = Object.fromEntries(ALIAS_LABELS.map((label) => [NODE_TYPES[label].kind, label])) as Record<
  MergeableType,
  AliasLabel
>;
/** The schema's MergeableNodeType is the kinds of the node types aliases cover: a value missing on one side fails here. */
const MERGEABLE_FOLLOWS_MODEL: Same<MergeableType, (typeof NODE_TYPES)[AliasLabel]["kind"]> = true;
void MERGEABLE_FOLLOWS_MODEL;
const MERGEABLE_OF = new Map(
  Object.entries(MERGEABLE).map(([type, label]) => [label as string, type as MergeableType]),
);
const MergeArguments = z.object({
  input: z.object({ type: z.enum(Object.keys(MERGEABLE) as [MergeableType]), from: key, into: key }),
});

export const resolvers: Resolvers = {
  Query: {
    similarPractices: async (_, args, context, info) => {
      const { id, lens, limit } = parseArguments(SimilarArguments, args);
      // The matched practices are read with the matches, in the same statement (loaders.ts).
      const matches = await context.loaders.similarPractices.load({
        id,
        lens,
        limit,
        practices: matchedPracticesRead(context, info),
      });
      if (matches === null) throw new NotFoundError("PRACTICE", id);
      return matches;
    },
    replicableModels: async (_, args, { reader }) => {
      const { region, lep, target, limit } = parseArguments(ReplicableArguments, args);
      const asked = { region, leps: lep ?? undefined, targets: target ?? undefined, limit };
      const { matches } = await findReplicableModels(reader, asked);
      return matches;
    },
    regionProfile: (_, args, { reader }) => regionProfile(reader, parseArguments(RegionArguments, args).region),
    regionCoverage: (_, _args, { reader }) => regionCoverage(reader),
    practicePath: (_, args, { reader }) => practicePath(reader, parseArguments(PathArguments, args)),
    searchPractices: (_, args, { reader }) => searchPractices(reader, parseArguments(SearchArguments, args)),
  },
  Mutation: {
    mergeNodes: async (_, args, context) => {
      const editor = requireEditor(context.jwt);
      const { type, from, into } = parseArguments(MergeArguments, args).input;
      const { merge, userErrors } = await mergeNodes(
        context.graph,
        { label: MERGEABLE[type], from, into, editor },
        {
          timeoutMs: context.transaction.timeout,
          metadata: context.transaction.metadata,
        },
      );
      return { merge: merge && { ...merge, type: MERGEABLE_OF.get(merge.type)! }, userErrors };
    },
  },
  Practice: {
    transferability: (practice, _args, _context, info) => {
      const resolved = practice[info.path.key];
      return resolved === undefined ? readEvidence(PracticeCard.parse(practice)) : ResolvedEvidence.parse(resolved);
    },
    // The verified read of similarPractices (never a half-written neighbourhood), as practices.
    similar: async (practice, args, context, info) => {
      const resolved = practice[info.path.key];
      if (resolved !== undefined) return ResolvedPractices.parse(resolved);
      const { lens, limit } = parseArguments(SimilarOfPracticeArguments, args);
      const id = PracticeKey.parse(practice[PRACTICE_KEY]);
      const practices = similarPracticesRead(context, info);
      const matches = await context.loaders.similarPractices.load({ id, lens, limit, practices });
      return resolveNodeList(
        "Practice",
        (matches ?? []).map((match) => match.practiceId),
        context,
        info,
      );
    },
  },
  PracticeMatch: { practice: nodeField("Practice", (match) => match.practiceId) },
  PracticeHit: { practice: nodeField("Practice", (hit) => hit.practiceId) },
  PathStep: { practice: optionalNodeField("Practice", (step) => (step.kind === "PRACTICE" ? step.id : null)) },
  RegionProfile: {
    region: nodeField("Region", (profile) => profile.region.nuts),
    practiceCount: (profile) => profile.practiceIds.length,
  },
  RegionCoverage: { region: nodeField("Region", (coverage) => coverage.nuts) },
  LepCoverage: { lep: nodeField("Lep", (coverage) => coverage.code) },
  TargetGroupReach: { targetGroup: nodeField("TargetGroup", (reach) => reach.id) },
  LepGap: {
    lep: nodeField("Lep", (gap) => gap.code),
    models: nodeListField("Practice", (gap) => gap.modelIds),
  },
};
