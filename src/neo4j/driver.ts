import neo4j, { type Driver } from "neo4j-driver";
import type { Graph } from "./graph";

/** Driver errors that mean the database gave no answer (as opposed to an error it answered with). */
export const NO_ANSWER_CODES: ReadonlySet<string> = new Set(["ServiceUnavailable", "SessionExpired"]);

export type Neo4jConnection = { uri: string; username?: string; password?: string; database?: string };

/**
 * One driver per process (and a small one beside it for the availability probes). No credentials means auth off
 * (the bundled Neo4j on loopback).
 */
export function createDriver(connection: Neo4jConnection, pool: { maxConnections?: number } = {}): Driver {
  const auth =
    connection.username !== undefined && connection.password !== undefined
      ? neo4j.auth.basic(connection.username, connection.password)
      : undefined;
  return neo4j.driver(connection.uri, auth, {
    disableLosslessIntegers: true,
    // A database that does not answer fails a request in seconds, not after the driver's default 30 s of retries:
    // availability.ts tells callers sooner still.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 3_000,
    ...(pool.maxConnections ? { maxConnectionPoolSize: pool.maxConnections } : {}),
  });
}

export type ProbeResult = "answered" | "failed" | "timed out";

/**
 * Asks the database a trivial query: it answered, failed (refused, closed: it is down), or gave no answer within the
 * timeout (hung, or very busy). An auto-commit query, because managed transactions would retry a dead server.
 */
export async function probeDatabase(graph: Graph, timeoutMs = 2_000): Promise<ProbeResult> {
  // Not graph.withSession: closing waits for a dead server, and the probe must answer by its deadline.
  const session = graph.driver.session({ database: graph.database });
  let result: ProbeResult | undefined;
  const probe = session.run("RETURN 1").then(
    () => (result = "answered"),
    () => (result = "failed"),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([probe, timeout]);
    // When Node itself was busy past the deadline, the answer may be waiting in the socket: read it before judging.
    if (result === undefined) await new Promise((resolve) => setImmediate(resolve));
    return result ?? "timed out";
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}

/** True when the database answers a trivial query within the timeout. */
export async function isDatabaseReachable(graph: Graph, timeoutMs = 2_000): Promise<boolean> {
  return (await probeDatabase(graph, timeoutMs)) === "answered";
}

export type DatabaseDescription = { neo4jVersion: string; edition: string; apocVersion?: string };

/** Names the server's version, edition and APOC version (absent when APOC is not installed). */
export async function describeDatabase(graph: Graph): Promise<DatabaseDescription> {
  const { records } = await graph.write(
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
  );
  let apocVersion: string | undefined;
  try {
    const apoc = await graph.write("RETURN apoc.version() AS version");
    apocVersion = apoc.records[0]?.get("version");
  } catch {
    apocVersion = undefined;
  }
  return { neo4jVersion: records[0]?.get("version"), edition: records[0]?.get("edition"), apocVersion };
}
