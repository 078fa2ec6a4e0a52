import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { z } from "zod";
import { InvalidArgumentError, NotFoundError } from "../discovery/errors";

/** Validates a resolver's arguments; a wrong one becomes BAD_USER_INPUT naming the argument and the reason. */
export function parseArguments<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw badUserInput(first?.path.join(".") ?? "", first?.message ?? "invalid value");
}

function badUserInput(field: string, reason: string): GraphQLError {
  return new GraphQLError(`${field}: ${reason}`, { extensions: { code: "BAD_USER_INPUT", field, reason } });
}

/** Runs a resolver body, turning the services' domain errors into GraphQL errors with a code. */
export async function answering<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new GraphQLError(error.message, { extensions: { code: "NOT_FOUND", kind: error.kind, value: error.value } });
    }
    if (error instanceof InvalidArgumentError) throw badUserInput(error.argument, error.reason);
    throw error;
  }
}

/**
 * Gives @neo4j/graphql's authentication failures a code and a message the caller can act on (it throws them as
 * plain errors, told apart only by their message). Anything else unexpected is logged once here, at the edge.
 */
export function formatError(log: { error(details: object, message: string): void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = unwrapResolverError(error) as Error | undefined;
    if (cause?.message === "Unauthenticated") {
      return {
        ...formatted,
        message: "Unauthenticated: writes need `Authorization: Bearer <token>`, a valid token with the editor role",
        extensions: { ...formatted.extensions, code: "UNAUTHENTICATED" },
      };
    }
    if (cause?.message === "Forbidden") return { ...formatted, extensions: { ...formatted.extensions, code: "FORBIDDEN" } };
    if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
      // The cause (a database message, say) is for the log, not for the caller.
      log.error({ err: cause, path: formatted.path }, "unexpected error");
      return { ...formatted, message: "Internal error: the server could not answer this field; it has been logged" };
    }
    return formatted;
  };
}
