import pino from "pino";

/** One structured (JSON lines) logger per process; the level comes from LOG_LEVEL. */
export function createLogger(level: string): pino.Logger {
  return pino({ level, base: { service: "prassi" } });
}

export type Logger = pino.Logger;
