/**
 * Per-client limits (rate-limiter-flexible, in memory; each API instance keeps its own counts):
 * - a budget of points per minute, one per request plus one per 250 of the query's cost (queryCost.ts), so that a
 *   client sending the heaviest accepted queries gets through a twentieth as many;
 * - a stricter budget for writes;
 * - at most a few requests in flight at once.
 * The client is `req.ip`, which Express reads from X-Forwarded-For only for the proxies PRASSI_TRUST_PROXY names (an
 * intranet's reverse proxy must not turn the limits into one global limit, and a client must not forge its address);
 * an IPv6 client is its /64 network, which one subscriber usually holds whole.
 */
import type express from "express";
import ipaddr from "ipaddr.js";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { sendError } from "./errors";

/** A point per this much of a query's cost, on top of the point every request takes: the heaviest accepted query takes 21. */
export const COST_PER_POINT = 250;

/** Refused: how long to wait before the next request is accepted. */
export type RateLimitRefusal = { retryAfterSeconds: number };

export type RateLimit = {
  readonly perMinute: number;
  /** Takes `points` (one request by default) from the client's budget; a refusal when it is spent. */
  take(client: string, points?: number): Promise<RateLimitRefusal | undefined>;
};

export function rateLimit(pointsPerMinute: number, name: string): RateLimit {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: pointsPerMinute, duration: 60 });
  return {
    perMinute: pointsPerMinute,
    async take(client, points = 1) {
      if (points <= 0) return undefined;
      try {
        await limiter.consume(client, points);
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}

/** The key a request is counted against: its address, or its /64 network for IPv6. */
export function clientAddress(request: express.Request): string {
  const address = request.ip ?? request.socket.remoteAddress ?? "unknown";
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
}

function refuse(
  request: express.Request,
  response: express.Response,
  message: string,
  retryAfterSeconds: number,
): void {
  sendError(request, response, 429, "RATE_LIMITED", message, { "retry-after": String(retryAfterSeconds) });
}

/** Express middleware: 429 with Retry-After once the client has spent its budget. */
export function limitRequests(limit: RateLimit): express.RequestHandler {
  return (request, response, next) => {
    limit.take(clientAddress(request)).then((refusal) => {
      if (!refusal) return next();
      refuse(
        request,
        response,
        `Too many requests: at most ${limit.perMinute} points per minute from one client (a request is 1, plus 1 per ${COST_PER_POINT} of its cost); retry in ${refusal.retryAfterSeconds} s`,
        refusal.retryAfterSeconds,
      );
    }, next);
  };
}

/** Express middleware: 429 when the client already has `most` requests waiting for an answer. */
export function limitRequestsInFlight(most: number): express.RequestHandler {
  const inFlight = new Map<string, number>();
  return (request, response, next) => {
    const client = clientAddress(request);
    const count = inFlight.get(client) ?? 0;
    if (count >= most) {
      refuse(request, response, `Too many requests at once: at most ${most} from one client; wait for an answer`, 1);
      return;
    }
    inFlight.set(client, count + 1);
    response.once("close", () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left === 0) inFlight.delete(client);
      else inFlight.set(client, left);
    });
    next();
  };
}
