import { InvalidArgumentError } from "../errors";

/** Limits are positive integers; the GraphQL layer checks 1..50, direct callers get the same answer. */
export function checkLimit(limit: number, argument = "limit"): void {
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError(argument, "must be a positive integer");
}
