/**
 * Sends hostile requests to a Prassi on this machine and checks every answer: no 5xx, a JSON body, no stack trace
 * or file path; then that the service is still alive. Counts statuses per kind and keeps the slowest accepted
 * answers (the worst a client got through).
 */
import http from "node:http";
import { hostileRequests, type HostileRequest } from "./hostileRequests";

export type FuzzOptions = { count: number; seed: number; secret: string; concurrency?: number; kinds?: string[] };

export type FuzzReport = {
  sent: number;
  /** kind -> status -> requests */
  statuses: Map<string, Map<number, number>>;
  /** What must never happen, one line each. */
  violations: string[];
  /** The slowest answers with status 200: what an anonymous client got the service to do. */
  slowestAccepted: Array<{ kind: string; ms: number; bytes: number; body: string }>;
  healthyAfter: boolean;
  /** Whether the service limited the fuzzer's rate, when the fuzzer started it and knows ("off" or "on"). */
  rateLimit?: string;
};

/** What no answer may contain: a stack frame, a path of the server, Express's HTML error page. */
export const LEAK = /\bat \S+ \(|node_modules|\/work\/|\/home\/|\.ts:\d+|<html|<pre>/i;
const LEAK_IN_PAGE = new RegExp(LEAK.source.replace("|<html", ""), "i");

type Answer = { status: number; body: string; ms: number } | { error: string; ms: number };

function send(base: URL, request: HostileRequest): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        timeout: 30_000,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        response.on("error", (error) => resolve({ error: error.message, ms: performance.now() - started }));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 30 s")));
    outgoing.on("error", (error) => resolve({ error: error.message, ms: performance.now() - started }));
    outgoing.end(request.body);
  });
}

function problemsOf(request: HostileRequest, answer: Answer): string[] {
  if ("error" in answer) return [`${request.kind}: no answer (${answer.error})`];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`${request.kind}: status ${answer.status}: ${answer.body.slice(0, 160)}`);
  // A hostile request that reaches an internal error found a path the service does not guard.
  if (answer.body.includes('"INTERNAL_SERVER_ERROR"'))
    problems.push(`${request.kind}: an internal error: ${answer.body.slice(0, 200)}`);
  // A GET outside the API may be a browser asking for one of Prassi's pages (src/http/web.ts): HTML is its answer,
  // still without a stack, a path or a <pre>.
  const page =
    request.method === "GET" && !request.path.startsWith("/graphql") && /^<!doctype html>/i.test(answer.body);
  if ((page ? LEAK_IN_PAGE : LEAK).test(answer.body))
    problems.push(`${request.kind}: the body leaks internals: ${answer.body.slice(0, 200)}`);
  if (answer.status !== 204 && !page) {
    try {
      JSON.parse(answer.body);
    } catch {
      problems.push(
        `${request.kind}: status ${answer.status} with a body that is not JSON: ${answer.body.slice(0, 100)}`,
      );
    }
  }
  return problems;
}

export async function runFuzz(baseUrl: string, options: FuzzOptions): Promise<FuzzReport> {
  const base = new URL(baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname))
    throw new Error(`the fuzzer only targets this machine (loopback), not ${base.hostname}`);
  const requests = await hostileRequests(options.count, options.seed, options.secret, options.kinds);
  const report: FuzzReport = { sent: 0, statuses: new Map(), violations: [], slowestAccepted: [], healthyAfter: false };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const answer = await send(base, request);
      report.sent++;
      const status = "error" in answer ? 0 : answer.status;
      const byStatus = report.statuses.get(request.kind) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      report.statuses.set(request.kind, byStatus);
      report.violations.push(...problemsOf(request, answer));
      if (!("error" in answer) && answer.status === 200) {
        report.slowestAccepted.push({
          kind: request.kind,
          ms: answer.ms,
          bytes: Buffer.byteLength(answer.body),
          body: (request.body ?? request.path).slice(0, 160),
        });
        report.slowestAccepted.sort((a, b) => b.ms - a.ms).splice(5);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const health = await send(base, { kind: "health", method: "GET", path: "/healthz", headers: {} });
  report.healthyAfter = !("error" in health) && health.status === 200;
  return report;
}

/** The report as a table: one row per kind, one column per status. */
export function formatReport(report: FuzzReport): string {
  const statuses = [...new Set([...report.statuses.values()].flatMap((byStatus) => [...byStatus.keys()]))].sort(
    (a, b) => a - b,
  );
  const width = Math.max(...[...report.statuses.keys()].map((kind) => kind.length), 4);
  const row = (label: string, cells: Array<string | number>) =>
    `${label.padEnd(width)}  ${cells.map((cell) => String(cell).padStart(6)).join("")}`;
  const total = new Map<number, number>();
  const lines = [
    row(
      "kind",
      statuses.map((status) => (status === 0 ? "none" : status)),
    ),
  ];
  for (const [kind, byStatus] of report.statuses) {
    lines.push(
      row(
        kind,
        statuses.map((status) => byStatus.get(status) ?? ""),
      ),
    );
    for (const [status, n] of byStatus) total.set(status, (total.get(status) ?? 0) + n);
  }
  lines.push(
    row(
      "all",
      statuses.map((status) => total.get(status) ?? 0),
    ),
  );
  lines.push(
    "",
    `${report.sent} requests of ${report.statuses.size} kinds; healthy afterwards: ${report.healthyAfter ? "yes" : "NO"}`,
  );
  if (report.rateLimit !== undefined) lines.push(`rate limiting of the service: ${report.rateLimit}`);
  lines.push(
    "slowest accepted (status 200):",
    ...report.slowestAccepted.map((a) => `  ${a.ms.toFixed(0)} ms, ${a.bytes} bytes  [${a.kind}] ${a.body}`),
  );
  lines.push(
    report.violations.length === 0 ? "violations: none" : `violations: ${report.violations.length}`,
    ...report.violations.slice(0, 20).map((v) => `  ${v}`),
  );
  return `${lines.join("\n")}\n`;
}
