import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { badUserInput, prassiError } from "../errors";
import { findArgumentProblem } from "../argumentLimits";
import type { QueryCostEstimator } from "../queryCost";
import { coercedVariables } from "../variables";

/**
 * Refuses, before anything runs, an operation whose arguments are out of range (argumentLimits.ts) or whose cost is
 * over `maxCost` (queryCost.ts), with HTTP 400 and a message that says what to ask instead.
 */
export function queryLimits(
  schema: GraphQLSchema,
  nodeTypes: ReadonlySet<string>,
  estimateCost: QueryCostEstimator,
  maxCost: number,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation, operationName }) {
          const variables = operation && coercedVariables(schema, operation, request.variables);
          if (!operation || !variables) return; // execution reports variables that do not coerce
          const problem = findArgumentProblem(schema, nodeTypes, document, operation, variables);
          if (problem) throw badUserInput(problem.field, problem.reason, 400);
          const cost = estimateCost(schema, document, request.variables, operationName ?? undefined);
          if (cost > maxCost) {
            throw prassiError(
              "MAX_COST_EXCEEDED",
              `This query could return up to ${cost} objects, over the limit of ${maxCost}: ask for smaller pages (limit, first) or fewer nested lists`,
              { cost, maxCost },
              400,
            );
          }
        },
      };
    },
  };
}
