import { startPrassi, type Prassi, type PrassiOptions } from "../../src/app";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { connectTestDatabase, resetDatabase, testNeo4jUri } from "./database";

export type LogLine = { level: number; msg: string; requestId?: string; [key: string]: unknown };

export type TestService = {
  prassi: Prassi;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Every JSON line the service logged, parsed. */
  logs: LogLine[];
  /** POSTs a GraphQL request; `headers` add to or replace content-type; `signal` lets the client go away. */
  post(body: unknown, headers?: Record<string, string>, signal?: AbortSignal): Promise<Response>;
  stop(): Promise<void>;
};

/** The service on the shared test Neo4j (seeding it with the 2023 catalogue when empty), with the given settings. */
export async function startTestService(
  env: Record<string, string> = {},
  options: PrassiOptions = {},
): Promise<TestService> {
  const logs: LogLine[] = [];
  const log = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const prassi = await startPrassi(loadConfig({ PORT: "0", NEO4J_URI: testNeo4jUri(), ...env }), log, options);
  const base = `http://127.0.0.1:${prassi.port}`;
  return {
    prassi,
    base,
    logs,
    post: (body, headers = {}, signal) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
        signal,
      }),
    stop: () => prassi.stop(),
  };
}

/** A quiet service on the shared database emptied first, so that it seeds the 2023 catalogue and computes similarity. */
export async function startOnFreshSeed(env: Record<string, string> = {}): Promise<Prassi> {
  const driver = connectTestDatabase();
  await resetDatabase(driver);
  await driver.close();
  const config = loadConfig({ PORT: "0", NEO4J_URI: testNeo4jUri(), LOG_LEVEL: "silent", ...env });
  return startPrassi(config, createLogger("silent"));
}

/**
 * Gives a describe block a service of its own on the shared database, emptied before (so the service seeds the 2023
 * catalogue) and after. The service it returns is there once the block's tests run.
 */
export function useTestService(env: Record<string, string> = {}): TestService {
  let running: TestService | undefined;
  const current = () => {
    if (!running) throw new Error("the test service starts in beforeAll: use it inside a test");
    return running;
  };
  beforeAll(async () => {
    const driver = connectTestDatabase();
    await resetDatabase(driver);
    await driver.close();
    running = await startTestService(env);
  });
  afterAll(async () => {
    await resetDatabase(current().prassi.driver);
    await current().stop();
  });
  return {
    get prassi() {
      return current().prassi;
    },
    get base() {
      return current().base;
    },
    get logs() {
      return current().logs;
    },
    post: (...args) => current().post(...args),
    stop: () => current().stop(),
  };
}

/** Polls `condition` every 50 ms until it holds; throws with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}
