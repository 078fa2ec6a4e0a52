import type { Driver, EagerResult } from "neo4j-driver";
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
};

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
      scope.signal?.throwIfAborted();
      return driver.executeQuery(cypher, parameters, { database: scope.database, routing: "READ", transactionConfig, signal: scope.signal });
    },
  };
}
