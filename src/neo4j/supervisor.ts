/**
 * Keeps the bundled Neo4j running for a long-lived service: when its JVM dies (a crash, an OOM exit, a kill), the
 * supervisor logs it and starts it again on the same port and store, a bounded number of times; the driver
 * reconnects by itself. When it cannot, it gives up and says so once, so the service can exit for its own
 * supervisor (systemd, Kubernetes) to restart it whole.
 */
import type { Logger } from "../logger";
import type { BundledNeo4j, BundledNeo4jExit } from "./bundled";

export type RestartPolicy = {
  /** Restarts allowed within `windowMs`; one more death in the window means giving up. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before the n-th restart of the window: n × backoffMs. */
  backoffMs: number;
};

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, windowMs: 10 * 60_000, backoffMs: 1_000 };

export type SupervisedNeo4j = {
  /** The process currently running (it changes after a restart). */
  current(): BundledNeo4j;
  /** Stops supervising, then stops the current process cleanly. */
  stop(): Promise<void>;
};

export type SupervisorOptions = {
  start: () => Promise<BundledNeo4j>;
  log: Logger;
  policy?: RestartPolicy;
  /** Called once when the database cannot be brought back; the reason says why. */
  onGiveUp: (reason: string) => void;
};

function describeExit(exit: BundledNeo4jExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export function superviseBundledNeo4j(first: BundledNeo4j, options: SupervisorOptions): SupervisedNeo4j {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  let running = first;
  let stopping = false;
  const restarts: number[] = [];

  const giveUp = (reason: string) => {
    options.log.fatal({ reason }, "the bundled Neo4j cannot be brought back; the service needs a restart");
    options.onGiveUp(reason);
  };

  // The restart in progress, if any: stop() waits for it, so no JVM is left behind.
  let restarting: Promise<void> = Promise.resolve();
  const watch = (process: BundledNeo4j) => {
    restarting = process.exited.then(async (exit) => {
      if (stopping) return;
      options.log.error(
        { pid: process.pid, code: exit.code, signal: exit.signal },
        `the bundled Neo4j died (${describeExit(exit)})`,
      );
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > policy.windowMs) restarts.shift();
      if (restarts.length >= policy.maxRestarts) {
        giveUp(
          `it died ${restarts.length + 1} times within ${Math.round(policy.windowMs / 1000)} s (last: ${describeExit(exit)})`,
        );
        return;
      }
      restarts.push(now);
      const attempt = restarts.length;
      options.log.warn({ attempt, of: policy.maxRestarts }, "restarting the bundled Neo4j");
      await new Promise((resolve) => setTimeout(resolve, attempt * policy.backoffMs));
      if (stopping) return;
      try {
        running = await options.start();
      } catch (error) {
        giveUp(`the restart failed: ${(error as Error).message}`);
        return;
      }
      if (stopping) {
        await running.stop();
        return;
      }
      options.log.info({ pid: running.pid, attempt }, "the bundled Neo4j is running again");
      watch(running);
    });
  };
  watch(first);

  return {
    current: () => running,
    async stop() {
      stopping = true;
      await running.stop();
      await restarting;
    },
  };
}
