/**
 * GraphQL over HTTP, measured two ways: autocannon's connections, each sending its next request as soon as the
 * previous one is answered, and one request after the other through a keep-alive agent.
 */
import http from "node:http";
import autocannon from "autocannon";
import { percentile, sequential, type LoadFigures, type SequentialFigures } from "./stats";

/** A request body: the same every time, or built anew for each request. */
export type BodySource = string | (() => string);

/** A 2xx answer is an error too when its body is not `{"data": ...}` without `errors`. */
export function isCleanAnswer(body: string): boolean {
  return body.startsWith('{"data":{') && !body.includes('"errors":');
}

export type LoadOptions = { connections: number; durationSeconds: number };

/** Autocannon against `url` (the /graphql endpoint); latencies of every answer, errors of every kind counted once. */
export async function httpLoad(
  url: string,
  body: BodySource,
  options: LoadOptions,
): Promise<LoadFigures & { sampleError?: string; failures?: string }> {
  const target = new URL(url);
  const latencies: number[] = [];
  let dirty = 0;
  let sampleError: string | undefined;
  const headers = {
    "content-type": "application/json",
    accept: "application/json",
  };
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: target.origin,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [
          {
            method: "POST",
            path: target.pathname,
            headers,
            ...(typeof body === "string" ? { body } : { setupRequest: (request) => ({ ...request, body: body() }) }),
            onResponse: (status, raw) => {
              const text = typeof raw === "string" ? raw : String(raw ?? "");
              if (isCleanAnswer(text)) return;
              sampleError ??= `${status} ${text.slice(0, 300)}`;
              // a non-2xx answer is counted once, by autocannon's non2xx
              if (status >= 200 && status < 300) dirty++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await finished;
  return {
    requestsPerSecond: result.requests.total / (result.duration || options.durationSeconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requests: result.requests.total,
    // dirty: 2xx answers whose body holds GraphQL errors; non2xx and errors (timeouts included) are autocannon's
    errors: result.non2xx + result.errors + dirty,
    sampleError,
    // Requests that got no answer: connection errors and autocannon's timeouts (10 s), which it counts among its errors.
    ...(result.errors > 0
      ? { failures: `${result.errors} without an answer, ${result.timeouts} of them timed out (10 s)` }
      : {}),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One POST, answered: whether the answer was clean, and its body. */
export function postGraphQL(url: string, body: string): Promise<{ ok: boolean; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            ok: response.statusCode === 200 && isCleanAnswer(text),
            body: text,
          });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Sequential latencies of `count` requests, after 20 uncounted ones, for at most `maxMs` in all. */
export function httpSequential(
  url: string,
  body: BodySource,
  count: number,
  maxMs?: number,
): Promise<SequentialFigures> {
  return sequential(count, 20, httpRequest(url, body), maxMs);
}

/** Sends the next body of `body` and tells whether its answer was clean. */
export function httpRequest(url: string, body: BodySource): () => Promise<boolean> {
  return async () => (await postGraphQL(url, typeof body === "string" ? body : body())).ok;
}
