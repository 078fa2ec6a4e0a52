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
import { parseArguments } from "./errors";
import type { Resolvers } from "./generated/schema";
import { nodeField, nodeListField, optionalNodeField, matchedPracticesRead, similarPracticesRead, resolveNodeList, PRACTICE_KEY, type GraphNode } from "./nodes";

/** The card fields `Practice.transferability` requires (its @customResolver), as @neo4j/graphql hands them over. */
const text = z.string().nullish().transform((value) => value ?? null);
const PracticeCard = z
  .object({
    ongoing: z.boolean().nullish().transform((value) => value ?? null),
    results: text,
    outcomes: text,
    lessons: text,
    conclusions: text,
    humanResources: text,
    funding: z.array(z.object({ kind: z.string() })),
  })
  .transform(({ funding, ...card }): CardFacts => ({ ...card, fundingKinds: funding.map((source) => source.kind) }));
const ResolvedEvidence = z.object({ transferability: z.array(z.enum(TRANSFERABILITY_EVIDENCE)) });

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
const PathArguments = z.object({ from: key, to: key, maxHops: z.number().int().min(1, "must be between 1 and 8").max(8, "must be between 1 and 8") });
const SearchArguments = z.object({ text: key.max(200, "must be at most 200 characters"), limit });

export const resolvers: Resolvers = {
  Query: {
    similarPractices: async (_, args, context, info) => {
      const { id, lens, limit } = parseArguments(SimilarArguments, args);
      // The matched practices are read with the matches, in the same statement (loaders.ts).
      const matches = await context.loaders.similarPractices.load({ id, lens, limit, practices: matchedPracticesRead(context, info) });
      if (matches === null) throw new NotFoundError("PRACTICE", id);
      return matches;
    },
    replicableModels: async (_, args, { reader }) => {
      const { region, lep, target, limit } = parseArguments(ReplicableArguments, args);
      const { matches } = await findReplicableModels(reader, { region, leps: lep ?? undefined, targets: target ?? undefined, limit });
      return matches;
    },
    regionProfile: (_, args, { reader }) => regionProfile(reader, parseArguments(RegionArguments, args).region),
    regionCoverage: (_, _args, { reader }) => regionCoverage(reader),
    practicePath: (_, args, { reader }) => practicePath(reader, parseArguments(PathArguments, args)),
    searchPractices: (_, args, { reader }) => searchPractices(reader, parseArguments(SearchArguments, args)),
  },
  Practice: {
    // A practice reached through nodes.ts was resolved by the delegated query already: keep its answer.
    transferability: (practice) =>
      "transferability" in practice ? ResolvedEvidence.parse(practice).transferability : readEvidence(PracticeCard.parse(practice)),
    // The verified read of similarPractices (never a half-written neighbourhood), as practices.
    similar: async (practice, args, context, info) => {
      // Reached through nodes.ts, the delegated query resolved it already, under its response key.
      const resolved = practice[info.path.key];
      if (Array.isArray(resolved)) return resolved as GraphNode[];
      const { lens, limit } = parseArguments(SimilarOfPracticeArguments, args);
      const id = String(practice[PRACTICE_KEY]);
      const matches = await context.loaders.similarPractices.load({ id, lens, limit, practices: similarPracticesRead(context, info) });
      return resolveNodeList("Practice", (matches ?? []).map((match) => match.practiceId), context, info);
    },
  },
  PracticeMatch: { practice: nodeField("Practice", (match: { practiceId: string }) => match.practiceId) },
  PracticeHit: { practice: nodeField("Practice", (hit: { practiceId: string }) => hit.practiceId) },
  PathStep: { practice: optionalNodeField("Practice", (step: { kind: string; id: string }) => (step.kind === "PRACTICE" ? step.id : null)) },
  RegionProfile: {
    region: nodeField("Region", (profile: { region: { nuts: string } }) => profile.region.nuts),
    practiceCount: (profile: { practiceIds: string[] }) => profile.practiceIds.length,
  },
  RegionCoverage: { region: nodeField("Region", (coverage: { nuts: string }) => coverage.nuts) },
  LepCoverage: { lep: nodeField("Lep", (coverage: { code: string }) => coverage.code) },
  TargetGroupReach: { targetGroup: nodeField("TargetGroup", (reach: { id: string }) => reach.id) },
  LepGap: {
    lep: nodeField("Lep", (gap: { code: string }) => gap.code),
    models: nodeListField("Practice", (gap: { modelIds: string[] }) => gap.modelIds),
  },
};
