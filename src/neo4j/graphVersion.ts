/**
 * The graph's version stamp: one node, `(:GraphVersion {id: 'graph', stamp})`, whose integer every change of what
 * the API answers advances (an import or a restore in its transaction, a write through the API and a similarity
 * recompute right after they commit). Every service instance on the database keys its response cache on it
 * (src/graphql/cache/), so an answer cached before a change is never served after the instance has read the new
 * stamp. The node is bookkeeping, not part of the graph: the export, the restore's checks and the API leave it out.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";

export const GRAPH_VERSION_LABEL = "GraphVersion";

const ADVANCE = `
MERGE (version:GraphVersion {id: 'graph'})
SET version.stamp = coalesce(version.stamp, 0) + 1
RETURN version.stamp AS stamp`;

const READ = "OPTIONAL MATCH (version:GraphVersion {id: 'graph'}) RETURN coalesce(version.stamp, 0) AS stamp";

/** Advances the stamp inside a transaction that writes the graph (an import, a restore): it commits with it. */
export async function advanceGraphVersionIn(tx: ManagedTransaction): Promise<number> {
  return Number((await tx.run(ADVANCE)).records[0]!.get("stamp"));
}

/** Advances the stamp in a transaction of its own, after a change has committed; returns the new stamp. */
export async function advanceGraphVersion(driver: Driver, database?: string): Promise<number> {
  const { records } = await driver.executeQuery(ADVANCE, {}, { database, routing: "WRITE" });
  return Number(records[0]!.get("stamp"));
}

/** The stamp as the database holds it now (0 before the first change). */
export async function readGraphVersion(driver: Driver, database?: string, timeoutMs = 1_000): Promise<number> {
  const { records } = await driver.executeQuery(READ, {}, { database, routing: "READ", transactionConfig: { timeout: timeoutMs } });
  return Number(records[0]!.get("stamp"));
}
