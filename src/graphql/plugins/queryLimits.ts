import type { ApolloServerPlugin, GraphQLRequest } from "@apollo/server";
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { findArgumentProblem, findDeepInput } from "../argumentLimits";
import type { PrassiContext } from "../context";
import { badUserInput, prassiError } from "../errors";
import type { QueryCostEstimator } from "../queryCost";
import { coercedVariables } from "../variables";

export type QueryLimitsOptions = {
  schema: GraphQLSchema;
  nodeTypes: ReadonlySet<string>;
  estimateCost: QueryCostEstimator;
  maxCost: number;
  /** Charges the client's rate limit for the cost of what it asks; a refusal's wait in seconds, if its budget is spent. */
  chargeCost?: (context: PrassiContext, cost: number) => Promise<number | undefined>;
};

/** Costs remembered per document (Apollo keeps one parsed document per query text) and variables. */
const COSTS_PER_DOCUMENT = 64;
const REMEMBERED_KEY_CHARS = 1024;

/**
 * Refuses, before anything runs, a subscription (the API has none), an operation whose input nests too deep or whose arguments are out of range
 * (argumentLimits.ts), or whose cost is over `maxCost` (queryCost.ts), with HTTP 400 and a message that says what
 * to ask instead; then charges the client's rate limit with the cost. The checks are pure functions of the document
 * and the variables, and a widget sends the same request again and again: an accepted one's cost is remembered.
 */
export function queryLimits(options: QueryLimitsOptions): ApolloServerPlugin<PrassiContext> {
  const { schema } = options;
  const accepted = new WeakMap<DocumentNode, Map<string, number>>();

  /** The operation's cost, or an error saying what is wrong with it. */
  function checkedCost(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
  ): number {
    const problem = findArgumentProblem(schema, options.nodeTypes, document, operation, variables);
    if (problem) throw badUserInput(problem.field, problem.reason, 400);
    const cost = options.estimateCost(schema, document, variables, operationName);
    if (cost > options.maxCost) {
      throw prassiError(
        "MAX_COST_EXCEEDED",
        `This query could cost ${cost}, over the limit of ${options.maxCost}: ask for smaller pages (limit, first), fewer nested lists or fewer fields at the root`,
        { cost, maxCost: options.maxCost },
        400,
      );
    }
    return cost;
  }

  /**
   * The cost of an accepted query, remembered under its declared variables as execution sees them (undeclared ones
   * change nothing). Writes are not remembered (their inputs are editors' data), nor variables over 1 KB of JSON.
   * Undefined when execution reports the problem (no operation, variables that do not coerce).
   */
  function costOf(
    document: DocumentNode,
    operation: OperationDefinitionNode | null | undefined,
    request: GraphQLRequest,
    operationName: string | undefined,
  ): number | undefined {
    const deep = findDeepInput(document, request.variables);
    if (deep) throw badUserInput(deep.field, deep.reason, 400);
    const variables = operation && coercedVariables(schema, operation, request.variables);
    if (!operation || !variables) return undefined;
    const key = operation.operation === "query" ? JSON.stringify([operationName ?? null, variables]) : undefined;
    if (key === undefined || key.length > REMEMBERED_KEY_CHARS)
      return checkedCost(document, operation, variables, operationName);
    let costs = accepted.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    const cost = checkedCost(document, operation, variables, operationName);
    if (!costs) accepted.set(document, (costs = new Map()));
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
    return cost;
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation, operationName, contextValue, response }) {
          if (operation?.operation === "subscription" && !schema.getSubscriptionType()) {
            // graphql-js validates it and fails only when executing it, as if it were the server's fault.
            throw new GraphQLError("This API has no subscriptions: ask with a query", {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
            });
          }
          const cost = costOf(document, operation, request, operationName ?? undefined);
          if (cost === undefined) return;
          const retryAfterSeconds = await options.chargeCost?.(contextValue, cost);
          if (retryAfterSeconds !== undefined) {
            response.http.headers.set("retry-after", String(retryAfterSeconds));
            throw prassiError(
              "RATE_LIMITED",
              `Too many costly queries from one client; retry in ${retryAfterSeconds} s`,
              { retryAfterSeconds },
              429,
            );
          }
        },
      };
    },
  };
}
