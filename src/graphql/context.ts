import type { Driver } from "neo4j-driver";
import type { RequestScope } from "../http/requestScope";
import type { Logger } from "../logger";
import type { GraphVersion } from "../neo4j/graphVersion";
import { graphOn, type Graph } from "../neo4j/graph";
import type { GraphReader, ReadQueue } from "../neo4j/reader";
import { requestDriver } from "../neo4j/requestDriver";
import type { EditorJwt } from "./auth";
import { createLoaders, type Loaders } from "./loaders";

/** What the resolvers and plugins of one request share. */
export type PrassiContext = {
  requestId: string;
  /** The request's logger: every line carries its id. */
  log: Logger;
  /** Fires when the request is abandoned: no database work starts after it. */
  signal: AbortSignal;
  /** Who is asking, for the rate limits. */
  clientAddress: string;
  /** The database as this request reaches it (its writes: an editor's merge); nothing starts once it is abandoned. */
  graph: Graph;
  /** The discovery services' reads, within the request's time limit and tagged with its id. */
  reader: GraphReader;
  loaders: Loaders;
  /** The editor's verified token (auth.ts); absent for anonymous reads. */
  jwt?: EditorJwt;
  // What @neo4j/graphql reads from the context: the driver, the database, and the same limit and tag.
  executionContext: Driver;
  sessionConfig: { database?: string };
  transaction: { timeout: number; metadata: { requestId: string } };
};

export type ContextOptions = {
  graph: Graph;
  queryTimeoutMs: number;
  /** The instance's graph version stamp (cache/versionStamp.ts), for the discovery reads' memos. */
  graphVersion?: () => GraphVersion | undefined;
  /** The process's queue of reads (neo4j/reader.ts). */
  readQueue?: ReadQueue;
};

/**
 * The context of one GraphQL request. Every database transaction it starts carries the request id as metadata and
 * Neo4j's own timeout, so that a slow query is stopped by the server and the transactions of an abandoned request
 * can be terminated; once abandoned, it starts none. DataLoaders are fresh, so batching and caching never cross
 * requests.
 */
export function createContext(
  options: ContextOptions,
  request: { scope: Pick<RequestScope, "requestId" | "log" | "signal">; clientAddress: string; jwt?: EditorJwt },
): PrassiContext {
  const { graph, queryTimeoutMs, graphVersion, readQueue } = options;
  const { database } = graph;
  const { requestId, log, signal } = request.scope;
  const driver = requestDriver(graph.driver, signal);
  const requestGraph = graphOn(driver, database);
  const reader = requestGraph.reader({
    timeoutMs: queryTimeoutMs,
    requestId,
    signal,
    graphVersion,
    queue: readQueue,
  });
  return {
    requestId,
    log,
    signal,
    clientAddress: request.clientAddress,
    jwt: request.jwt,
    graph: requestGraph,
    reader,
    loaders: createLoaders(reader),
    executionContext: driver,
    sessionConfig: { database },
    transaction: { timeout: queryTimeoutMs, metadata: { requestId } },
  };
}
