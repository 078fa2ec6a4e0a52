/**
 * The cost of a query, known before it runs: the most graph nodes its response can hold, plus the work of its root
 * fields (round trips to the database, planning the Cypher of a generated query, a search's reading of its hits),
 * in the same unit. A list counts at its page size (its `limit` or `first`, else the type's default page, see
 * `@limit` in schema/), and nested lists multiply, so `{ practices { stakeholders { practices { id } } } }` costs
 * 20 + 20×50 + 20×50×20 (+ its work). Scalars cost nothing, and so do the answer objects the discovery fields
 * compute in memory (a match's reasons, their shared items). The size of the response is capped separately
 * (PRASSI_MAX_RESPONSE_BYTES). docs/operations.md explains the numbers.
 */
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntValueNode,
  type SelectionSetNode,
} from "graphql";
import { REGIONS } from "../reference/regions";
import { LINK_KINDS } from "../similarity/model";

export type PageLimit = { default: number; max: number };

/** The `@limit(default, max)` of every node type in the type definitions: what @neo4j/graphql applies to each list. */
export function readPageLimits(typeDefs: string): Map<string, PageLimit> {
  const limits = new Map<string, PageLimit>();
  for (const definition of parse(typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const limit = definition.directives?.find((directive) => directive.name.value === "limit");
    if (!limit) continue;
    const argument = (name: string) =>
      Number((limit.arguments?.find((arg) => arg.name.value === name)?.value as IntValueNode | undefined)?.value);
    limits.set(definition.name.value, { default: argument("default"), max: argument("max") });
  }
  return limits;
}

/**
 * Answer lists of the discovery fields that have no page argument, at the most they hold: free themselves, they
 * multiply the nodes nested in them (a gap's models, a coverage entry's LEP).
 */
const ANSWER_LIST_SIZES: Record<string, number> = {
  "PracticeMatch.reasons": LINK_KINDS.length,
  "MatchReason.shared": 10,
  "RegionProfile.lepCoverage": 25,
  "RegionProfile.gaps": 25,
  "RegionProfile.targetGroups": 30,
  "LepGap.models": 3,
  "Query.regionCoverage": REGIONS.length,
};
/** A list nothing above describes. */
const UNKNOWN_LIST_SIZE = 10;

/**
 * What a database round trip costs (a transaction: the Bolt exchange, planning, the commit), in node equivalents.
 * On the 2023 graph a query's time is mostly its round trips, not the nodes it reads: this is what stops thirty
 * aliased discovery fields, each a few small queries, from adding up to seconds (docs/api.md, "Limits").
 */
export const ROUND_TRIP_COST = 50;

/**
 * The work of each root field beyond the nodes it returns, in node equivalents. A generated field is one query
 * whatever it nests; a discovery field makes a few round trips (replicableModels reads the region's offer, the LEPs,
 * the target groups and the candidates; regionProfile three reads and the models of its gaps; regionCoverage one
 * read for all the territories; a path looks its practices up, then searches), and the nodes it returns are one more
 * per type, batched for the whole request (regionProfile returns four types: region, LEPs, target groups, practices).
 * Some also work in Node, counted as more round trips: a search reads every text of every hit to say which matched
 * (10 per hit asked), replicableModels reads the transferability evidence of every candidate (2 more).
 */
const FIELD_WORK: Record<string, (args: Record<string, unknown>) => number> = {
  similarPractices: () => 2 * ROUND_TRIP_COST,
  searchPractices: (args) => 4 * ROUND_TRIP_COST + 10 * Number(args.limit),
  replicableModels: () => 7 * ROUND_TRIP_COST,
  regionProfile: () => 9 * ROUND_TRIP_COST,
  regionCoverage: () => 2 * ROUND_TRIP_COST,
  practicePath: (args) => (3 + Math.ceil(Number(args.maxHops) / 2)) * ROUND_TRIP_COST,
};

/**
 * Planning the Cypher of a generated query, per relationship it follows (each is a subquery of the statement): a
 * query of a shape Neo4j has not seen must be planned before it runs, and a client can send a new shape every time
 * (measured: ten new shapes of four relationships took 1 to 2 s on a loaded 2-core machine, the same shapes again
 * a few ms).
 */
export const PLANNING_COST = 200;

const isConnection = (typeName: string) => typeName.endsWith("Connection");

/** The relationships a generated query follows: fields of a node type that hold nodes or a connection to them. */
function relationshipsIn(
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLNamedType,
  nodeTypes: ReadonlyMap<string, unknown>,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string> = new Set(),
): number {
  if (!selectionSet || !isObjectType(parent)) return 0;
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT)
      count += relationshipsIn(selection.selectionSet, parent, nodeTypes, fragments, seen);
    else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value))
        count += relationshipsIn(
          fragment.selectionSet,
          parent,
          nodeTypes,
          fragments,
          new Set([...seen, fragment.name.value]),
        );
    } else {
      const child = parent.getFields()[selection.name.value];
      if (!child) continue;
      const target = getNamedType(child.type);
      if (nodeTypes.has(parent.name) && (nodeTypes.has(target.name) || isConnection(target.name))) count++;
      count += relationshipsIn(selection.selectionSet, target, nodeTypes, fragments, seen);
    }
  }
  return count;
}
const isRootType = (type: { name: string }) => type.name === "Query" || type.name === "Mutation";

/** The node type a generated connection pages through: the type of `edges.node`. */
function connectionNodeType(connection: ReturnType<typeof getNamedType>): string | undefined {
  if (!isObjectType(connection)) return undefined;
  const edge = getNamedType(connection.getFields().edges?.type);
  return edge && isObjectType(edge) ? getNamedType(edge.getFields().node?.type)?.name : undefined;
}

export type QueryCostEstimator = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
) => number;

export function queryCostEstimator(pageLimits: ReadonlyMap<string, PageLimit>): QueryCostEstimator {
  const pageSize = (nodeType: string | undefined, asked: unknown): number => {
    const limit = nodeType === undefined ? undefined : pageLimits.get(nodeType);
    const requested = typeof asked === "number" && asked > 0 ? asked : undefined;
    if (!limit) return requested ?? UNKNOWN_LIST_SIZE;
    return Math.min(requested ?? limit.default, limit.max);
  };

  const estimate = ({ type, field, node, args, childComplexity, context }: ComplexityEstimatorArgs): number => {
    // Introspection answers are as big as the schema, whatever is asked: not the graph's work.
    if (field.name.startsWith("__")) return 0;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 0;
    const returned = getNullableType(field.type);
    let size = 1;
    if (isConnection(named.name)) size = pageSize(connectionNodeType(named), args.first);
    else if (isListType(returned) && !(isConnection(type.name) && field.name === "edges")) {
      if (type.name === "Query" && field.name === "practicePath") size = Number(args.maxHops) + 1;
      else size = ANSWER_LIST_SIZES[`${type.name}.${field.name}`] ?? pageSize(named.name, args.limit);
    }
    // A graph node counts itself; an answer object (a match, a reason, a connection's edge) only what it holds.
    const own = pageLimits.has(named.name) ? 1 : 0;
    const generatedQuery = () =>
      ROUND_TRIP_COST +
      PLANNING_COST *
        relationshipsIn(
          node.selectionSet,
          named,
          pageLimits,
          (context as { fragments: Map<string, FragmentDefinitionNode> }).fragments,
        );
    const work = isRootType(type) ? (FIELD_WORK[field.name]?.(args) ?? generatedQuery()) : 0;
    return work + size * (own + childComplexity);
  };

  return (schema, document, variables, operationName) => {
    const fragments = new Map(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
      ),
    );
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [estimate],
      context: { fragments },
    });
  };
}
