/**
 * The node types as the type definitions declare them to @neo4j/graphql: each type's label, its properties (fields
 * stored as they are), its relationships (type, direction, the node type at the other end) and its page limits.
 * Read from `schema/*.graphql`, the description the generated API itself is built from, so a direct read follows
 * exactly the properties and relationships the generated query would.
 */
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type SelectionSetNode,
  type StringValueNode,
  type TypeNode,
} from "graphql";
import { readPageLimits } from "../queryCost";

export type Relationship = {
  /** The relationship type, e.g. `IN_REGION`. */
  type: string;
  direction: "IN" | "OUT";
  /** The node type at the other end. */
  target: string;
  /** A list of nodes (`regions: [Region!]!`) or one node or null (`catalog: Catalog`). */
  list: boolean;
};

export type NodeType = {
  name: string;
  label: string;
  /** Fields stored as node properties of the same name: scalars and enums without a directive. */
  properties: ReadonlySet<string>;
  relationships: ReadonlyMap<string, Relationship>;
  /** Fields answered by a resolver of ours from the fields it requires (`@customResolver(requires: ...)`). */
  computed: ReadonlyMap<string, SelectionSetNode>;
  /** `@limit`: the page a list of this type gets when the query names no limit, and the most it may ask. */
  limit: { default: number; max: number };
};

export type NodeModel = ReadonlyMap<string, NodeType>;

const BUILT_IN_SCALARS = new Set(["ID", "String", "Int", "Float", "Boolean"]);
/** Directives that say nothing about where a field's value comes from (@default only fills it when a node is created). */
const HINTS = new Set(["cacheControl", "default"]);
/** Names go into Cypher as identifiers: the type definitions only ever hold plain ones. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function namedType(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NAMED_TYPE) return { name: type.name.value, list: false };
  if (type.kind === Kind.NON_NULL_TYPE) return namedType(type.type);
  return { name: namedType(type.type).name, list: true };
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM)
    ? (value as StringValueNode).value
    : undefined;
}

function identifier(name: string | undefined, what: string): string {
  if (name === undefined || !IDENTIFIER.test(name))
    throw new Error(`schema: ${what} '${name}' is not a plain identifier`);
  return name;
}

/** The node types of these type definitions; a field it cannot describe (a `@cypher` field, say) is left out. */
export function readNodeModel(typeDefs: string): NodeModel {
  const document: DocumentNode = parse(typeDefs);
  const enums = new Set(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION ? [definition.name.value] : [],
    ),
  );
  const limits = readPageLimits(typeDefs);
  const model = new Map<string, NodeType>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const node = definition.directives?.find((directive) => directive.name.value === "node");
    if (!node) continue;
    const name = identifier(definition.name.value, "type");
    // `@node(labels: [...])` would give another label: not used in Prassi, so such a type is not read directly.
    if (node.arguments?.length) continue;
    const limit = limits.get(name);
    if (!limit) throw new Error(`schema: ${name} has no @limit`);
    const properties = new Set<string>();
    const relationships = new Map<string, Relationship>();
    const computed = new Map<string, SelectionSetNode>();
    for (const field of definition.fields ?? []) describeField(field, { enums, properties, relationships, computed });
    model.set(name, { name, label: name, properties, relationships, computed, limit });
  }
  for (const type of model.values()) {
    for (const [field, relationship] of type.relationships)
      if (!model.has(relationship.target)) (type.relationships as Map<string, Relationship>).delete(field);
  }
  return model;
}

function describeField(
  field: FieldDefinitionNode,
  into: {
    enums: ReadonlySet<string>;
    properties: Set<string>;
    relationships: Map<string, Relationship>;
    computed: Map<string, SelectionSetNode>;
  },
): void {
  const name = field.name.value;
  const { name: typeName, list } = namedType(field.type);
  const directives = (field.directives ?? []).filter((directive) => !HINTS.has(directive.name.value));
  const relationship = directives.find((directive) => directive.name.value === "relationship");
  const customResolver = directives.find((directive) => directive.name.value === "customResolver");
  if (relationship && directives.length === 1 && !field.arguments?.length) {
    const direction = stringArgument(relationship, "direction");
    if (direction !== "IN" && direction !== "OUT") return;
    into.relationships.set(identifier(name, "field"), {
      type: identifier(stringArgument(relationship, "type"), "relationship type"),
      direction,
      target: typeName,
      list,
    });
  } else if (customResolver && directives.length === 1) {
    const requires = stringArgument(customResolver, "requires");
    const selection = requires === undefined ? undefined : parse(`{ ${requires} }`).definitions[0];
    into.computed.set(
      name,
      selection?.kind === Kind.OPERATION_DEFINITION
        ? selection.selectionSet
        : { kind: Kind.SELECTION_SET, selections: [] },
    );
  } else if (
    directives.length === 0 &&
    !list &&
    !field.arguments?.length &&
    (BUILT_IN_SCALARS.has(typeName) || into.enums.has(typeName))
  ) {
    into.properties.add(identifier(name, "field"));
  }
}
