import { parse } from "graphql";
import { printServedSchema } from "../../src/graphql/contract/publicSchema";
import { readTypeDefs } from "../../src/graphql/schema";

// graphql-schema-linter ships no type declarations: the two entry points used here, as its README documents them.
type LintError = { message: string; ruleName: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { configuration, validator } = require("graphql-schema-linter") as {
  configuration: { Configuration: new (schema: object, options: object) => { getRules(): unknown[] } };
  validator: { validateSchemaDefinition(schema: object, rules: unknown[], configuration: object): LintError[] };
};

const DESCRIPTION_RULES = [
  "types-have-descriptions",
  "fields-have-descriptions",
  "enum-values-have-descriptions",
  "arguments-have-descriptions",
];

/** The types the project declares in schema/ (the rest, filters, inputs and responses, are @neo4j/graphql's). */
const OWN_TYPES = new Set([
  ...parse(readTypeDefs()).definitions.flatMap((definition) =>
    "name" in definition && definition.name ? [definition.name.value] : [],
  ),
  "Mutation",
]);

describe("the served schema, as analysts read it in the explorer's docs", () => {
  it("passes graphql-schema-linter's description rules for every type Prassi declares and every argument", async () => {
    const definition = await printServedSchema();
    const schema = { definition, sourceMap: { getOriginalPathForLine: () => "schema.graphql" } };
    const config = new configuration.Configuration(schema, { rules: DESCRIPTION_RULES });
    const errors = validator.validateSchemaDefinition(schema, config.getRules(), config);
    // Arguments are named by field only; types, fields and enum values by `Type` or `Type.member`.
    const ours = errors.filter((error) => {
      if (error.ruleName === "arguments-have-descriptions") return true;
      const named = /`([A-Za-z_]+)[.`]/.exec(error.message)?.[1];
      return named !== undefined && OWN_TYPES.has(named);
    });
    // The rules ran, and only they: the library's own inputs are left as it generates them.
    const rules = new Set(errors.map((error) => error.ruleName));
    expect(rules).toEqual(new Set(["types-have-descriptions", "fields-have-descriptions"]));
    const libraryFinding = "The input object type `PracticeWhere` is missing a description.";
    expect(errors.map((error) => error.message)).toContain(libraryFinding);
    expect(ours.map((error) => error.message)).toEqual([]);
  });
});
