import type { ApolloServerPlugin } from "@apollo/server";
import {
  getArgumentValues,
  Kind,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { PrassiContext } from "../context";
import { coercedVariables } from "../variables";

/** The mutation fields an operation runs, through its fragments, by the key they answer under (alias or name). */
function mutationFields(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, SelectionSetNode>,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const collect = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment, new Set([...seen, selection.name.value]));
      }
    }
  };
  collect(operation.selectionSet, new Set());
  return fields;
}

/**
 * The audit trail of writes: one log line per mutation, with the editor (the token's subject), the request id, and
 * each mutation field it ran, however it was written (through fragments too): its arguments, variables applied, and
 * whether it was applied (each runs in its own transaction). The log line's time is pino's.
 */
export function writeAudit(schema: GraphQLSchema): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, document, request, contextValue, response }) {
          if (operation?.operation !== "mutation" || !document) return;
          const mutationType = schema.getMutationType();
          const variables = coercedVariables(schema, operation, request.variables) ?? {};
          const fragments = new Map(
            document.definitions.flatMap((definition) =>
              definition.kind === Kind.FRAGMENT_DEFINITION
                ? [[definition.name.value, definition.selectionSet] as const]
                : [],
            ),
          );
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const changes = mutationFields(operation, fragments).map((field) => {
            const key = field.alias?.value ?? field.name.value;
            const definition = mutationType?.getFields()[field.name.value];
            let args: unknown;
            try {
              args = definition ? getArgumentValues(definition, field, variables) : {};
            } catch {
              args = "not coercible";
            }
            const failed = errors.filter((error) => error.path?.[0] === key || !error.path);
            return {
              field: field.name.value,
              arguments: args,
              applied: failed.length === 0,
              errors: failed.map((error) => error.extensions?.code),
            };
          });
          contextValue.log.info({ audit: "write", editor: contextValue.jwt?.sub ?? null, changes }, "write");
        },
      };
    },
  };
}
