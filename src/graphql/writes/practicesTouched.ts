/**
 * Which practices' similarity features a mutation can have changed, read from its document and variables before
 * or after it runs: what lets the refresh after a write recompute around those practices instead of reading the
 * whole graph (src/similarity/live.ts). Only the editor's common shapes of the generated mutations are recognised,
 * and only when they can change nothing but the named practices' own links; anything else is `unknown`, and the
 * caller refreshes everything. Being wrong here would leave stale similarity behind, so every doubt is `unknown`.
 */
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isEnumType,
  isObjectType,
  isScalarType,
  Kind,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { NODE_TYPES, PRACTICE_LINKS } from "../../graph";

export type WriteEffect = { kind: "practices"; ids: string[] } | { kind: "unknown"; reason: string };

type Input = Record<string, unknown>;

/**
 * Practice relationships whose edits change that practice's features alone (src/similarity/features.ts; the
 * catalog is none of them): the graph model's practice links to other node types. A link to another practice
 * (BUILDS_ON: buildsOn, inspired) moves lineage items along chains: never recognised.
 */
const OWN_LINKS = new Set<string>(
  PRACTICE_LINKS.filter((link) => link.target !== "Practice").map((link) => link.field),
);

/**
 * The properties similarity reads of the other node types: their keys (features.ts: a LEP's code, a region's NUTS
 * code, the others' id). Any other property of theirs (a name, a kind) is no feature.
 */
const ITEM_KEYS = new Set<string>(
  PRACTICE_LINKS.flatMap((link) => (link.feeds === null ? [] : [NODE_TYPES[link.target].key])),
);

/** Thrown inside the analysis: the reason it cannot vouch for the mutation. */
class Unrecognised extends Error {}

const isInput = (value: unknown): value is Input =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function onlyKeys(input: unknown, allowed: readonly string[], what: string): Input {
  if (!isInput(input)) throw new Unrecognised(`${what} is not an input object`);
  const other = Object.keys(input).find(
    (key) => input[key] !== undefined && input[key] !== null && !allowed.includes(key),
  );
  if (other !== undefined) throw new Unrecognised(`${what} has ${other}`);
  return input;
}

function isScalarField(type: GraphQLObjectType, name: string): boolean {
  const field = type.getFields()[name];
  if (!field) return false;
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named);
}

/**
 * The practices a `where` names by id (`id: { eq }` or `id: { in }`, ANDed with anything): a superset of those it
 * matches.
 */
function idsOfWhere(where: unknown): string[] {
  if (!isInput(where) || !isInput(where.id)) throw new Unrecognised("the where does not name the practices by id");
  const { eq, in: among } = where.id;
  if (typeof eq === "string") return Array.isArray(among) ? among.filter((id) => id === eq) : [eq];
  if (Array.isArray(among) && among.every((id) => typeof id === "string")) return among as string[];
  throw new Unrecognised("the where does not name the practices by id");
}

/** A new linked node: its own scalars only (a nested link, e.g. a LEP's parent, would change other practices). */
function checkCreatedNode(practice: GraphQLObjectType, field: string, create: unknown): void {
  const { node } = onlyKeys(create, ["node", "edge"], `${field}.create`);
  const type = getNamedType(practice.getFields()[field]!.type);
  if (!isObjectType(type) || !isInput(node)) throw new Unrecognised(`${field}.create has no node`);
  for (const key of Object.keys(node))
    if (!isScalarField(type, key)) throw new Unrecognised(`${field}.create.node has ${key}`);
}

/** Links of one relationship field: connect, disconnect, create, and nothing nested beyond them. */
function checkLinks(
  practice: GraphQLObjectType,
  field: string,
  value: unknown,
  operations: readonly string[],
): boolean {
  if (!OWN_LINKS.has(field)) throw new Unrecognised(`${field} is not a link of the practice alone`);
  let links = false;
  for (const change of listOf(value)) {
    const input = onlyKeys(change, operations, field);
    for (const connect of listOf(input.connect)) onlyKeys(connect, ["where", "edge"], `${field}.connect`);
    for (const disconnect of listOf(input.disconnect)) onlyKeys(disconnect, ["where"], `${field}.disconnect`);
    for (const create of listOf(input.create)) checkCreatedNode(practice, field, create);
    links ||= Object.values(input).some((operation) => listOf(operation).length > 0);
  }
  return links;
}

/** Whether an update changes the practice's links; throws on anything but scalar sets and item links. */
function checkUpdate(practice: GraphQLObjectType, update: unknown): boolean {
  if (update === undefined || update === null) return false;
  if (!isInput(update)) throw new Unrecognised("the update is not an input object");
  let links = false;
  for (const [field, value] of Object.entries(update)) {
    if (value === undefined || value === null) continue;
    if (field === "id") throw new Unrecognised("the update changes a practice's id");
    if (isScalarField(practice, field)) continue;
    links = checkLinks(practice, field, value, ["connect", "disconnect", "create"]) || links;
  }
  return links;
}

/** The node type a generated `create<Plural>`/`update<Plural>` root field writes, other than Practice. */
function itemTypeOf(schema: GraphQLSchema, name: string): GraphQLObjectType | undefined {
  const plural = /^(?:create|update)(\w+)$/.exec(name)?.[1];
  if (!plural || plural === "Practices") return undefined;
  const list = schema.getQueryType()?.getFields()[plural[0]!.toLowerCase() + plural.slice(1)];
  const type = list && getNamedType(list.type);
  return isObjectType(type) ? type : undefined;
}

/**
 * Creating nodes of another type with their own properties only, or setting properties of theirs that are not
 * their key (renaming a stakeholder): no practice's features change. A link, a nested write or a key does.
 */
function checkItemWrite(type: GraphQLObjectType, name: string, args: Input): void {
  const inputs = name.startsWith("create") ? listOf(args.input) : [args.update];
  for (const input of inputs) {
    if (input === undefined || input === null) continue;
    if (!isInput(input)) throw new Unrecognised(`${name} has no input object`);
    for (const [field, value] of Object.entries(input)) {
      if (value === undefined || value === null) continue;
      if (!isScalarField(type, field)) throw new Unrecognised(`${name} changes ${type.name}.${field}, a link`);
      if (name.startsWith("update") && ITEM_KEYS.has(field)) {
        throw new Unrecognised(`${name} changes ${type.name}.${field}, a key similarity reads`);
      }
    }
  }
}

function checkCreate(practice: GraphQLObjectType, input: unknown): string {
  if (!isInput(input) || typeof input.id !== "string") throw new Unrecognised("a created practice has no id");
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || value === null || isScalarField(practice, field)) continue;
    checkLinks(practice, field, value, ["connect", "create"]);
  }
  return input.id;
}

/**
 * The practices a mutation can have changed the similarity features of, from the operation and its variables as
 * sent (coerced here as execution coerces them); `ids` is empty when it changes no practice's links.
 */
export function practicesTouched(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Input | undefined,
): WriteEffect {
  const mutation = schema.getMutationType();
  const practice = schema.getType("Practice");
  if (operation.operation !== "mutation" || !mutation || !isObjectType(practice))
    return { kind: "unknown", reason: "not a mutation" };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return { kind: "unknown", reason: "its variables do not coerce" };
  const ids = new Set<string>();
  try {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) throw new Unrecognised("a fragment at the root");
      if ((selection.directives ?? []).length > 0) throw new Unrecognised("a directive on a root field");
      const name = selection.name.value;
      if (name === "__typename") continue;
      const field = mutation.getFields()[name];
      if (!field) throw new Unrecognised(`no mutation ${name}`);
      const args = getArgumentValues(field, selection, coerced.coerced);
      if (name === "updatePractices") {
        if (checkUpdate(practice, args.update)) idsOfWhere(args.where).forEach((id) => ids.add(id));
      } else if (name === "createPractices") {
        for (const input of listOf(args.input)) ids.add(checkCreate(practice, input));
      } else if (name === "deletePractices") {
        if (args.delete !== undefined && args.delete !== null)
          throw new Unrecognised("a nested delete of linked nodes");
        idsOfWhere(args.where).forEach((id) => ids.add(id));
      } else {
        const item = itemTypeOf(schema, name);
        if (!item) throw new Unrecognised(`${name} is not analysed`);
        checkItemWrite(item, name, args);
      }
    }
  } catch (error) {
    if (error instanceof Unrecognised) return { kind: "unknown", reason: error.message };
    // getArgumentValues throws a GraphQLError on arguments execution would refuse too.
    return { kind: "unknown", reason: `its arguments do not coerce: ${(error as Error).message}` };
  }
  return { kind: "practices", ids: [...ids].sort() };
}
