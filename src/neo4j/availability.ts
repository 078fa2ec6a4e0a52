/**
 * Whether the database answers, known at all times without asking it per request, so that requests are refused at
 * once with 503 while it does not (instead of hanging), and the service recovers by itself when it does again.
 *
 * A probe (RETURN 1) runs every `intervalMs`. The database is down when a probe fails (connection refused or
 * closed), or when a probe gets no answer within `hangAfterMs` AND nothing else the service asked was answered
 * meanwhile (see answers.ts): a paused or partitioned database answers no one, while a busy one, slow to answer the
 * probe, still answers someone. So a client that loads the database cannot make it look down for everyone. A hang
 * is known within interval + hangAfterMs (1.5 s by default).
 */
import { EventEmitter } from "node:events";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Logger } from "../logger";
import { probeDatabase } from "./driver";
import type { Graph } from "./graph";

export type DatabaseMonitor = {
  readonly available: boolean;
  /** Notes that the database answered one of the service's queries (see answers.ts). */
  sawAnswer(): void;
  /** Calls `listener` each time the database becomes unreachable; returns the function that unsubscribes it. */
  onUnavailable(listener: () => void): () => void;
  stop(): void;
};

export type MonitorOptions = {
  intervalMs?: number;
  hangAfterMs?: number;
  log: Logger;
};

/** Watches the database through `graph` (best on a small driver of its own, so that probes never queue behind requests). */
export function monitorDatabase(graph: Graph, options: MonitorOptions): DatabaseMonitor {
  const intervalMs = options.intervalMs ?? 500;
  const hangAfterMs = options.hangAfterMs ?? 1_000;
  const events = new EventEmitter();
  events.setMaxListeners(0); // one listener per request in flight
  let available = true;
  let since = Date.now();
  let lastAnswer = Date.now();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Said when the database is declared down: a stalled Node can look like a hung database.
  const eventLoopDelay = monitorEventLoopDelay({ resolution: 20 });
  eventLoopDelay.enable();

  const probe = async () => {
    const startedAt = Date.now();
    eventLoopDelay.reset();
    const result = await probeDatabase(graph, hangAfterMs);
    if (stopped) return;
    const answering = result === "answered" || (result === "timed out" && lastAnswer >= startedAt);
    if (answering !== available) {
      const now = Date.now();
      if (answering) options.log.info({ downForMs: now - since }, "Neo4j answers again");
      else {
        const eventLoopDelayMaxMs = Math.round(eventLoopDelay.max / 1e6);
        options.log.error(
          { probe: result, hangAfterMs, eventLoopDelayMaxMs },
          "Neo4j does not answer: requests get 503 until it does",
        );
      }
      available = answering;
      since = now;
      if (!answering) events.emit("unavailable");
    }
    schedule();
  };
  // unref: a forgotten monitor must not keep a process (a test, a CLI) alive.
  const schedule = () => (timer = setTimeout(() => void probe(), intervalMs).unref());
  schedule();

  return {
    get available() {
      return available;
    },
    sawAnswer() {
      lastAnswer = Date.now();
    },
    onUnavailable(listener) {
      events.on("unavailable", listener);
      return () => events.off("unavailable", listener);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      eventLoopDelay.disable();
    },
  };
}
