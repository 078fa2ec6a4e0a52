import type { ApolloServerPlugin } from "@apollo/server";
import { getArgumentValues, Kind, type GraphQLSchema } from "graphql";
import type { PrassiContext } from "../context";
import { coercedVariables } from "../variables";

/**
 * The audit trail of writes: one log line per mutation, with the editor (the token's subject), the request id, and
 * what it asked to change (each mutation field with its arguments, variables applied), and whether it was applied.
 * The log line's time is pino's.
 */
export function writeAudit(schema: GraphQLSchema): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, request, contextValue, response }) {
          if (operation?.operation !== "mutation") return;
          const mutationType = schema.getMutationType();
          const variables = coercedVariables(schema, operation, request.variables) ?? {};
          const changes = operation.selectionSet.selections.flatMap((selection): Array<{ field: string; arguments: unknown }> => {
            if (selection.kind !== Kind.FIELD) return [];
            const definition = mutationType?.getFields()[selection.name.value];
            if (!definition) return [];
            try {
              return [{ field: selection.name.value, arguments: getArgumentValues(definition, selection, variables) }];
            } catch {
              return [{ field: selection.name.value, arguments: "not coercible" }];
            }
          });
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          contextValue.log.info(
            {
              audit: "write",
              editor: contextValue.jwt?.sub ?? null,
              changes,
              applied: errors.length === 0,
              errors: errors.map((error) => error.extensions?.code),
            },
            "write",
          );
        },
      };
    },
  };
}
