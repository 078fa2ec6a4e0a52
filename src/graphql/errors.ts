/**
 * The API's errors as the caller reads them: the constructors of the errors that stop a request before it runs,
 * and the one mapping (formatError) that turns whatever a field threw (an error of ours from src/errors.ts, a
 * database outage, a timeout, a library's refusal, a bug) into an error a caller can act on, without leaking the
 * cause. Resolvers throw and leave the translation to it.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { z } from "zod";
import { InvalidArgumentError, PrassiError, type ErrorCode } from "../errors";
import { NO_ANSWER_CODES } from "../neo4j/driver";
import { SimilarityUnsettledError } from "../similarity/read";

/** An error of the API; `httpStatus` is used when the error stops the whole request (before execution). */
export function prassiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  httpStatus?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

export function badUserInput(field: string, reason: string, httpStatus?: number): GraphQLError {
  return prassiError("BAD_USER_INPUT", `${field}: ${reason}`, { field, reason }, httpStatus);
}

/** Validates a resolver's arguments; a wrong one becomes BAD_USER_INPUT naming the argument and the reason. */
export function parseArguments<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw new InvalidArgumentError(first?.path.join(".") ?? "", first?.message ?? "invalid value");
}

/**
 * The database stopped the transaction: at its timeout, or while it waited for a lock (a write queued behind others
 * on the same practice), or because the request was abandoned (and then nobody reads the answer).
 */
const TIMED_OUT = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.ClientError.Transaction.Terminated",
  "Neo.TransientError.Transaction.LockClientStopped",
]);

/**
 * @neo4j/graphql's refusals, by the class name each of its error classes sets (its package exports the classes
 * themselves to nobody, so `instanceof` cannot be used). Its translator refuses a write without a token with its
 * base class, named as a GraphQLError, and the message "Unauthenticated" (its AUTHORIZATION_UNAUTHENTICATED).
 */
const LIBRARY_REFUSALS = new Map<string, ErrorCode>([
  ["Neo4jGraphQLAuthenticationError", "UNAUTHENTICATED"],
  ["Neo4jGraphQLForbiddenError", "FORBIDDEN"],
  // A write the graph refuses (a duplicate id, a required link missing): the editor can fix it.
  ["Neo4jGraphQLConstraintValidationError", "BAD_USER_INPUT"],
  ["Neo4jGraphQLRelationshipValidationError", "BAD_USER_INPUT"],
]);

function codeOfLibraryRefusal(cause: Error): ErrorCode | undefined {
  if (cause instanceof GraphQLError && cause.message === "Unauthenticated") return "UNAUTHENTICATED";
  return LIBRARY_REFUSALS.get(cause.name);
}

/**
 * What was thrown underneath a field, through every wrapping: Apollo's resolver wrapper, and the GraphQL errors a
 * delegated query (nodes.ts) wraps its own field errors in. A GraphQL error with a code is the answer itself.
 */
function causeOf(error: unknown): unknown {
  let cause = unwrapResolverError(error);
  while (cause instanceof GraphQLError && cause.extensions?.code === undefined && cause.originalError) {
    cause = cause.originalError;
  }
  return cause;
}

/**
 * What an error thrown underneath a field means for the caller: a code of ours, or undefined when it is already
 * a GraphQL error with a code (Apollo's, graphql-js's, or one of ours raised before execution). Anything else is
 * a bug or an unknown database failure: INTERNAL_SERVER_ERROR.
 */
export function codeOfCause(error: unknown): ErrorCode | undefined {
  const cause = causeOf(error);
  if (cause instanceof PrassiError) return cause.code;
  if (cause instanceof Neo4jError) {
    if (NO_ANSWER_CODES.has(cause.code)) return "SERVICE_UNAVAILABLE";
    if (TIMED_OUT.has(cause.code)) return "QUERY_TIMEOUT";
    return "INTERNAL_SERVER_ERROR";
  }
  // Writes kept rewriting a neighbourhood as long as the reader read it again: transient, like an outage.
  if (cause instanceof SimilarityUnsettledError) return "SERVICE_UNAVAILABLE";
  const refusal = cause instanceof Error ? codeOfLibraryRefusal(cause) : undefined;
  if (refusal) return refusal;
  if (cause instanceof GraphQLError) {
    if (cause.extensions?.code !== undefined) return undefined;
    // An error of the request itself (no field was reached) keeps graphql-js's message and Apollo's code.
    if (!(error instanceof GraphQLError && error.path)) return undefined;
  }
  return "INTERNAL_SERVER_ERROR";
}

/** Whether the database stopped the transaction because it was told to (a request whose client went away). */
export function wasTerminated(error: unknown): boolean {
  const cause = causeOf(error);
  return cause instanceof Neo4jError && cause.code === "Neo.ClientError.Transaction.Terminated";
}

export const UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a few seconds";

export type FormatErrorOptions = {
  queryTimeoutMs: number;
  /** Only in development does an internal error show its cause; otherwise it says it happened (and its request id). */
  development: boolean;
};

/** The one mapping of errors to what the caller reads; causes are logged, with the request id, by requestErrors.ts. */
export function formatError(options: FormatErrorOptions) {
  const MESSAGES: Partial<Record<ErrorCode, string>> = {
    UNAUTHENTICATED: "Unauthenticated: writes need `Authorization: Bearer <token>`, a valid token with the editor role",
    FORBIDDEN: "Forbidden: this token lacks the editor role",
    SERVICE_UNAVAILABLE: UNAVAILABLE_MESSAGE,
    QUERY_TIMEOUT: `The database stopped this query after ${options.queryTimeoutMs} ms: ask for less (smaller limits, fewer nested lists or filters)`,
    INTERNAL_SERVER_ERROR: "Internal error: the server could not answer this field; it has been logged",
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOfCause(error);
    if (code === undefined) return formatted;
    const cause = causeOf(error);
    const details = cause instanceof PrassiError ? cause.details : {};
    const detail =
      code === "INTERNAL_SERVER_ERROR" && options.development && cause instanceof Error ? { cause: cause.message } : {};
    const extensions = { ...formatted.extensions, ...details, code, ...detail };
    return { ...formatted, message: MESSAGES[code] ?? formatted.message, extensions };
  };
}
