/**
 * Gives every HTTP request an id of the server's own (never the caller's: a caller could otherwise name another
 * request's transactions to be terminated, or forge audit lines), echoed in X-Request-Id and carried by every log
 * line and database transaction of the request; the caller's own X-Request-Id, when it is a sane one, is logged
 * beside it as clientRequestId. The request is abandoned (its signal fires) when the client goes away before its
 * answer. One access line at debug level, never with a body or a query string.
 */
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type express from "express";
import type { Logger } from "../logger";

const CLIENT_ID = /^[\w.:-]{1,64}$/;

export type RequestScope = {
  requestId: string;
  log: Logger;
  /** Fires when the request is abandoned; `abandon` fires it (the client left, the deadline passed, an outage). */
  signal: AbortSignal;
  abandon(reason: string): void;
};

/** The scope requestScope() attached to the request. */
export function scopeOf(response: express.Response): RequestScope {
  return response.locals.scope as RequestScope;
}

export function requestScope(log: Logger): express.RequestHandler {
  return (request, response, next) => {
    const requestId = randomUUID();
    const clientRequestId = request.get("x-request-id");
    const controller = new AbortController();
    // Each query of the request listens to its signal (thirty aliased fields and their nodes make dozens).
    setMaxListeners(200, controller.signal);
    const scope: RequestScope = {
      requestId,
      log: log.child({ requestId, ...(clientRequestId && CLIENT_ID.test(clientRequestId) ? { clientRequestId } : {}) }),
      signal: controller.signal,
      abandon: (reason) => controller.abort(new Error(`request abandoned: ${reason}`)),
    };
    response.locals.scope = scope;
    response.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    response.once("close", () => {
      const answered = response.writableFinished;
      if (!answered) scope.abandon("the client went away");
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const path = request.originalUrl.split("?")[0];
      scope.log.debug({ method: request.method, path, status: answered ? response.statusCode : null, ms }, "request");
    });
    next();
  };
}
