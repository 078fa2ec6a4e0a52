/**
 * What this instance knows of the graph's version stamp (src/neo4j/graphVersion.ts): one poller per process reads it
 * at most once a second, whatever the traffic, and the response cache keys every entry on it. A stamp is only
 * vouched for while it is fresh: when a read fails, or the last one started more than `maxAgeMs` ago (the database
 * is slow or down), `current()` says "unknown" and the cache is neither read nor written, so a missed write is
 * never served from it.
 */
import type { Logger } from "../../logger";
import type { GraphVersion } from "../../neo4j/graphVersion";

export type VersionStamp = {
  /** The stamp read within the freshness bound, or undefined when it cannot be vouched for. */
  current(): GraphVersion | undefined;
  /** A stamp this instance advanced itself (after a write): used at once, without waiting for the next read. */
  observe(stamp: GraphVersion): void;
  stop(): void;
};

export type VersionStampOptions = {
  read: () => Promise<GraphVersion>;
  log: Logger;
  /** How often the stamp is read. */
  intervalMs?: number;
  /** How old (from the start of its read) a stamp may be and still key the cache. */
  maxAgeMs?: number;
  now?: () => number;
};

export const STAMP_INTERVAL_MS = 1_000;

export function pollVersionStamp(options: VersionStampOptions): VersionStamp {
  const intervalMs = options.intervalMs ?? STAMP_INTERVAL_MS;
  // A read slower than the interval (a loaded machine) is waited for up to one interval more; past that, or on a
  // failed read, the cache is bypassed.
  const maxAgeMs = options.maxAgeMs ?? 2 * intervalMs;
  const now = options.now ?? Date.now;
  let known: { stamp: GraphVersion; readAt: number } | undefined;
  /** When this instance last advanced the stamp itself: a read that started before it is out of date. */
  let observedAt = Number.NEGATIVE_INFINITY;
  let failing = false;
  let reading = false;

  const poll = async () => {
    if (reading) return; // a slow read is not stacked on: the stamp goes stale meanwhile
    reading = true;
    const startedAt = now();
    try {
      const stamp = await options.read();
      // A read that started before this instance advanced the stamp may return the older one: it is not taken.
      // Any other value is the database's truth, a lower one too (the database emptied and loaded again).
      if (startedAt > observedAt) known = { stamp, readAt: startedAt };
      if (failing) options.log.info({ stamp }, "graph version stamp read again: the response cache is used again");
      failing = false;
    } catch (error) {
      known = undefined; // a change may have been missed: bypass the cache until a read succeeds
      if (!failing)
        options.log.warn(
          { err: error },
          "cannot read the graph version stamp: the response cache is bypassed until it can",
        );
      failing = true;
    } finally {
      reading = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();

  return {
    current() {
      if (!known || now() - known.readAt > maxAgeMs) return undefined;
      return known.stamp;
    },
    observe(stamp) {
      observedAt = now();
      known = { stamp, readAt: observedAt };
    },
    stop() {
      clearInterval(timer);
    },
  };
}
