/** What one row of the table holds: throughput under load and latencies, in milliseconds. */
export type LoadFigures = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** non-2xx answers, connection errors and timeouts, and 2xx answers whose body holds GraphQL `errors`. */
  errors: number;
};

export type SequentialFigures = {
  p50: number;
  p95: number;
  count: number;
  errors: number;
};

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Runs `request` concurrently from `connections` closed loops for `durationMs`; each loop waits for its answer. */
export async function closedLoop(
  connections: number,
  durationMs: number,
  request: (n: number) => Promise<boolean>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const began = performance.now();
        let ok: boolean;
        try {
          ok = await request(sent++);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - began);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requests: latencies.length,
    errors,
  };
}

/**
 * `count` requests one after the other, after `warmUp` uncounted ones (for at most a sixth of `maxMs`); fewer if they
 * take more than `maxMs` in all (a slow query at a large size): `count` then says how many were counted.
 */
export async function sequential(
  count: number,
  warmUp: number,
  request: (n: number) => Promise<boolean>,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<SequentialFigures> {
  const start = performance.now();
  for (let n = 0; n < warmUp && performance.now() < start + maxMs / 6; n++) await request(n).catch(() => false);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = start + maxMs;
  for (let n = 0; n < count && performance.now() < deadline; n++) {
    const began = performance.now();
    let ok: boolean;
    try {
      ok = await request(n);
    } catch {
      ok = false;
    }
    latencies.push(performance.now() - began);
    if (!ok) errors++;
  }
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), count: latencies.length, errors };
}

/**
 * Sequential latencies of several kinds of request taken in turn (one of each, then again), for at most `maxMs` in
 * all, so that they share whatever else the machine is doing: on a loaded machine, rows measured one after another
 * are not comparable.
 */
export async function alternating(
  count: number,
  warmUp: number,
  requests: Record<string, (n: number) => Promise<boolean>>,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<Record<string, SequentialFigures>> {
  const latencies = Object.fromEntries(Object.keys(requests).map((name) => [name, [] as number[]]));
  const errors = Object.fromEntries(Object.keys(requests).map((name) => [name, 0]));
  const deadline = performance.now() + maxMs;
  for (let n = 0; n < warmUp + count && performance.now() < deadline; n++) {
    for (const [name, request] of Object.entries(requests)) {
      const began = performance.now();
      const ok = await request(n).catch(() => false);
      if (n < warmUp) continue;
      latencies[name]!.push(performance.now() - began);
      if (!ok) errors[name]!++;
    }
  }
  return Object.fromEntries(
    Object.entries(latencies).map(([name, values]) => [
      name,
      { p50: percentile(values, 0.5), p95: percentile(values, 0.95), count: values.length, errors: errors[name]! },
    ]),
  );
}
