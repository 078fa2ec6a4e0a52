import type { ApolloServerPlugin } from "@apollo/server";
import type { RateLimit } from "../../http/rateLimit";
import type { PrassiContext } from "../context";
import { prassiError } from "../errors";

/** Writes take from a stricter per-client budget than reads (which the HTTP layer limits): 429 once it is spent. */
export function writeRateLimit(limit: RateLimit): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, response }) {
          if (operation?.operation !== "mutation") return;
          const refusal = await limit.take(contextValue.clientAddress);
          if (!refusal) return;
          response.http.headers.set("retry-after", String(refusal.retryAfterSeconds));
          throw prassiError(
            "RATE_LIMITED",
            `Too many writes: at most ${limit.perMinute} per minute from one client; retry in ${refusal.retryAfterSeconds} s`,
            { retryAfterSeconds: refusal.retryAfterSeconds },
            429,
          );
        },
      };
    },
  };
}
