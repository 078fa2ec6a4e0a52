/**
 * Coalesced runs of a job: a request made while a run is in progress is served by the next run, together with
 * every request made until that run starts, and each run is handed what those requests asked (in the order they
 * were made). At most one run is in progress and one waits; a request's promise settles with the first run that
 * started after the request was made, so that run sees whatever the caller had committed before asking. Runs
 * never overlap.
 */
export function coalesceRequests<R, T>(job: (requests: R[]) => Promise<T>): (request: R) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | undefined;
  let pending: R[] = [];
  return (request) => {
    pending.push(request);
    if (waiting) return waiting;
    const run = previous.then(() => {
      // From here on the run has started: later requests need the run after it.
      waiting = undefined;
      const requests = pending;
      pending = [];
      return job(requests);
    });
    waiting = run;
    previous = run.catch(() => undefined);
    return run;
  };
}
