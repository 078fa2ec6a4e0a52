import type { ApolloServerPlugin } from "@apollo/server";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger";
import { coalesce, refreshSimilarity } from "../similarity";

/**
 * After a successful write through the API, brings the precomputed similarity of the practices it touched
 * (and of their neighbours) up to date before the response leaves, so that the next read sees it.
 *
 * A refresh compares every practice's features with what was last computed, so one run covers all the writes
 * committed before it started: writes arriving while a run is in progress wait for the next run, which serves
 * them all (coalesce.ts), instead of queueing one full refresh each. Runs never overlap: two concurrent ones
 * could store neighbourhoods computed from a graph older than the other's. A failed refresh does not turn a
 * committed write into an error; it is logged, and the next refresh (or import) catches up, since it compares
 * signatures with the stored ones.
 */
export function refreshSimilarityOnWrite(driver: Driver, log: Logger, database?: string): ApolloServerPlugin {
  const refresh = coalesce(async () => {
    try {
      const refreshed = await refreshSimilarity(driver, database);
      if (refreshed.length > 0) log.info({ practices: refreshed.length }, "similarity refreshed after a write");
    } catch (error) {
      log.error({ err: error }, "similarity refresh after a write failed; the next write or import retries it");
    }
  });
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          if (operation?.operation !== "mutation" || (errors?.length ?? 0) > 0) return;
          // The mutation has committed: the run this waits for starts after it.
          await refresh();
        },
      };
    },
  };
}
