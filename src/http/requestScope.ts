/**
 * Gives every HTTP request an id (the caller's X-Request-Id when it is a sane one, as a reverse proxy sets it, else
 * a new one), echoed in the response and carried by every log line and database transaction of the request, and an
 * access log line at debug level that never contains a request body or query string.
 */
import { randomUUID } from "node:crypto";
import type express from "express";
import type { Logger } from "../logger";

const FORWARDED_ID = /^[\w.:-]{1,64}$/;

export type RequestScope = { requestId: string; log: Logger };

/** The scope requestScope() attached to the request. */
export function scopeOf(response: express.Response): RequestScope {
  return response.locals.scope as RequestScope;
}

export function requestScope(log: Logger): express.RequestHandler {
  return (request, response, next) => {
    const forwarded = request.get("x-request-id");
    const requestId = forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    const scope: RequestScope = { requestId, log: log.child({ requestId }) };
    response.locals.scope = scope;
    response.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    response.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      scope.log.debug({ method: request.method, path: request.path, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}
