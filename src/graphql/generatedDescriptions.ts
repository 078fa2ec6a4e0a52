/**
 * Descriptions for the root fields @neo4j/graphql generates for every node type (`practices`, `practicesConnection`,
 * `createPractices`, `updatePractices`, `deletePractices`...), which it leaves undescribed and offers no directive
 * to describe: analysts read them first in the explorer's docs. Each is written from the node type's own
 * description and page limits. The library's input types (filters, sort and mutation inputs, thousands of values)
 * stay as it generates them.
 */
import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { readPageLimits, type PageLimit } from "./queryCost";

/** A type's own description, as the opening of a sentence that goes on. */
function clause(type: GraphQLObjectType): string {
  return (type.description ?? type.name).trim().replace(/\.$/, "");
}

function listDescription(type: GraphQLObjectType, limit: PageLimit | undefined): string {
  const page = limit ? ` (${limit.default} unless \`limit\` says otherwise, at most ${limit.max})` : "";
  return (
    `${type.name} nodes: ${clause(type)}. ` +
    `Filtered by \`where\`, ordered by \`sort\`, paged by \`limit\`${page} and \`offset\`.`
  );
}

function connectionDescription(type: GraphQLObjectType): string {
  return (
    `${type.name} nodes as a Relay connection: \`totalCount\`, and edges paged by cursor (\`first\`, \`after\`), ` +
    "filtered by `where`, ordered by `sort`."
  );
}

/** The arguments the library gives its fields, the same on every type. */
const ARGUMENTS: Record<string, string> = {
  where: "Only the nodes (or links) matching this filter.",
  sort: "Order of the answer: one or more fields, each ASC or DESC.",
  limit: "How many to answer at most (each type has a default and a maximum).",
  offset: "How many to skip first, for the next page.",
  first: "How many edges to answer at most.",
  after: "Cursor of the edge to start after (an edge's `cursor`, or `pageInfo.endCursor`).",
  input: "The nodes to create, with the links to connect or create.",
  update: "What to change: properties to set; links to connect, disconnect, create, update or delete.",
  delete: "Linked nodes to delete with them.",
};

/** Describes the library's arguments of a field (`where`, `sort`, `limit`...) that have no description. */
function describeArguments(field: GraphQLField<unknown, unknown>): void {
  for (const argument of field.args) argument.description ??= ARGUMENTS[argument.name] ?? null;
}

const MUTATION_VERBS: Record<string, string> = {
  create: "Creates %s nodes, with their links (`input`). Needs an editor's token.",
  update:
    "Updates the %s nodes matching `where`: properties set, links connected or disconnected. " +
    "Needs an editor's token.",
  delete: "Deletes the %s nodes matching `where`, with their links. Needs an editor's token.",
};

/** Whether the edges of a connection carry the link's properties (its provenance), which some links have not. */
function edgesHaveProperties(connection: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(connection.type);
  const edges = isObjectType(type) ? type.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  return isObjectType(edge) && "properties" in edge.getFields();
}

/** `practicesConnection` beside a described `practices`: the same nodes, with a count (and each link's properties). */
function describeRelationshipConnections(type: GraphQLObjectType): void {
  const fields = type.getFields();
  for (const field of Object.values(fields)) {
    const list = field.name.endsWith("Connection") ? fields[field.name.slice(0, -"Connection".length)] : undefined;
    describeArguments(field);
    if (field.description || !list?.description) continue;
    const properties = edgesHaveProperties(field) ? ", each edge with the link's properties (its provenance)" : "";
    field.description =
      `${list.description.trim()} As a Relay connection: \`totalCount\`${properties}, ` +
      "paged by cursor (`first`, `after`).";
  }
}

/**
 * Describes, in place, the generated root and connection fields and their arguments that have no description;
 * returns the schema.
 */
export function describeGeneratedFields(schema: GraphQLSchema, typeDefs: string): GraphQLSchema {
  const limits = readPageLimits(typeDefs);
  const nodeTypeOfList = new Map<string, GraphQLObjectType>();
  const describe = (field: GraphQLField<unknown, unknown>, text: string) => {
    if (!field.description) field.description = text;
    describeArguments(field);
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const named = getNamedType(field.type);
    if (isObjectType(named) && limits.has(named.name)) {
      nodeTypeOfList.set(field.name, named);
      describeRelationshipConnections(named);
      describe(field, listDescription(named, limits.get(named.name)));
    }
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const list = field.name.endsWith("Connection") ? field.name.slice(0, -"Connection".length) : undefined;
    const type = list === undefined ? undefined : nodeTypeOfList.get(list);
    if (type) describe(field, connectionDescription(type));
  }
  // The library builds its own Query type and leaves out the description schema/ gives it.
  const query = schema.getQueryType();
  const declared = parse(typeDefs).definitions.find(
    (definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === "Query",
  );
  if (query && !query.description && declared && "description" in declared) {
    query.description = declared.description?.value;
  }
  const mutation = schema.getMutationType();
  if (mutation && !mutation.description) {
    mutation.description = "Writes: each needs an editor's token (`Authorization: Bearer <token>`).";
  }
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const [, verb, plural] = /^(create|update|delete)(\w+)$/.exec(field.name) ?? [];
    const type = plural && nodeTypeOfList.get(plural[0]!.toLowerCase() + plural.slice(1));
    if (verb && type) describe(field, MUTATION_VERBS[verb]!.replace("%s", type.name));
  }
  return schema;
}
