/**
 * The errors Prassi's layers raise for a caller to act on, in one place: each class carries the API code it is
 * answered with (`extensions.code`) and the details a client can use, so the GraphQL layer maps them all in one
 * function (formatError in src/graphql/errors.ts) instead of every resolver translating its own. Errors of the
 * command-line tools (a bad catalogue, an unreadable export) are reports to an operator, not API errors: they stay
 * with their commands.
 */

/** The codes a client of the API can meet (Apollo's own codes included, as graphql-js and Apollo raise them). */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "MAX_COST_EXCEEDED"
  | "RATE_LIMITED"
  | "RESPONSE_TOO_LARGE"
  | "QUERY_TIMEOUT"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/** An error whose message is written for the caller, answered with its code and details as they are. */
export abstract class PrassiError extends Error {
  abstract readonly code: ErrorCode;
  /** Machine-readable details beside the message (`extensions`). */
  readonly details: Record<string, unknown> = {};
}

/** What a caller named and the graph does not hold. */
type NotFoundKind = "REGION" | "PRACTICE" | "LEP" | "TARGET_GROUP";

const NOT_FOUND_MESSAGES: Record<NotFoundKind, (value: string) => string> = {
  REGION: (value) => `no region matches '${value}'`,
  PRACTICE: (value) => `no practice has id '${value}'`,
  LEP: (value) => `no LEP has code '${value}'`,
  TARGET_GROUP: (value) => `no target group has id '${value}'`,
};

/** A region, practice, LEP or target group the caller named does not exist. */
export class NotFoundError extends PrassiError {
  override name = "NotFoundError";
  readonly code = "NOT_FOUND";
  override readonly details: { kind: NotFoundKind; value: string };
  constructor(kind: NotFoundKind, value: string) {
    super(NOT_FOUND_MESSAGES[kind](value));
    this.details = { kind, value };
  }
}

/** An argument outside what the service accepts, naming the argument (`field`) and the reason. */
export class InvalidArgumentError extends PrassiError {
  override name = "InvalidArgumentError";
  readonly code = "BAD_USER_INPUT";
  override readonly details: { field: string; reason: string };
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.details = { field, reason };
  }
}

/** A token refused before the request runs; the message names the problem, never the secret. */
export class TokenError extends PrassiError {
  override name = "TokenError";
  readonly code = "UNAUTHENTICATED";
}
