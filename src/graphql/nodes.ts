/**
 * Resolves graph nodes (Practice, Region, Lep, TargetGroup) that custom answers refer to by key. A selection of
 * properties and first-level relationships (`practice { id title regions { name } }`) is read directly, one Cypher
 * statement per node type and tick (directRead/). Any other selection goes through the generated API itself: every
 * such field of one request is batched into one `practices(where: {id: {in}})`-style query per selection set
 * (graphql-tools batch delegation, DataLoader underneath), a second GraphQL execution. Either way any selection
 * works, nested relationships included, and the database round trips do not grow with the number of items.
 */
import { batchDelegateToSchema } from "@graphql-tools/batch-delegate";
import { Kind, type FieldNode, type GraphQLFieldResolver, type SelectionSetNode } from "graphql";
import type { PrassiContext } from "./context";
import { mergeReads, planDirectRead, planReadsAhead, type NodeRead } from "./directRead";

type NodeType = "Practice" | "Region" | "Lep" | "TargetGroup";

/** The generated list query of each node type, and its key. */
const NODE_QUERIES: Record<NodeType, { field: string; key: string; max: number }> = {
  Practice: { field: "practices", key: "id", max: 100 },
  Region: { field: "regions", key: "nuts", max: 200 },
  Lep: { field: "leps", key: "code", max: 200 },
  TargetGroup: { field: "targetGroups", key: "id", max: 200 },
};

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

/** A resolver for a field holding one node (or null), given the node's key on the parent object. */
export function nodeField<TParent>(type: NodeType, keyOf: (parent: TParent) => string | null | undefined): GraphQLFieldResolver<TParent, unknown> {
  return (parent, _args, context, info) => resolveNodes(type, keyOf(parent), context, info);
}

/** A resolver for a field holding a list of nodes, in the order of the keys on the parent object. */
export function nodeListField<TParent>(type: NodeType, keysOf: (parent: TParent) => string[]): GraphQLFieldResolver<TParent, unknown> {
  return (parent, _args, context, info) => resolveNodes(type, keysOf(parent), context, info);
}

/** The nodes of these keys (or this key), as the field being resolved selects them, batched with the request's others. */
export function resolveNodes(type: NodeType, key: string | string[] | null | undefined, context: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) {
  const { field, key: keyField, max } = NODE_QUERIES[type];
  const reads = (context as Partial<PrassiContext>).loaders?.nodes;
  const read = reads && planDirectRead(type, info);
  if (reads && read) {
    if (key == null) return null;
    return Array.isArray(key) ? (key.length === 0 ? [] : reads.loadMany(read, keyField, key)) : reads.load(read, keyField, key);
  }
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
    context: context as Record<string, unknown>,
    info,
  });
}

/**
 * How the answer being resolved will select its matches' practices (`PracticeMatch.practice`), as one direct read,
 * for the similarity read to read them along: undefined when nodes are not read directly or the selection needs
 * delegation.
 */
export function matchedPracticesRead(context: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]): NodeRead | undefined {
  if (!(context as Partial<PrassiContext>).loaders?.nodes) return undefined;
  const [first, ...others] = planReadsAhead("PracticeMatch", "practice", "Practice", info);
  return others.reduce<NodeRead | undefined>((merged, read) => merged && mergeReads(merged, read), first);
}

/** How the field being resolved (a list of practices, `Practice.similar`) selects them, as one direct read, if it can be. */
export function similarPracticesRead(context: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]): NodeRead | undefined {
  return (context as Partial<PrassiContext>).loaders?.nodes ? planDirectRead("Practice", info) : undefined;
}
