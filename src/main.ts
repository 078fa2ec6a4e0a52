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
    const prassi = await startPrassi(config, log);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      await prassi.stop();
      log.info("stopped");
      process.exit(0);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (error) {
    log.fatal({ err: error }, "Prassi could not start");
    process.exit(1);
  }
}

void main();
