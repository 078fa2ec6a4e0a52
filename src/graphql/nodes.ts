/**
 * Resolves graph nodes (Practice, Region, Lep, TargetGroup) that custom answers refer to by key. A selection of
 * properties and first-level relationships (`practice { id title regions { name } }`) is read directly, one Cypher
 * statement per node type and tick (directRead/). Any other selection goes through the generated API itself: every
 * such field of one request is batched into one `practices(where: {id: {in}})`-style query per selection set
 * (graphql-tools batch delegation, DataLoader underneath), a second GraphQL execution. Either way any selection
 * works, nested relationships included, and the database round trips do not grow with the number of items.
 */
import { batchDelegateToSchema } from "@graphql-tools/batch-delegate";
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { NotFoundError } from "../errors";
import { NODE_TYPES, type NodeTypeName } from "../graph";
import type { PrassiContext } from "./context";
import { mergeReads, planDirectRead, planReadsAhead, type NodeRead } from "./directRead";

/** The node types custom answers refer to. */
type NodeType = Extract<NodeTypeName, "Practice" | "Region" | "Lep" | "TargetGroup">;

/** A node as read for the selection being resolved: the fields asked for, by response key. */
export type GraphNode = { readonly [responseKey: string]: unknown };

/** The generated list query of each node type, its key and its page limit: the graph model's (src/graph). */
const NODE_QUERIES: Record<NodeType, { field: string; key: string; max: number }> = {
  Practice: nodeQuery("Practice"),
  Region: nodeQuery("Region"),
  Lep: nodeQuery("Lep"),
  TargetGroup: nodeQuery("TargetGroup"),
};

function nodeQuery(type: NodeType): { field: string; key: string; max: number } {
  const { list, key, limit } = NODE_TYPES[type];
  return { field: list, key, max: limit.max };
}

const withKeyCache = new WeakMap<SelectionSetNode, SelectionSetNode>();

/** The caller's selection plus the key field, which maps results back to the keys asked for. */
function selectionWithKey(selectionSet: SelectionSetNode, key: string): SelectionSetNode {
  let extended = withKeyCache.get(selectionSet);
  if (!extended) {
    const keyField: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: key } };
    extended = { ...selectionSet, selections: [...selectionSet.selections, keyField] };
    withKeyCache.set(selectionSet, extended);
  }
  return extended;
}

/** The key practices are loaded by. */
export const PRACTICE_KEY = NODE_QUERIES.Practice.key;

type NodeResolver<TParent, TResult> = (
  parent: TParent,
  args: unknown,
  context: PrassiContext,
  info: GraphQLResolveInfo,
) => Promise<TResult>;

/** What a reader answers for one key: the node, null when no node has the key, or the error of its batch. */
type Loaded = GraphNode | null | Error;

/**
 * A node a non-null field promises. One deleted between the answer's read and its own is NOT_FOUND, naming it,
 * rather than a null where the schema promises a node.
 */
function present(type: NodeType, key: string, loaded: Loaded): GraphNode {
  if (loaded instanceof Error) throw loaded;
  if (loaded === null) throw new NotFoundError(NODE_TYPES[type].kind, key);
  return loaded;
}

/** A resolver for a non-null field holding one node, given the node's key on the parent object. */
export function nodeField<TParent>(
  type: NodeType,
  keyOf: (parent: TParent) => string,
): NodeResolver<TParent, GraphNode> {
  return async (parent, _args, context, info) => {
    const key = keyOf(parent);
    return present(type, key, await readNode(type, key, context, info));
  };
}

/** A resolver for a nullable field holding one node, given its key on the parent object (null: no node). */
export function optionalNodeField<TParent>(
  type: NodeType,
  keyOf: (parent: TParent) => string | null,
): NodeResolver<TParent, GraphNode | null> {
  return async (parent, _args, context, info) => {
    const key = keyOf(parent);
    if (key === null) return null;
    const loaded = await readNode(type, key, context, info);
    if (loaded instanceof Error) throw loaded;
    return loaded;
  };
}

/** A resolver for a field holding a list of nodes, in the order of the keys on the parent object. */
export function nodeListField<TParent>(
  type: NodeType,
  keysOf: (parent: TParent) => string[],
): NodeResolver<TParent, GraphNode[]> {
  return (parent, _args, context, info) => resolveNodeList(type, keysOf(parent), context, info);
}

/** The nodes of these keys, in their order, batched with the request's others; a key no node has is NOT_FOUND. */
export async function resolveNodeList(
  type: NodeType,
  keys: string[],
  context: PrassiContext,
  info: GraphQLResolveInfo,
): Promise<GraphNode[]> {
  if (keys.length === 0) return [];
  const loaded = await readNodes(type, keys, context, info);
  return keys.map((key, index) => present(type, key, loaded[index] ?? null));
}

function readNode(type: NodeType, key: string, context: PrassiContext, info: GraphQLResolveInfo): Promise<Loaded> {
  const { key: keyField } = NODE_QUERIES[type];
  const reads = context.loaders.nodes;
  const read = reads && planDirectRead(type, info);
  return reads && read ? reads.load(read, keyField, key) : delegate(type, key, info, context);
}

function readNodes(
  type: NodeType,
  keys: string[],
  context: PrassiContext,
  info: GraphQLResolveInfo,
): Promise<Loaded[]> {
  const { key: keyField } = NODE_QUERIES[type];
  const reads = context.loaders.nodes;
  const read = reads && planDirectRead(type, info);
  return reads && read ? reads.loadMany(read, keyField, keys) : delegate(type, keys, info, context);
}

/**
 * The generated API's answer, through a batched delegation: the selected fields of each node, null for a key no node
 * has (graphql-tools types it `any`).
 */
function delegate(type: NodeType, key: string | string[], info: GraphQLResolveInfo, context: PrassiContext) {
  const { field, key: keyField, max } = NODE_QUERIES[type];
  const selectionSet = info.fieldNodes[0]?.selectionSet;
  return batchDelegateToSchema({
    schema: info.schema,
    operation: "query" as never,
    fieldName: field,
    key,
    selectionSet: selectionSet && selectionWithKey(selectionSet, keyField),
    argsFromKeys: (keys) => ({ where: { [keyField]: { in: keys } }, limit: keys.length }),
    valuesFromResults: (results: Array<Record<string, unknown>>, keys) => {
      const byKey = new Map(results.map((result) => [result[keyField], result]));
      return keys.map((wanted) => byKey.get(wanted) ?? null);
    },
    dataLoaderOptions: { maxBatchSize: max },
    context,
    info,
  });
}

/**
 * How the answer being resolved will select its matches' practices (`PracticeMatch.practice`), as one direct read,
 * for the similarity read to read them along: undefined when nodes are not read directly or the selection needs
 * delegation.
 */
export function matchedPracticesRead(context: PrassiContext, info: GraphQLResolveInfo): NodeRead | undefined {
  if (!context.loaders.nodes) return undefined;
  const [first, ...others] = planReadsAhead("PracticeMatch", "practice", "Practice", info);
  return others.reduce<NodeRead | undefined>((merged, read) => merged && mergeReads(merged, read), first);
}

/** How the field being resolved (a list of practices, `Practice.similar`) selects them, as one direct read, if it can be. */
export function similarPracticesRead(context: PrassiContext, info: GraphQLResolveInfo): NodeRead | undefined {
  return context.loaders.nodes ? planDirectRead("Practice", info) : undefined;
}
