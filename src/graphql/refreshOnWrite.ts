import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Graph } from "../neo4j/graph";
import type { Logger } from "../logger";
import type { PrassiContext } from "./context";
import { coalesceRequests, liveSimilarity, type LiveSimilarity, type RefreshReport } from "../similarity";
import { practicesTouched, type WriteEffect } from "./writes/practicesTouched";

export type SimilarityRefresher = {
  /**
   * What the plugin does after a mutation committed without error: resolves once its similarity is refreshed, with
   * what the run that served it did (undefined when the write changed no link, or the run failed).
   */
  afterWrite(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    variables?: Record<string, unknown>,
  ): Promise<RefreshReport | undefined>;
  live: LiveSimilarity;
};

/**
 * Brings the precomputed similarity of what a write touched up to date, one coalesced run for all the writes
 * waiting (coalesce.ts): a run covers every write that asked before it started. Runs never overlap: two concurrent
 * ones could store neighbourhoods computed from a graph older than the other's. When every write of a run names
 * the practices it touched (writes/practicesTouched.ts), the run recomputes around them on this process's live
 * index (similarity/live.ts); otherwise it is the full refresh, which compares every practice's features with
 * what was last computed. A failed refresh does not turn a committed write into an error; it is logged, and the
 * live index dropped, so that the next run reloads and catches up (it compares signatures with the stored ones).
 */
export function similarityRefresher(graph: Graph, log: Logger): SimilarityRefresher {
  const live = liveSimilarity(graph);
  const refresh = coalesceRequests(async (effects: WriteEffect[]): Promise<RefreshReport | undefined> => {
    const unknown = effects.find((effect) => effect.kind === "unknown");
    try {
      const ids = effects.flatMap((effect) => (effect.kind === "practices" ? effect.ids : []));
      const report = unknown ? await live.refreshAll(unknown.reason) : await live.refreshPractices(ids);
      if (report.rewritten.length > 0 || report.mode === "full") {
        log.info(
          { practices: report.rewritten.length, mode: report.mode, reason: report.reason },
          "similarity refreshed after a write",
        );
      }
      return report;
    } catch (error) {
      log.error({ err: error }, "similarity refresh after a write failed; the next write or import retries it");
      return undefined;
    }
  });
  return {
    live,
    async afterWrite(schema, operation, variables) {
      const effect = practicesTouched(schema, operation, variables);
      // A write that changed no practice's links (a title, a summary) leaves similarity as it is.
      if (effect.kind === "practices" && effect.ids.length === 0) return undefined;
      return refresh(effect);
    },
  };
}

/**
 * Refreshes similarity after each successful write through the API, before its response leaves. The service
 * brings the refresher's live index up at start (app.ts: its full refresh is the start's similarity computation).
 */
export function refreshSimilarityOnWrite(refresher: SimilarityRefresher): ApolloServerPlugin<PrassiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors, schema, request, contextValue }) {
          if (operation?.operation !== "mutation") return;
          // A write with an error may still have committed a field before it (root fields run one after the
          // other; a null `data` does not say which did): an editor's is refreshed all the same, which re-reads
          // what it names. Without a token nothing was written, and anonymous clients cannot make a refresh run.
          if ((errors?.length ?? 0) > 0 && !contextValue.jwt) return;
          // The mutation has committed: the run this waits for starts after it.
          await refresher.afterWrite(schema, operation, request.variables);
        },
      };
    },
  };
}
