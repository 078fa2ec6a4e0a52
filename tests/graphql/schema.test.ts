import { Kind, parse, type DefinitionNode } from "graphql";
import { CARD_FIELDS } from "../../src/ingest/card";
import { FundingKindSchema, StakeholderKindSchema } from "../../src/ingest/catalogue";
import { cardFieldEnum } from "../../src/ingest/practiceGraph";
import { LENSES, LINK_KINDS } from "../../src/similarity";
import { readTypeDefs } from "../../src/graphql/schema";
import type * as Api from "../../src/graphql/generated/schema";
import type { TransferabilityEvidence } from "../../src/discovery/evidence";
import type { PathLink, PathNodeKind } from "../../src/discovery/path";
import type { PracticeTextField } from "../../src/discovery/search";
import type { AnpalSupport } from "../../src/ingest/catalogue";
import type { TerritorialLevel } from "../../src/ingest/normalize/territory";
import type { Lep } from "../../src/reference/lep";
import type { Lens, LinkKind } from "../../src/similarity/model";

/** True only when the two unions hold exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time checks (tsc and ts-jest fail on a `false`): each closed set of the code is the schema's enum, as
 * generated from schema/ by `npm run codegen`. The services' results are the resolvers' parents as they are
 * (mappers), so nothing else would tell a value the schema no longer declares from one it does.
 */
const CLOSED_SETS_MATCH: Record<string, true> = {
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

const document = parse(readTypeDefs());

function enumValues(name: string): string[] {
  const definition = document.definitions.find(
    (node): node is Extract<DefinitionNode, { kind: Kind.ENUM_TYPE_DEFINITION }> => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === name,
  );
  return definition?.values?.map((value) => value.name.value) ?? [];
}

describe("the type definitions in schema/", () => {
  it("describe every type, field and argument, for the analysts reading the schema", () => {
    const undescribed: string[] = [];
    for (const node of document.definitions) {
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
      const typeName = node.name.value;
      if (!node.description && typeName !== "Query") undescribed.push(typeName);
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of node.fields ?? []) {
        if (!field.description) undescribed.push(`${typeName}.${field.name.value}`);
        for (const argument of field.arguments ?? []) {
          if (!argument.description) undescribed.push(`${typeName}.${field.name.value}(${argument.name.value})`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it("declare the same closed sets as the code that writes and reads them", () => {
    expect(Object.keys(CLOSED_SETS_MATCH)).toHaveLength(11);
    expect(enumValues("CardField")).toEqual(CARD_FIELDS.map(cardFieldEnum));
    expect(enumValues("StakeholderKind")).toEqual(StakeholderKindSchema.options);
    expect(enumValues("FundingKind")).toEqual(FundingKindSchema.options);
    expect(enumValues("LinkKind")).toEqual([...LINK_KINDS]);
    expect(enumValues("SimilarityLens")).toEqual([...LENSES]);
  });
});
