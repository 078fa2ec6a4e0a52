/** Errors of the discovery services: values with a code and a message the caller can act on. */

/** What a caller named and the graph does not hold. */
type NotFoundKind = "REGION" | "PRACTICE" | "LEP" | "TARGET_GROUP";

const MESSAGES: Record<NotFoundKind, (value: string) => string> = {
  REGION: (value) => `no region matches '${value}'`,
  PRACTICE: (value) => `no practice has id '${value}'`,
  LEP: (value) => `no LEP has code '${value}'`,
  TARGET_GROUP: (value) => `no target group has id '${value}'`,
};

/** A region, practice, LEP or target group the caller named does not exist (GraphQL code NOT_FOUND). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  readonly code = "NOT_FOUND";
  constructor(
    readonly kind: NotFoundKind,
    readonly value: string,
  ) {
    super(MESSAGES[kind](value));
  }
}

/** An argument outside what the service accepts (GraphQL code BAD_USER_INPUT), naming the argument. */
export class InvalidArgumentError extends Error {
  override name = "InvalidArgumentError";
  readonly code = "BAD_USER_INPUT";
  constructor(
    readonly argument: string,
    readonly reason: string,
  ) {
    super(`${argument}: ${reason}`);
  }
}

/** Limits are positive integers; the GraphQL layer checks 1..50, direct callers get the same answer. */
export function checkLimit(limit: number, argument = "limit"): void {
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError(argument, "must be a positive integer");
}
