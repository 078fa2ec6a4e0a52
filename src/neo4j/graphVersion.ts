/**
 * The graph's version stamp: one node, `(:GraphVersion {id: 'graph', epoch, stamp})`, whose integer every change of
 * what the API answers advances (an import or a restore in its transaction, a write through the API and a
 * similarity recompute right after they commit). Every service instance on the database keys its response cache
 * on it (src/graphql/cache/), so an answer cached before a change is never served after the instance has read the
 * new stamp. The epoch, drawn when the node is created, tells a stamp counted again from 1 (the database emptied
 * and loaded again) from the earlier count. The node is bookkeeping, not part of the graph: the export, the
 * restore's checks and the API leave it out.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { BOOKKEEPING_LABELS } from "../graph";
import type { Graph } from "./graph";

export const GRAPH_VERSION_LABEL = BOOKKEEPING_LABELS.GraphVersion;

/** `<epoch>:<stamp>`; compared for equality only. */
export type GraphVersion = string;

const ADVANCE = `
MERGE (version:GraphVersion {id: 'graph'})
ON CREATE SET version.epoch = randomUUID()
SET version.stamp = coalesce(version.stamp, 0) + 1
RETURN version.epoch + ':' + version.stamp AS version`;

const READ =
  "OPTIONAL MATCH (version:GraphVersion {id: 'graph'}) RETURN coalesce(version.epoch + ':' + version.stamp, 'none:0') AS version";

/** What this process advanced, per driver: an instance takes its own changes at once, without waiting to read them. */
const listeners = new WeakMap<Driver, Set<(version: GraphVersion) => void>>();

export function onGraphVersionAdvanced(driver: Driver, listener: (version: GraphVersion) => void): () => void {
  let set = listeners.get(driver);
  if (!set) listeners.set(driver, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Advances the stamp inside a transaction that writes the graph (an import, a restore): it commits with it. */
export async function advanceGraphVersionIn(tx: ManagedTransaction): Promise<GraphVersion> {
  return String((await tx.run(ADVANCE)).records[0]!.get("version"));
}

/** Advances the stamp in a transaction of its own, after a change has committed; returns the new version. */
export async function advanceGraphVersion(graph: Graph): Promise<GraphVersion> {
  const { records } = await graph.write(ADVANCE);
  const version = String(records[0]!.get("version"));
  for (const listener of listeners.get(graph.driver) ?? []) listener(version);
  return version;
}

/** The version as the database holds it now (`none:0` before the first change). */
export async function readGraphVersion(graph: Graph, timeoutMs = 1_000): Promise<GraphVersion> {
  const { records } = await graph.read(READ, {}, { timeoutMs });
  return String(records[0]!.get("version"));
}
