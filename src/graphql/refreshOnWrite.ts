import type { ApolloServerPlugin } from "@apollo/server";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger";
import { refreshSimilarity } from "../similarity";

/**
 * After a successful write through the API, brings the precomputed similarity of the practices it touched
 * (and of their neighbours) up to date before the response leaves, so that the next read sees it.
 */
export function refreshSimilarityOnWrite(driver: Driver, log: Logger, database?: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          if (operation?.operation !== "mutation" || (errors?.length ?? 0) > 0) return;
          const refreshed = await refreshSimilarity(driver, database);
          if (refreshed.length > 0) log.info({ practices: refreshed.length }, "similarity refreshed after a write");
        },
      };
    },
  };
}
