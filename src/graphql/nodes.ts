/**
 * Resolves graph nodes (Practice, Region, Lep, TargetGroup) that custom answers refer to by key, through the
 * generated API itself: every such field of one request is batched into one `practices(where: {id: {in}})`-style
 * query per selection set (graphql-tools batch delegation, DataLoader underneath). So any selection works,
 * nested relationships included, and the database round trips do not grow with the number of items.
 */
import { batchDelegateToSchema } from "@graphql-tools/batch-delegate";
import { Kind, type FieldNode, type GraphQLFieldResolver, type SelectionSetNode } from "graphql";

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
