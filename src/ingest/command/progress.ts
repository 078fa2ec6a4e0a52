/**
 * Progress of the long steps of a command (parse, load, similarity) on a terminal: the step, a running count of
 * seconds, then how long it took. Quiet when stderr is not a terminal (piped, in a test, in CI), where only the report
 * (stdout) and the logs (stderr) are wanted.
 */
export type Progress = {
  /** Runs `work`, showing `what` while it runs. */
  step<T>(what: string, work: () => Promise<T> | T): Promise<T>;
  /** Writes part of the report while a step runs, its progress line cleared first and drawn again after. */
  report(text: string): void;
};

type Stream = { isTTY?: boolean; write(text: string): unknown };

const TICK_MS = 1000;
const CLEAR_LINE = "\r\u001b[2K";

export function createProgress(
  terminal: Stream = process.stderr,
  out: Stream = process.stdout,
  name = "ingest",
): Progress {
  if (!terminal.isTTY) return { step: async (_what, work) => work(), report: (text) => out.write(text) };
  let status: (() => string) | undefined;
  const draw = () => status && terminal.write(`${CLEAR_LINE}${status()}`);
  return {
    async step(what, work) {
      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      status = () => `${name}: ${what}... ${seconds()} s`;
      draw();
      const ticker = setInterval(draw, TICK_MS);
      ticker.unref();
      try {
        const result = await work();
        terminal.write(`${CLEAR_LINE}${name}: ${what}: done in ${seconds()} s\n`);
        return result;
      } catch (error) {
        terminal.write(`${CLEAR_LINE}${name}: ${what}: failed after ${seconds()} s\n`);
        throw error;
      } finally {
        clearInterval(ticker);
        status = undefined;
      }
    },
    report(text) {
      if (status) terminal.write(CLEAR_LINE);
      out.write(text);
      draw();
    },
  };
}
