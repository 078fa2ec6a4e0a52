/**
 * Per-client rate limits (rate-limiter-flexible, in memory): one budget of requests per minute for everything, a
 * stricter one for writes. The client is `req.ip`, which Express reads from X-Forwarded-For only for the proxies
 * PRASSI_TRUST_PROXY names, so an intranet's reverse proxy does not turn the limit into one global limit and a client
 * cannot forge its address. Each API instance keeps its own counts.
 */
import type express from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { sendError } from "./errors";

/** Refused: how long to wait before the next request is accepted. */
export type RateLimitRefusal = { retryAfterSeconds: number };

export type RateLimit = {
  readonly perMinute: number;
  /** Takes one request from the client's budget; a refusal when it is spent. */
  take(client: string): Promise<RateLimitRefusal | undefined>;
};

export function rateLimit(requestsPerMinute: number, name: string): RateLimit {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: requestsPerMinute, duration: 60 });
  return {
    perMinute: requestsPerMinute,
    async take(client) {
      try {
        await limiter.consume(client);
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
    },
  };
}

/** The address a request is counted against. */
export function clientAddress(request: express.Request): string {
  return request.ip ?? request.socket.remoteAddress ?? "unknown";
}

/** Express middleware: 429 with Retry-After once the client has spent its budget. */
export function limitRequests(limit: RateLimit): express.RequestHandler {
  return (request, response, next) => {
    limit.take(clientAddress(request)).then((refusal) => {
      if (!refusal) return next();
      sendError(request, response, 429, "RATE_LIMITED", `Too many requests: at most ${limit.perMinute} per minute from one client; retry in ${refusal.retryAfterSeconds} s`, {
        "retry-after": String(refusal.retryAfterSeconds),
      });
    }, next);
  };
}
