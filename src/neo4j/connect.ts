import type { Driver } from "neo4j-driver";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { startBundledNeo4j, type BundledNeo4j } from "./bundled";
import { createDriver, isDatabaseReachable } from "./driver";
import { graphOn } from "./graph";
import { superviseBundledNeo4j, type RestartPolicy } from "./supervisor";

export type DatabaseConnection = {
  driver: Driver;
  uri: string;
  /** Present when this process started the bundled Neo4j (and so stops it on close); it changes after a restart. */
  bundled?: () => BundledNeo4j;
  /** Closes the driver, then stops the bundled Neo4j if this process started it. */
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** Use a bundled Neo4j already serving PRASSI_BOLT_PORT (e.g. under `npm start`): its store is locked anyway. */
  reuseRunning?: boolean;
  /** Restart a bundled Neo4j that dies (supervisor.ts); `onGiveUp` hears when it cannot. */
  supervise?: { onGiveUp: (reason: string) => void; policy?: RestartPolicy };
};

/** Connects to NEO4J_URI when set, otherwise to the bundled Neo4j. */
export async function connectDatabase(
  config: Config,
  log: Logger,
  options: ConnectOptions = {},
): Promise<DatabaseConnection> {
  let uri = config.neo4j.uri;
  let bundled: { current(): BundledNeo4j; stop(): Promise<void> } | undefined;
  if (!uri) {
    const running = `bolt://127.0.0.1:${config.bundled.boltPort}`;
    if (options.reuseRunning && (await isReachable(running))) {
      log.info({ uri: running }, "using the bundled Neo4j that is already running");
      uri = running;
    } else {
      const first = await startBundledNeo4j({ dataDir: config.dataDir, ...config.bundled, log });
      const restart = () => startBundledNeo4j({ dataDir: config.dataDir, ...config.bundled, log, jar: first.jar });
      bundled = options.supervise
        ? superviseBundledNeo4j(first, {
            start: restart,
            log,
            onGiveUp: options.supervise.onGiveUp,
            policy: options.supervise.policy,
          })
        : { current: () => first, stop: () => first.stop() };
      uri = first.uri;
    }
  }
  const driver = createDriver({ ...config.neo4j, uri });
  const close = async () => {
    try {
      await driver.close();
    } finally {
      await bundled?.stop();
    }
  };
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { driver, uri, bundled: bundled?.current, close };
}

async function isReachable(uri: string): Promise<boolean> {
  const probe = createDriver({ uri });
  try {
    return await isDatabaseReachable(graphOn(probe));
  } finally {
    await probe.close();
  }
}
