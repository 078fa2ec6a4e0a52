import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { PrassiContext } from "../context";
import { codeOfCause, wasTerminated } from "../errors";

/** When a client told 503 may come back. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Errors, per request: an unexpected one is logged once, with its cause and the request id, and the id goes into
 * the error the caller reads, so an operator can find the line; when the database could not be reached the answer
 * is 503 with Retry-After, not 200. The failures of an abandoned request (its client left, its transactions were
 * terminated) are nobody's to read: they are not logged as errors.
 */
export function requestErrors(): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          if (contextValue.signal.aborted) return;
          for (const error of errors) {
            const code = codeOfCause(error);
            if (wasTerminated(error)) contextValue.log.info({ path: error.path }, "query terminated");
            else if (code === "INTERNAL_SERVER_ERROR")
              contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, "unexpected error");
            else if (code === "SERVICE_UNAVAILABLE" || code === "QUERY_TIMEOUT")
              contextValue.log.warn({ code, path: error.path }, "database error");
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const { singleResult } = response.body;
          for (const error of singleResult.errors ?? []) {
            if (error.extensions?.code === "INTERNAL_SERVER_ERROR")
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
          if (singleResult.errors?.some((error) => error.extensions?.code === "SERVICE_UNAVAILABLE")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
