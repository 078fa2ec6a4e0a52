import type { Driver, EagerResult } from "neo4j-driver";
import pLimit from "p-limit";
import type { GraphVersion } from "./graphVersion";

/** Where and how one caller reads the graph. */
export type ReadScope = {
  database?: string;
  /** Server-side transaction timeout: Neo4j itself stops a read that runs longer. */
  timeoutMs?: number;
  /** Tags every transaction, so that the transactions of a request its client abandoned can be found and terminated. */
  requestId?: string;
  /** Once it fires (the client went away, the request ran out of time), reads stop and no new one starts. */
  signal?: AbortSignal;
  /** The graph version the caller is served under, when it can vouch for one: reads that depend on no request are memoised on it. */
  graphVersion?: () => GraphVersion | undefined;
  /** Where reads wait their turn, shared by every caller of the process (readQueue): absent, a read runs at once. */
  queue?: ReadQueue;
};

/** Runs a read when its turn comes. A queued read must not wait for another read of the same queue, or a crowd could hold every turn. */
export type ReadQueue = <T>(read: () => Promise<T>) => Promise<T>;

/**
 * At most `concurrency` reads at a time in the database, the others waiting in arrival order. Past what the database
 * can run at once, more concurrent transactions do not answer sooner: they share its cores unfairly, and under 100
 * clients some waited past the 3 s transaction timeout while most took 400 ms. Queued in the process, every read
 * waits its turn, and a read whose request was abandoned meanwhile does not start (its signal is checked when its
 * turn comes).
 */
export function readQueue(concurrency: number): ReadQueue {
  return pLimit(concurrency);
}

/** Runs read-only Cypher for one caller (a GraphQL request, a test), always on a reader and within its scope. */
export type GraphReader = {
  run(cypher: string, parameters?: Record<string, unknown>): Promise<EagerResult>;
  readonly scope: ReadScope;
};

export function graphReader(driver: Driver, scope: ReadScope = {}): GraphReader {
  const transactionConfig = {
    timeout: scope.timeoutMs,
    metadata: scope.requestId === undefined ? undefined : { requestId: scope.requestId },
  };
  return {
    scope,
    run: async (cypher, parameters = {}) => {
      const read = () => {
        scope.signal?.throwIfAborted();
        return driver.executeQuery(cypher, parameters, {
          database: scope.database,
          routing: "READ",
          transactionConfig,
          signal: scope.signal,
        });
      };
      // An abandoned request's read does not even wait for its turn.
      scope.signal?.throwIfAborted();
      return scope.queue ? scope.queue(read) : read();
    },
  };
}
