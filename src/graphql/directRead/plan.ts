/**
 * What a direct read of a node must fetch for the selection under a field, or undefined when the selection asks
 * for something only the generated API answers the same way. Covered: the node's properties, the fields our
 * resolvers compute from required properties (`transferability`), and its relationships one level down with their
 * `limit` and `offset` and properties only below. Not covered: filters and sorting of a relationship, connections,
 * aggregates, relationships inside relationships, and custom fields that read the graph themselves (`similar`).
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { NodeModel, NodeType, Relationship } from "./model";

/** A relationship read along: the properties of the nodes at its end, and its page (as the generated API pages it). */
export type RelatedRead = {
  relationship: Relationship;
  properties: Set<string>;
  limit: number;
  offset: number | undefined;
};

export type NodeRead = { type: NodeType; properties: Set<string>; related: Map<string, RelatedRead> };

/**
 * Computed fields whose resolver answers from the parent's required fields alone. `Practice.similar` reads the graph
 * itself, and looks for an answer resolved already under its response key: it stays with delegation.
 */
const COMPUTED_FROM_PARENT = new Set(["Practice.transferability"]);

type Selecting = Pick<GraphQLResolveInfo, "fragments" | "variableValues" | "schema">;

class NotCovered extends Error {}

function included(node: SelectionNode, variables: Selecting["variableValues"]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

/** Calls `visit` for each field the selection set holds for this type, through its fragments; skipped fields aside. */
function eachField(
  selectionSet: SelectionSetNode,
  typeName: string,
  selecting: Selecting,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of selectionSet.selections) {
    if (!included(selection, selecting.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== "__typename") visit(selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : selecting.fragments[selection.name.value];
    if (!fragment) throw new NotCovered();
    if (fragment.typeCondition && fragment.typeCondition.name.value !== typeName) throw new NotCovered();
    eachField(fragment.selectionSet, typeName, selecting, visit);
  }
}

/** The page of a relationship field, as @neo4j/graphql computes it: the asked limit or the type's default, at most its max. */
function pageOf(
  field: FieldNode,
  parent: NodeType,
  target: NodeType,
  selecting: Selecting,
): { limit: number; offset: number | undefined } {
  const objectType = selecting.schema.getType(parent.name);
  const definition = isObjectType(objectType) ? objectType.getFields()[field.name.value] : undefined;
  if (!definition) throw new NotCovered();
  const args = getArgumentValues(definition, field, selecting.variableValues);
  const { limit, offset, ...others } = args as { limit?: unknown; offset?: unknown };
  if (Object.values(others).some((value) => value !== undefined)) throw new NotCovered();
  const isCount = (value: unknown, least: number) =>
    value === undefined || (Number.isSafeInteger(value) && (value as number) >= least);
  if (!isCount(limit, 1) || !isCount(offset, 0)) throw new NotCovered();
  return {
    limit: Math.min((limit as number | undefined) ?? target.limit.default, target.limit.max),
    offset: offset as number | undefined,
  };
}

function addField(read: NodeRead, field: FieldNode, model: NodeModel, selecting: Selecting): void {
  const { type } = read;
  const name = field.name.value;
  if (type.properties.has(name)) {
    read.properties.add(name);
    return;
  }
  const requires = type.computed.get(name);
  if (requires) {
    if (!COMPUTED_FROM_PARENT.has(`${type.name}.${name}`)) throw new NotCovered();
    eachField(requires, type.name, selecting, (required) => addField(read, required, model, selecting));
    return;
  }
  const relationship = type.relationships.get(name);
  const target = relationship && model.get(relationship.target);
  if (!relationship || !target || !field.selectionSet) throw new NotCovered();
  const page = pageOf(field, type, target, selecting);
  const properties = new Set<string>();
  eachField(field.selectionSet, target.name, selecting, (nested) => {
    if (!target.properties.has(nested.name.value)) throw new NotCovered();
    properties.add(nested.name.value);
  });
  const known = read.related.get(name);
  if (!known) read.related.set(name, { relationship, properties, ...page });
  else if (known.limit !== page.limit || known.offset !== page.offset) throw new NotCovered();
  else for (const property of properties) known.properties.add(property);
}

/** What to read for the selection of the field being resolved (every node of it), or undefined to delegate. */
export function planNodeRead(
  model: NodeModel,
  typeName: string,
  info: Pick<GraphQLResolveInfo, "fieldNodes"> & Selecting,
): NodeRead | undefined {
  const type = model.get(typeName);
  if (!type) return undefined;
  const read: NodeRead = { type, properties: new Set(), related: new Map() };
  try {
    for (const fieldNode of info.fieldNodes) {
      if (!fieldNode.selectionSet) return undefined;
      eachField(fieldNode.selectionSet, type.name, info, (field) => addField(read, field, model, info));
    }
  } catch (error) {
    if (error instanceof NotCovered) return undefined;
    throw error;
  }
  return read;
}

/**
 * The reads covering each `fieldName` field (one per response key) selected under the field being resolved, whose
 * type is `parentType`: what that field's resolver will plan, known before it runs. Empty when none is covered.
 */
export function planNestedReads(
  model: NodeModel,
  parentType: string,
  fieldName: string,
  nodeType: string,
  info: Pick<GraphQLResolveInfo, "fieldNodes"> & Selecting,
): NodeRead[] {
  const byResponseKey = new Map<string, FieldNode[]>();
  try {
    for (const fieldNode of info.fieldNodes) {
      if (!fieldNode.selectionSet) continue;
      eachField(fieldNode.selectionSet, parentType, info, (field) => {
        if (field.name.value !== fieldName) return;
        const responseKey = (field.alias ?? field.name).value;
        byResponseKey.set(responseKey, [...(byResponseKey.get(responseKey) ?? []), field]);
      });
    }
  } catch (error) {
    if (error instanceof NotCovered) return [];
    throw error;
  }
  return [...byResponseKey.values()].flatMap(
    (fieldNodes) => planNodeRead(model, nodeType, { ...info, fieldNodes }) ?? [],
  );
}

/** Two reads of one type as one, or undefined when they page a relationship differently. */
export function mergeReads(a: NodeRead, b: NodeRead): NodeRead | undefined {
  const related = new Map<string, RelatedRead>();
  for (const [field, read] of a.related) related.set(field, { ...read, properties: new Set(read.properties) });
  for (const [field, read] of b.related) {
    const known = related.get(field);
    if (!known) related.set(field, { ...read, properties: new Set(read.properties) });
    else if (known.limit !== read.limit || known.offset !== read.offset) return undefined;
    else for (const property of read.properties) known.properties.add(property);
  }
  return { type: a.type, properties: new Set([...a.properties, ...b.properties]), related };
}

/** The same text for the same read: a cache key. */
export function describeRead(read: NodeRead): string {
  const related = [...read.related]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([field, { properties, limit, offset }]) =>
        `${field}(${limit},${offset ?? ""}){${[...properties].sort().join(",")}}`,
    );
  return `${read.type.name}{${[...read.properties].sort().join(",")}${related.length ? `;${related.join(";")}` : ""}}`;
}
