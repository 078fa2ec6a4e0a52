import pino from "pino";

/**
 * One structured logger per process: JSON lines on stdout (or `destination`), the level from LOG_LEVEL. Errors are
 * serialized by pino onto the same line, so an event is always one line.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, base: { service: "prassi" } }, destination);
}

export type Logger = pino.Logger;
