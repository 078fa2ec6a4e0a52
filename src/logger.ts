import pino from "pino";

/**
 * One structured logger per process: JSON lines on stdout (or `destination`), the level from LOG_LEVEL. Errors are
 * serialized by pino onto the same line, so an event is always one line.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, base: { service: "prassi" } }, destination);
}

export type Logger = pino.Logger;

/** The logger of a command-line tool, whose stdout is its report: the same JSON lines, on stderr, written at once. */
export function createCommandLogger(level: string): pino.Logger {
  return createLogger(level, pino.destination({ fd: 2, sync: true }));
}
