/**
 * Arguments of the generated API that would reach Cypher as they are and cost or fail there:
 * - page arguments out of range (`limit: -1`, `offset: -1`, `first: 0`) came back as internal errors;
 * - filters that follow relationships inside relationships (`practices(where: { stakeholders: { some: { practices:
 *   { some: { regions: ... } } } } })`) cost the database the product of every degree on the way, for every
 *   candidate node, while the response stays small: the query's cost cannot see them.
 * Refused here, before anything runs, naming the field and argument.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/** Each page argument and the smallest value it takes. */
const MINIMUM: Record<string, number> = { limit: 1, first: 1, offset: 0 };
/** Relationships a filter may follow, one inside the other (one: "practices of a LEP"; two: "... in a region"). */
export const MAX_FILTER_RELATIONSHIPS = 2;

export type ArgumentProblem = { field: string; reason: string };

/** Whether `key` of the filter input `inputType` follows a relationship: a field of its node type holding nodes. */
function followsRelationship(schema: GraphQLSchema, nodeTypes: ReadonlySet<string>, inputType: string, key: string): boolean {
  const nodeType = inputType.endsWith("Where") ? inputType.slice(0, -"Where".length) : "";
  if (!nodeTypes.has(nodeType)) return false;
  const owner = schema.getType(nodeType);
  const field = isObjectType(owner) ? owner.getFields()[key] : undefined;
  const target = field && getNamedType(field.type).name;
  return target !== undefined && (nodeTypes.has(target) || target.endsWith("Connection"));
}

/** The longest chain of relationships the filter value follows, as their names. */
function longestRelationshipChain(schema: GraphQLSchema, nodeTypes: ReadonlySet<string>, type: GraphQLInputType, value: unknown): string[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [];
    return items.map((item) => longestRelationshipChain(schema, nodeTypes, nullable.ofType, item)).reduce((a, b) => (b.length > a.length ? b : a), []);
  }
  if (!isInputObjectType(nullable) || typeof value !== "object" || value === null) return [];
  let longest: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const field = nullable.getFields()[key];
    if (!field) continue;
    const below = longestRelationshipChain(schema, nodeTypes, field.type, inner);
    const chain = followsRelationship(schema, nodeTypes, nullable.name, key) ? [key, ...below] : below;
    if (chain.length > longest.length) longest = chain;
  }
  return longest;
}

/**
 * The first argument out of range in the operation (or the document's fragments), given its coerced variables.
 * `nodeTypes` are the graph's node types (those with a page limit).
 */
export function findArgumentProblem(
  schema: GraphQLSchema,
  nodeTypes: ReadonlySet<string>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ArgumentProblem | undefined {
  const typeInfo = new TypeInfo(schema);
  let problem: ArgumentProblem | undefined;
  const check = (node: FieldNode) => {
    const definition = typeInfo.getFieldDef();
    if (problem || !definition || definition.args.length === 0) return;
    const values = getArgumentValues(definition, node, variables);
    for (const [name, minimum] of Object.entries(MINIMUM)) {
      const value = values[name];
      if (typeof value === "number" && value < minimum) {
        problem = { field: `${node.name.value}.${name}`, reason: `must be ${minimum} or more (got ${value})` };
        return;
      }
    }
    const where = definition.args.find((arg) => arg.name === "where");
    const chain = where ? longestRelationshipChain(schema, nodeTypes, where.type, values.where) : [];
    if (chain.length > MAX_FILTER_RELATIONSHIPS) {
      problem = {
        field: `${node.name.value}.where`,
        reason: `a filter may follow at most ${MAX_FILTER_RELATIONSHIPS} relationships, one inside the other; this one follows ${chain.length} (${chain.join(" > ")})`,
      };
    }
  };
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) visit(definition, visitWithTypeInfo(typeInfo, { Field: check }));
  return problem;
}
