import neo4j, { type Driver } from "neo4j-driver";

export type Neo4jConnection = { uri: string; username?: string; password?: string; database?: string };

/** One driver per process. No credentials means auth off (the bundled Neo4j on loopback). */
export function createDriver(connection: Neo4jConnection): Driver {
  const auth =
    connection.username !== undefined && connection.password !== undefined
      ? neo4j.auth.basic(connection.username, connection.password)
      : undefined;
  return neo4j.driver(connection.uri, auth, {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
  });
}

/**
 * True when the database answers a trivial query within the timeout; used by /readyz.
 * An auto-commit query, because managed transactions would retry a dead server for 30 s.
 */
export async function isDatabaseReachable(driver: Driver, database?: string, timeoutMs = 2_000): Promise<boolean> {
  const session = driver.session({ database });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = session.run("RETURN 1").then(
      () => true,
      () => false,
    );
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}

export type DatabaseDescription = { neo4jVersion: string; edition: string; apocVersion?: string };

/** Names the server's version, edition and APOC version (absent when APOC is not installed). */
export async function describeDatabase(driver: Driver, database?: string): Promise<DatabaseDescription> {
  const { records } = await driver.executeQuery(
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    {},
    { database },
  );
  let apocVersion: string | undefined;
  try {
    const apoc = await driver.executeQuery("RETURN apoc.version() AS version", {}, { database });
    apocVersion = apoc.records[0]?.get("version");
  } catch {
    apocVersion = undefined;
  }
  return { neo4jVersion: records[0]?.get("version"), edition: records[0]?.get("edition"), apocVersion };
}
