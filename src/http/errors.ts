/**
 * Errors the HTTP layer answers itself (bad JSON, a body too large, a wrong method or media type, an unknown path,
 * the database down, too many requests): always a GraphQL-shaped JSON body with a code, never Express's HTML page,
 * a stack trace or a file path.
 */
import type express from "express";
import type { ErrorCode } from "../errors";
import { scopeOf } from "./requestScope";

type HttpErrorCode =
  ErrorCode | "BAD_REQUEST" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE";

/** application/graphql-response+json when the client accepts it (the GraphQL-over-HTTP media type), else JSON. */
export function mediaType(request: express.Request): string {
  return (request.get("accept") ?? "").includes("application/graphql-response+json")
    ? "application/graphql-response+json; charset=utf-8"
    : "application/json; charset=utf-8";
}

export function sendError(
  request: express.Request,
  response: express.Response,
  status: number,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.status(status).set(headers).type(mediaType(request));
  response.send(
    JSON.stringify({ errors: [{ message, extensions: { code, requestId: scopeOf(response)?.requestId } }] }),
  );
}

/** The largest request body: a query with its variables, or an editor's write of a card's texts. */
export const MAX_BODY_KB = 100;

/** What body-parser's failures mean to the caller (its `type`), with a message that names no internals. */
const BODY_ERRORS: Record<string, { status: number; code: HttpErrorCode; message: string }> = {
  "entity.parse.failed": { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON" },
  "entity.too.large": {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `The request body is larger than ${MAX_BODY_KB} KB`,
  },
  "charset.unsupported": {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "The request body must be UTF-8 JSON",
  },
  "encoding.unsupported": {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "The request body's content encoding is not supported",
  },
  "request.aborted": { status: 400, code: "BAD_REQUEST", message: "The request body was not received in full" },
  "request.size.invalid": {
    status: 400,
    code: "BAD_REQUEST",
    message: "The request body is shorter or longer than its Content-Length",
  },
};

/** The last handler: a JSON error for whatever went wrong, logged once (without the body) when it is ours. */
export const errorHandler: express.ErrorRequestHandler = (error, request, response, _next) => {
  if (response.headersSent) return;
  const { type, status, expose } = error as { type?: string; status?: number; expose?: boolean };
  const known = BODY_ERRORS[type ?? ""];
  if (known) {
    sendError(request, response, known.status, known.code, known.message);
    return;
  }
  // A path that Express cannot decode ("/practices/%E0") to match it against a route's parameters.
  if (error instanceof URIError) {
    sendError(request, response, 400, "BAD_REQUEST", "The URL's percent-encoding is invalid");
    return;
  }
  // Any other failure to read the request that is the client's (http-errors marks those `expose`).
  if (expose && status !== undefined && status >= 400 && status < 500) {
    sendError(request, response, 400, "BAD_REQUEST", "The request could not be read");
    return;
  }
  scopeOf(response)?.log.error({ err: error }, "request failed");
  sendError(request, response, 500, "INTERNAL_SERVER_ERROR", "Internal error: it has been logged");
};

export const notFound: express.RequestHandler = (request, response) => {
  sendError(
    request,
    response,
    404,
    "NOT_FOUND",
    `Nothing at ${request.method} ${request.path}: the API is POST or GET /graphql`,
  );
};
