import { Kind, parse, type DefinitionNode } from "graphql";
import { CARD_FIELDS } from "../../src/ingest/card";
import { FundingKindSchema, StakeholderKindSchema } from "../../src/ingest/catalogue";
import { cardFieldEnum } from "../../src/ingest/practiceGraph";
import { LENSES, LINK_KINDS } from "../../src/similarity";
import { readTypeDefs } from "../../src/graphql/schema";

const document = parse(readTypeDefs());

function enumValues(name: string): string[] {
  const definition = document.definitions.find(
    (node): node is Extract<DefinitionNode, { kind: Kind.ENUM_TYPE_DEFINITION }> =>
      node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === name,
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
    expect(enumValues("CardField")).toEqual(CARD_FIELDS.map(cardFieldEnum));
    expect(enumValues("StakeholderKind")).toEqual(StakeholderKindSchema.options);
    expect(enumValues("FundingKind")).toEqual(FundingKindSchema.options);
    expect(enumValues("LinkKind")).toEqual([...LINK_KINDS]);
    expect(enumValues("SimilarityLens")).toEqual([...LENSES]);
  });
});
