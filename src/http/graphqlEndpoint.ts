/**
 * /graphql: the bridge between Express and Apollo Server (in place of @as-integrations/express5, so that one place
 * decides, per request, what the service will and will not do):
 * - POST only as application/json: a "simple" POST (text/plain, a form) is refused with 415, so a page on another
 *   site cannot make a browser send a write without a CORS preflight; GET runs queries only (Apollo refuses
 *   mutations over GET), so a widget's GET stays a simple, cacheable request;
 * - a bad token is refused (401) before anything runs;
 * - while the database does not answer, requests get 503 at once, and a request in flight when it stops answering
 *   gets 503 as soon as that is known (availability.ts), not when the driver gives up;
 * - a client that goes away has its database transactions terminated;
 * - a response larger than the cap is replaced by an error.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type express from "express";
import type { PrassiContext } from "../graphql/context";
import { TokenError, type EditorJwt, type TokenVerifier } from "../graphql/auth";
import type { DatabaseMonitor } from "../neo4j/availability";
import { mediaType, sendError } from "./errors";
import { clientAddress } from "./rateLimit";
import { scopeOf } from "./requestScope";

export type GraphqlEndpointOptions = {
  apollo: ApolloServer<PrassiContext>;
  verifyToken: TokenVerifier;
  monitor: DatabaseMonitor;
  createContext: (request: { requestId: string; log: PrassiContext["log"]; clientAddress: string; jwt?: EditorJwt }) => PrassiContext;
  /** Stops what the database still runs for a request whose client went away. */
  abandon: (requestId: string) => Promise<unknown>;
  maxResponseBytes: number;
};

const RETRY_AFTER_SECONDS = "5";
const UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a few seconds";

function headerMap(request: express.Request): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** Settles when the database is found unreachable; `cancel` removes the listener. */
function whenUnavailable(monitor: DatabaseMonitor): { promise: Promise<"unavailable">; cancel: () => void } {
  let cancel = () => {};
  const promise = new Promise<"unavailable">((resolve) => {
    cancel = monitor.onUnavailable(() => resolve("unavailable"));
  });
  return { promise, cancel };
}

export function graphqlEndpoint(options: GraphqlEndpointOptions): express.RequestHandler {
  const { apollo, monitor } = options;
  return async (request, response, next) => {
    try {
      const scope = scopeOf(response);
      if (request.method !== "GET" && request.method !== "POST") {
        sendError(request, response, 405, "METHOD_NOT_ALLOWED", "GraphQL is served over GET (queries) and POST", { allow: "GET, POST" });
        return;
      }
      if (request.method === "POST" && !request.is("application/json")) {
        sendError(request, response, 415, "UNSUPPORTED_MEDIA_TYPE", "A POST to /graphql must have Content-Type: application/json");
        return;
      }
      if (!monitor.available) {
        sendError(request, response, 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, { "retry-after": RETRY_AFTER_SECONDS });
        return;
      }
      let jwt: EditorJwt | undefined;
      try {
        jwt = await options.verifyToken(request.get("authorization"));
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        sendError(request, response, 401, "UNAUTHENTICATED", `Unauthenticated: ${error.message}`, {
          "www-authenticate": `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`,
        });
        return;
      }

      let answered = false;
      response.once("close", () => {
        if (!answered) void options.abandon(scope.requestId).catch((error: unknown) => scope.log.warn({ err: error }, "could not stop an abandoned request"));
      });
      const unavailable = whenUnavailable(monitor);
      const execution = apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method,
          headers: headerMap(request),
          search: request.originalUrl.includes("?") ? request.originalUrl.slice(request.originalUrl.indexOf("?")) : "",
          body: request.body,
        },
        context: async () => options.createContext({ requestId: scope.requestId, log: scope.log, clientAddress: clientAddress(request), jwt }),
      });
      const outcome = await Promise.race([execution, unavailable.promise]).finally(unavailable.cancel);
      if (response.destroyed) return;
      answered = true;
      if (outcome === "unavailable") {
        void options.abandon(scope.requestId).catch(() => undefined);
        sendError(request, response, 503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, { "retry-after": RETRY_AFTER_SECONDS });
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
      response.status(outcome.status ?? 200).type(outcome.headers.get("content-type") ?? mediaType(request)).send(outcome.body.string);
    } catch (error) {
      next(error);
    }
  };
}
