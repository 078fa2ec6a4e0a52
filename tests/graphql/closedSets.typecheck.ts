/**
 * Checked by the compiler, not by jest (ts-jest only transpiles: isolatedModules): `npm run typecheck`, which
 * `npm test` runs first, fails on a `false` below. Each closed set of the code must be the schema's enum, as
 * generated from schema/ by `npm run codegen`: the services' results are the resolvers' parents as they are
 * (mappers), so nothing else would tell a value the schema no longer declares from one it does.
 */
import type * as Api from "../../src/graphql/generated/schema";
import type { TransferabilityEvidence } from "../../src/discovery/evidence";
import type { PathLink, PathNodeKind } from "../../src/discovery/path";
import type { PracticeTextField } from "../../src/discovery/search";
import type { AnpalSupport, FundingKindSchema, StakeholderKindSchema } from "../../src/ingest/catalogue";
import type { TerritorialLevel } from "../../src/ingest/normalize/territory";
import type { Lep } from "../../src/reference/lep";
import type { Lens, LinkKind } from "../../src/similarity/model";

/** True only when the two unions hold exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const CLOSED_SETS_MATCH: Record<string, true> = {
  LinkKind: true satisfies Same<LinkKind, Api.LinkKind>,
  SimilarityLens: true satisfies Same<Lens, Api.SimilarityLens>,
  PathNodeKind: true satisfies Same<PathNodeKind, Api.PathNodeKind>,
  PathLink: true satisfies Same<PathLink, Api.PathLink>,
  PracticeTextField: true satisfies Same<PracticeTextField, Api.PracticeTextField>,
  LepGroup: true satisfies Same<Lep["group"], Api.LepGroup>,
  StakeholderKind: true satisfies Same<(typeof StakeholderKindSchema.options)[number], Api.StakeholderKind>,
  FundingKind: true satisfies Same<(typeof FundingKindSchema.options)[number], Api.FundingKind>,
  TerritorialLevel: true satisfies Same<TerritorialLevel, Api.TerritorialLevel>,
  TransferabilityEvidence: true satisfies Same<TransferabilityEvidence, Api.TransferabilityEvidence>,
  AnpalSupport: true satisfies Same<AnpalSupport, Api.AnpalSupport>,
};
