import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

/**
 * The operation's variables as execution will see them: coerced, defaults applied. Undefined when they do not
 * coerce, which execution itself reports with graphql-js's message.
 */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown> | undefined,
) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 1 });
  return result.coerced;
}
