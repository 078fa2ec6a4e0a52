/**
 * /graphql: the bridge between Express and Apollo Server (in place of @as-integrations/express5, so that one place
 * decides, per request, what the service will and will not do):
 * - POST only as application/json: a "simple" POST (text/plain, a form) is refused with 415, so a page on another
 *   site cannot make a browser send a write without a CORS preflight; GET runs queries only (Apollo refuses
 *   mutations over GET), so a widget's GET stays a simple request, without a preflight;
 * - a bad token is refused (401) before anything runs;
 * - while the database does not answer, requests get 503 at once, and a request in flight when it stops answering
 *   gets 503 as soon as that is known (availability.ts), not when the driver gives up;
 * - a request that runs past its deadline gets 503, and is abandoned like one whose client went away: no new
 *   database work starts for it and what runs is terminated on the server;
 * - a response larger than the cap is replaced by an error.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type express from "express";
import type { PrassiContext } from "../graphql/context";
import type { EditorJwt, TokenVerifier } from "../graphql/auth";
import { TokenError } from "../errors";
import { UNAVAILABLE_MESSAGE } from "../graphql/errors";
import { RETRY_AFTER_SECONDS } from "../graphql/plugins/requestErrors";
import type { DatabaseMonitor } from "../neo4j/availability";
import { mediaType, sendError } from "./errors";
import { clientAddress } from "./rateLimit";
import { scopeOf, type RequestScope } from "./requestScope";

export type RequestContextInput = { scope: RequestScope; clientAddress: string; jwt?: EditorJwt };

export type GraphqlEndpointOptions = {
  apollo: ApolloServer<PrassiContext>;
  verifyToken: TokenVerifier;
  monitor: DatabaseMonitor;
  createContext: (request: RequestContextInput) => PrassiContext;
  /** Stops what the database still runs for an abandoned request. */
  terminate: (requestId: string) => Promise<unknown>;
  maxResponseBytes: number;
  requestTimeoutMs: number;
};

const RETRY_AFTER = String(RETRY_AFTER_SECONDS);
/** A transaction may start between the abandonment and the first termination: a second pass catches it. */
const SECOND_TERMINATION_MS = 1_000;

function headerMap(request: express.Request): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

type Interruption = { interrupted: "unavailable" | "deadline" };

/** Settles when the database is found unreachable or the deadline passes; `cancel` stops listening. */
function interruption(
  monitor: DatabaseMonitor,
  deadlineMs: number,
): { promise: Promise<Interruption>; cancel: () => void } {
  let cancel = () => {};
  const promise = new Promise<Interruption>((resolve) => {
    const unsubscribe = monitor.onUnavailable(() => resolve({ interrupted: "unavailable" }));
    const timer = setTimeout(() => resolve({ interrupted: "deadline" }), deadlineMs);
    cancel = () => {
      unsubscribe();
      clearTimeout(timer);
    };
  });
  return { promise, cancel };
}

/** Refuses what is not a GraphQL request of this API; true when it answered. */
function refuseMalformed(request: express.Request, response: express.Response): boolean {
  if (request.method !== "GET" && request.method !== "POST") {
    sendError(request, response, 405, "METHOD_NOT_ALLOWED", "GraphQL is served over GET (queries) and POST", {
      allow: "GET, POST",
    });
    return true;
  }
  if (request.method === "POST" && !/^application\/json\b/i.test(request.get("content-type") ?? "")) {
    sendError(
      request,
      response,
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "A POST to /graphql must have Content-Type: application/json",
    );
    return true;
  }
  if (request.method === "POST" && (request.body === undefined || request.body === null)) {
    sendError(request, response, 400, "BAD_REQUEST", "The request body is empty: POST a JSON object with a query");
    return true;
  }
  return false;
}

export function graphqlEndpoint(options: GraphqlEndpointOptions): express.RequestHandler {
  const { apollo, monitor } = options;
  return async (request, response, next) => {
    try {
      const scope = scopeOf(response);
      if (refuseMalformed(request, response)) return;
      if (!monitor.available) {
        sendError(request, response, 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, { "retry-after": RETRY_AFTER });
        return;
      }
      let jwt: EditorJwt | undefined;
      try {
        jwt = await options.verifyToken(request.get("authorization"));
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        sendError(request, response, 401, error.code, `Unauthenticated: ${error.message}`, {
          "www-authenticate": `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`,
        });
        return;
      }

      scope.signal.addEventListener("abort", () => {
        const terminate = () =>
          void options
            .terminate(scope.requestId)
            .catch((error: unknown) => scope.log.warn({ err: error }, "could not stop an abandoned request"));
        terminate();
        setTimeout(terminate, SECOND_TERMINATION_MS).unref();
      });
      const interrupted = interruption(monitor, options.requestTimeoutMs);
      const execution = apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method,
          headers: headerMap(request),
          search: request.originalUrl.includes("?") ? request.originalUrl.slice(request.originalUrl.indexOf("?")) : "",
          body: request.body,
        },
        context: async () => options.createContext({ scope, clientAddress: clientAddress(request), jwt }),
      });
      const outcome = await Promise.race([execution, interrupted.promise]).finally(interrupted.cancel);
      if (scope.signal.aborted) return; // the client went away: nobody to answer
      if ("interrupted" in outcome) {
        scope.abandon(
          outcome.interrupted === "deadline"
            ? `it ran past ${options.requestTimeoutMs} ms`
            : "the database stopped answering",
        );
        if (outcome.interrupted === "unavailable") {
          sendError(request, response, 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, { "retry-after": RETRY_AFTER });
        } else {
          sendError(
            request,
            response,
            503,
            "QUERY_TIMEOUT",
            `The request took longer than ${options.requestTimeoutMs} ms and was stopped: ask for less`,
            {
              "retry-after": RETRY_AFTER,
            },
          );
        }
        return;
      }
      if (outcome.body.kind !== "complete") throw new Error("incremental delivery is not supported");
      const bytes = Buffer.byteLength(outcome.body.string);
      if (bytes > options.maxResponseBytes) {
        scope.log.warn({ bytes, limit: options.maxResponseBytes }, "response over the size cap replaced by an error");
        sendError(
          request,
          response,
          400,
          "RESPONSE_TOO_LARGE",
          `The response would be ${bytes} bytes, over the limit of ${options.maxResponseBytes}: ask for fewer fields or smaller pages`,
        );
        return;
      }
      for (const [key, value] of outcome.headers) response.setHeader(key, value);
      response
        .status(outcome.status ?? 200)
        .type(outcome.headers.get("content-type") ?? mediaType(request))
        .send(outcome.body.string);
    } catch (error) {
      next(error);
    }
  };
}
