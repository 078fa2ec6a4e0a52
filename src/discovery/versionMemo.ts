/**
 * What the discovery reads compute that no request changes (the coverage of all 21 territories, the LEP vocabulary,
 * each card's transferability evidence),
 * kept for the graph version the request is served under (src/neo4j/graphVersion.ts; the reader's scope says which,
 * read by src/graphql/cache/versionStamp.ts at most once a second). Every import and write advances the version, so
 * a memo is never served after its graph changed for longer than the version stamp's own freshness bound, the bound
 * the response cache keeps too; without a version (a failed or stale stamp read, a direct caller) it is not used.
 */
import type { GraphReader } from "../neo4j/reader";

/** The database and graph version a reader is served under, or undefined when no version can be vouched for. */
export function graphVersionKey(reader: GraphReader): string | undefined {
  const version = reader.scope.graphVersion?.();
  return version === undefined ? undefined : `${reader.scope.database ?? ""}\u0000${version}`;
}

/**
 * `read` memoised on the reader's graph version: one slot, so a memo holds one value (the newest version's) and its
 * memory is that value's. Concurrent askers of one version share one read. When the read they waited for fails for
 * the request that started it (abandoned, out of time), they share the next one, once; then each reads for itself,
 * so that a failure of one request is never handed to another. The value is shared: callers must not change it.
 */
export function memoOnGraphVersion<T>(read: (reader: GraphReader) => Promise<T>): (reader: GraphReader) => Promise<T> {
  let slot: { key: string; value: Promise<T> } | undefined;
  const memo = async (reader: GraphReader, retried: boolean): Promise<T> => {
    const key = graphVersionKey(reader);
    if (key === undefined) return read(reader);
    if (slot?.key === key) {
      try {
        return await slot.value;
      } catch {
        // The failed read left the slot (below): the first waiter back starts the next read, the others share it.
        return retried ? read(reader) : memo(reader, true);
      }
    }
    const entry = { key, value: read(reader) };
    slot = entry;
    entry.value.catch(() => {
      if (slot === entry) slot = undefined;
    });
    return entry.value;
  };
  return (reader) => memo(reader, false);
}
