/**
 * Coalesced runs of a job: a request made while a run is in progress is served by the next run, together with
 * every request made until that run starts. At most one run is in progress and one waits; a request's promise
 * settles with the first run that started after the request was made, so that run sees whatever the caller had
 * committed before asking. Runs never overlap.
 */
export function coalesce<T>(job: () => Promise<T>): () => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | undefined;
  return () => {
    if (waiting) return waiting;
    const run = previous.then(() => {
      // From here on the run has started: later requests need the run after it.
      waiting = undefined;
      return job();
    });
    waiting = run;
    previous = run.catch(() => undefined);
    return run;
  };
}
