/**
 * Arguments that would reach Cypher as they are and cost or fail there, refused before anything runs, naming the
 * field and argument:
 * - input nested deeper than a filter ever needs: graphql-js coerces it recursively, and a thousand levels of
 *   `AND` in the variables overflow the stack;
 * - page arguments out of range (`limit: -1`, `offset: -1`, `first: 0`) and cursors this API never gave
 *   (`after: "arrayconnection:-5"`): they came back as internal errors;
 * - filters that follow relationships inside relationships, or have many branches: each costs the database the
 *   product of every degree on the way, for every candidate node, and planning a filter of thousands of branches
 *   took minutes, while the response stays small and the query's cost cannot see it.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
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
/** How deep input may nest: a filter two relationships deep with AND/OR inside is about ten levels. */
export const MAX_INPUT_DEPTH = 16;
/** Relationships a filter may follow, one inside the other (one: "practices of a LEP"; two: "... in a region"). */
export const MAX_FILTER_RELATIONSHIPS = 2;
/** Relationship filters in one `where`, and conditions in all. */
export const MAX_FILTER_BRANCHES = 10;
export const MAX_FILTER_CONDITIONS = 50;
/** The cursors @neo4j/graphql gives: base64 of `arrayconnection:<offset>`. */
const CURSOR = /^arrayconnection:(\d{1,9})$/;

export type ArgumentProblem = { field: string; reason: string };

/** Whether a JSON value nests deeper than `levels`, found without recursion (a hostile value may be very deep). */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (depth > levels) return true;
    if (typeof item === "object" && item !== null)
      for (const inner of Object.values(item)) pending.push([inner, depth + 1]);
  }
  return false;
}

/** Input nested too deep, in the variables or in the document's literals; checked before anything coerces it. */
export function findDeepInput(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): ArgumentProblem | undefined {
  // The variables object itself is one level more than the values it holds.
  if (nestsDeeperThan(variables ?? {}, MAX_INPUT_DEPTH + 1))
    return { field: "variables", reason: `nest deeper than ${MAX_INPUT_DEPTH} levels` };
  let depth = 0;
  let problem: ArgumentProblem | undefined;
  const enter = () => {
    depth++;
    if (depth > MAX_INPUT_DEPTH && !problem)
      problem = { field: "arguments", reason: `nest deeper than ${MAX_INPUT_DEPTH} levels` };
  };
  const leave = () => void depth--;
  visit(document, { ObjectValue: { enter, leave }, ListValue: { enter, leave } });
  return problem;
}

/** Whether `key` of the filter input `inputType` follows a relationship: a field of its node type holding nodes. */
function followsRelationship(
  schema: GraphQLSchema,
  nodeTypes: ReadonlySet<string>,
  inputType: string,
  key: string,
): boolean {
  const nodeType = inputType.endsWith("Where") ? inputType.slice(0, -"Where".length) : "";
  if (!nodeTypes.has(nodeType)) return false;
  const owner = schema.getType(nodeType);
  const field = isObjectType(owner) ? owner.getFields()[key] : undefined;
  const target = field && getNamedType(field.type).name;
  return target !== undefined && (nodeTypes.has(target) || target.endsWith("Connection"));
}

/** What a filter value asks of the database: its longest chain of relationships, its relationship filters, its conditions. */
type FilterShape = { chain: string[]; relationships: number; conditions: number };

function filterShape(
  schema: GraphQLSchema,
  nodeTypes: ReadonlySet<string>,
  type: GraphQLInputType,
  value: unknown,
): FilterShape {
  const shape: FilterShape = { chain: [], relationships: 0, conditions: 0 };
  const nullable = getNullableType(type);
  if (isListType(nullable) && isLeafType(getNamedType(nullable))) {
    shape.conditions = 1; // `in: [...]` is one condition, however long
  } else if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [])
      add(shape, filterShape(schema, nodeTypes, nullable.ofType, item), []);
  } else if (isLeafType(nullable)) {
    shape.conditions = 1;
  } else if (isInputObjectType(nullable) && typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const field = nullable.getFields()[key];
      if (!field) continue;
      const relationship = followsRelationship(schema, nodeTypes, nullable.name, key);
      add(shape, filterShape(schema, nodeTypes, field.type, inner), relationship ? [key] : []);
      if (relationship) shape.relationships++;
    }
  }
  return shape;
}

function add(shape: FilterShape, inner: FilterShape, step: string[]): void {
  const chain = [...step, ...inner.chain];
  if (chain.length > shape.chain.length) shape.chain = chain;
  shape.relationships += inner.relationships;
  shape.conditions += inner.conditions;
}

function filterProblem(shape: FilterShape): string | undefined {
  if (shape.chain.length > MAX_FILTER_RELATIONSHIPS) {
    return `a filter may follow at most ${MAX_FILTER_RELATIONSHIPS} relationships, one inside the other; this one follows ${shape.chain.length} (${shape.chain.join(" > ")})`;
  }
  if (shape.relationships > MAX_FILTER_BRANCHES)
    return `a filter may hold at most ${MAX_FILTER_BRANCHES} relationship filters; this one holds ${shape.relationships}`;
  if (shape.conditions > MAX_FILTER_CONDITIONS)
    return `a filter may hold at most ${MAX_FILTER_CONDITIONS} conditions; this one holds ${shape.conditions}`;
  return undefined;
}

function cursorProblem(cursor: unknown): string | undefined {
  if (typeof cursor !== "string") return undefined;
  return CURSOR.test(Buffer.from(cursor, "base64").toString("utf8"))
    ? undefined
    : "is not a cursor this API gave (take endCursor or startCursor from pageInfo)";
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
    const at = (argument: string, reason: string) => (problem = { field: `${node.name.value}.${argument}`, reason });
    for (const [name, minimum] of Object.entries(MINIMUM)) {
      const value = values[name];
      if (typeof value === "number" && value < minimum) return at(name, `must be ${minimum} or more (got ${value})`);
    }
    for (const name of ["after", "before"]) {
      const reason = cursorProblem(values[name]);
      if (reason) return at(name, reason);
    }
    const where = definition.args.find((arg) => arg.name === "where");
    const reason = where && filterProblem(filterShape(schema, nodeTypes, where.type, values.where));
    if (reason) at("where", reason);
  };
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) visit(definition, visitWithTypeInfo(typeInfo, { Field: check }));
  return problem;
}
