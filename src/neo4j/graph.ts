/**
 * One Neo4j database as the service reaches it: the driver and the database's name (NEO4J_DATABASE, or the server's
 * default), held together so that callers pass one object instead of a driver and a name, and state whether a
 * statement reads (routed to a reader) or writes once, here.
 */
import type { Driver, EagerResult, Session } from "neo4j-driver";
import { graphReader, type GraphReader, type ReadScope } from "./reader";

export type Access = "READ" | "WRITE";

export type Graph = {
  readonly driver: Driver;
  /** The database's name; undefined: the server's default database. */
  readonly database: string | undefined;
  /** One read-only statement in a managed (retried) transaction, routed to a reader; `timeoutMs` is Neo4j's own transaction timeout. */
  read(cypher: string, parameters?: Record<string, unknown>, options?: { timeoutMs?: number }): Promise<EagerResult>;
  /** One statement in a managed (retried) transaction on the leader: writes, schema, admin, and reads that must see the latest write. */
  write(cypher: string, parameters?: Record<string, unknown>): Promise<EagerResult>;
  /**
   * A session on this database, closed once `work` settles. It shares `read` and `write`'s bookmarks, so that on a
   * cluster a read after a load in a session (or the reverse) sees it.
   */
  withSession<T>(access: Access, work: (session: Session) => Promise<T>): Promise<T>;
  /** A reader for one caller within its scope (a request's timeout, id, signal and queue). */
  reader(scope?: Omit<ReadScope, "database">): GraphReader;
};

export function graphOn(driver: Driver, database?: string): Graph {
  return {
    driver,
    database,
    read: (cypher, parameters = {}, options = {}) =>
      driver.executeQuery(cypher, parameters, {
        database,
        routing: "READ",
        ...(options.timeoutMs === undefined ? {} : { transactionConfig: { timeout: options.timeoutMs } }),
      }),
    write: (cypher, parameters = {}) => driver.executeQuery(cypher, parameters, { database, routing: "WRITE" }),
    async withSession(access, work) {
      const session = driver.session({
        database,
        bookmarkManager: driver.executeQueryBookmarkManager,
        ...(access === "READ" ? { defaultAccessMode: "READ" } : {}),
      });
      try {
        return await work(session);
      } finally {
        await session.close();
      }
    },
    reader: (scope = {}) => graphReader(driver, { ...scope, database }),
  };
}
