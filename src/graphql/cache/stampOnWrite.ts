import type { ApolloServerPlugin } from "@apollo/server";
import type { PrassiContext } from "../context";

/**
 * After a mutation that may have applied something has committed, advances the graph's version stamp before the
 * response leaves, so that every instance stops serving cached answers of the graph before it within the stamp's
 * freshness bound; this instance at once (it hears of its own advances: graphVersion.ts). That is a mutation with
 * a field answered, or an editor's with an error (a field may have committed before another failed, and a null
 * `data` hides which). A write without a token applied nothing: anonymous clients cannot flush the caches.
 */
export function advanceStampOnWrite(advance: () => Promise<unknown>): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, contextValue, errors }) {
          if (operation?.operation !== "mutation" || response.body.kind !== "single") return;
          const data = response.body.singleResult.data;
          const answered = data && Object.values(data).some((value) => value !== null && value !== undefined);
          if (!answered && !((errors?.length ?? 0) > 0 && contextValue.jwt)) return;
          try {
            await advance();
          } catch (error) {
            // The write stands; other instances' caches may serve the older answer until the next change or max-age.
            contextValue.log.error({ err: error }, "could not advance the graph version stamp after a write");
          }
        },
      };
    },
  };
}
