/**
 * The one way the pages and the widget ask the public GraphQL API: a named operation, answered with its data or an
 * ApiError that says what went wrong in words a reader can be shown. `askApi` POSTs it; `askApiPersisted` GETs it as
 * an automatic persisted query (its SHA-256 in the URL, the text only when the server does not know it yet), so that
 * the browser and any cache on the way can keep the answer for its max-age (docs/widget.md).
 *
 * The API lets one client have only a few requests in flight (4 by default) and refuses more with 429 and
 * Retry-After; a portal with several widgets, or a reader switching quickly, would meet it. So a page sends at most
 * MAX_IN_FLIGHT requests to one endpoint at a time (the others wait their turn), and a request refused for a moment
 * (429 RATE_LIMITED, 503 SERVICE_UNAVAILABLE) with a short Retry-After is sent again once that time has passed.
 */
export type ApiFailure = "unreachable" | "refused" | "answer";

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    message: string,
    /** The GraphQL error code, when the API gave one (NOT_FOUND, BAD_USER_INPUT...). */
    readonly code?: string,
  ) {
    super(message);
  }
}

type GraphqlAnswer<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** One fewer than the API's default limit per client, which leaves one for another tab or the explorer. */
const MAX_IN_FLIGHT = 3;
/** A refusal is retried this many times at most, ... */
const MAX_RETRIES = 2;
/** ... and only when it asks to wait this long at most: a spent budget (a minute) is the reader's to retry. */
const MAX_WAIT_MS = 5_000;
/** Only the safelisted Accept: a GET with no other header is a simple request, sent without a CORS preflight. */
const ACCEPT = "application/graphql-response+json, application/json";

type Outgoing = { url: string; init: RequestInit };

export async function askApi<T>(
  api: string,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const answer = await ask<T>(
    api,
    { url: api, init: { method: "POST", headers: { "content-type": "application/json", accept: ACCEPT }, body } },
    signal,
  );
  return dataOf(api, answer);
}

/**
 * The same question as a GET automatic persisted query: first the query's hash alone; if the server does not know
 * it (PERSISTED_QUERY_NOT_FOUND: a restart, another instance), the query with its hash, which the server keeps.
 * Without Web Crypto (a page served over plain http from another host than localhost) it asks as askApi does.
 */
export async function askApiPersisted<T>(
  api: string,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const hash = await sha256(query);
  if (hash === undefined) return askApi<T>(api, query, variables, signal);
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  const get = (withQuery: boolean): Outgoing => {
    const url = new URL(api, typeof document === "undefined" ? undefined : document.baseURI);
    if (withQuery) url.searchParams.set("query", query);
    url.searchParams.set("variables", JSON.stringify(variables));
    url.searchParams.set("extensions", extensions);
    return { url: url.href, init: { method: "GET", headers: { accept: ACCEPT } } };
  };
  let answer = await ask<T>(api, get(false), signal);
  if (
    answer.errors?.some(
      (error) => error.extensions?.code === "PERSISTED_QUERY_NOT_FOUND" || error.message === "PersistedQueryNotFound",
    )
  ) {
    answer = await ask<T>(api, get(true), signal);
  }
  return dataOf(api, answer);
}

const hashes = new Map<string, string>();

async function sha256(text: string): Promise<string | undefined> {
  const known = hashes.get(text);
  if (known) return known;
  if (typeof crypto === "undefined" || !crypto.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  hashes.set(text, hash);
  return hash;
}

/** Sends a request in its turn, again after a short refusal, and reads its GraphQL answer. */
async function ask<T>(api: string, request: Outgoing, signal: AbortSignal | undefined): Promise<GraphqlAnswer<T>> {
  for (let retry = 0; ; retry++) {
    const { status, text, wait } = await send(api, request, signal, retry < MAX_RETRIES);
    if (wait !== undefined) {
      await sleep(wait, signal);
      continue;
    }
    try {
      return JSON.parse(text ?? "") as GraphqlAnswer<T>;
    } catch {
      throw new ApiError("refused", `${api} answered ${status} without a GraphQL answer`);
    }
  }
}

function dataOf<T>(api: string, answer: GraphqlAnswer<T>): T {
  const first = answer.errors?.[0];
  if (first) throw new ApiError("answer", first.message, first.extensions?.code);
  if (!answer.data) throw new ApiError("refused", `${api} answered without data`);
  return answer.data;
}

/** One request in its turn: its status, and its body or how long to wait before asking again. */
async function send(
  api: string,
  request: Outgoing,
  signal: AbortSignal | undefined,
  mayRetry: boolean,
): Promise<{ status: number; text?: string; wait?: number }> {
  const release = await turn(api, signal);
  try {
    let response: Response;
    try {
      response = await fetch(request.url, { ...request.init, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError("unreachable", `${api} cannot be reached`);
    }
    const wait = mayRetry ? retryDelay(response) : undefined;
    if (wait !== undefined) {
      response.body?.cancel().catch(() => undefined);
      return { status: response.status, wait };
    }
    // Read whole before the turn ends: the server counts a request in flight until its answer is sent.
    const text = await response.text().catch((error: unknown) => {
      if (signal?.aborted) throw error;
      return undefined;
    });
    return { status: response.status, text };
  } finally {
    release();
  }
}

/** How long a refusal asks to wait before asking again (Retry-After, in seconds or as a date), when it is short. */
function retryDelay(response: Response): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const header = response.headers.get("retry-after")?.trim();
  if (!header) return undefined;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  if (Number.isNaN(ms) || ms > MAX_WAIT_MS) return undefined;
  // A little spread, so that the requests refused together do not come back together.
  return Math.max(ms, 0) + Math.random() * 250;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    function stop() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/** Requests to each endpoint: how many are in flight, and who waits for a turn. */
const endpoints = new Map<string, { inFlight: number; waiting: Array<() => void> }>();

/** Waits for a turn to send to `api` (leaving the queue if `signal` aborts); returns what ends it, to call once. */
async function turn(api: string, signal: AbortSignal | undefined): Promise<() => void> {
  let endpoint = endpoints.get(api);
  if (!endpoint) endpoints.set(api, (endpoint = { inFlight: 0, waiting: [] }));
  const queue = endpoint;
  while (queue.inFlight >= MAX_IN_FLIGHT) {
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const wake = () => {
        signal?.removeEventListener("abort", leave);
        resolve();
      };
      function leave() {
        queue.waiting.splice(queue.waiting.indexOf(wake), 1);
        reject(signal!.reason);
      }
      queue.waiting.push(wake);
      signal?.addEventListener("abort", leave, { once: true });
    });
  }
  queue.inFlight++;
  return () => {
    queue.inFlight--;
    queue.waiting.shift()?.();
  };
}
