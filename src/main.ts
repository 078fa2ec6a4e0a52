import { startPrassi } from "./app";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";

/** `npm start`: configuration, then the service, stopped cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  try {
    let prassi: Awaited<ReturnType<typeof startPrassi>> | undefined;
    // Exits non-zero when the service cannot work again by itself, for a supervisor (systemd, Kubernetes) to restart it.
    const onFatal = (reason: string) => {
      log.fatal({ reason }, "stopping: the service cannot recover without a restart");
      void (prassi?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
    };
    prassi = await startPrassi(config, log, { onFatal });
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) {
        // A second Ctrl-C forces the exit; the bundled Neo4j still stops, as its standard input closes.
        log.warn({ signal }, "second signal: exiting without waiting for the shutdown");
        process.exit(130);
      }
      stopping = true;
      log.info({ signal }, "shutting down");
      try {
        await prassi!.stop();
        log.info("stopped");
        process.exit(0);
      } catch (error) {
        log.fatal({ err: error }, "shutdown failed");
        process.exit(1);
      }
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (error) {
    log.fatal({ err: error }, "Prassi could not start");
    process.exit(1);
  }
}

void main();
