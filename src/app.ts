import type { Driver } from "neo4j-driver";
import type { Config } from "./config";
import { buildSchema } from "./graphql/schema";
import type { Logger } from "./logger";
import { startBundledNeo4j, type BundledNeo4j } from "./neo4j/bundled";
import { createDriver, describeDatabase } from "./neo4j/driver";
import { applySchema } from "./neo4j/schema";
import { startServer } from "./server";

export type Prassi = { url: string; port: number; driver: Driver; stop(): Promise<void> };

/**
 * Starts the whole service: the database (bundled unless NEO4J_URI is set), its schema,
 * and the GraphQL server. `stop` shuts down server, driver and bundled Neo4j, in that order.
 */
export async function startPrassi(config: Config, log: Logger): Promise<Prassi> {
  const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        log.debug({ step: cleanup.name }, "stopping");
        await cleanup.run();
      }
    })());
  try {
    let bundled: BundledNeo4j | undefined;
    if (!config.neo4j.uri) {
      bundled = await startBundledNeo4j({ dataDir: config.dataDir, ...config.bundled, log });
      cleanups.push({ name: "bundled neo4j", run: () => bundled!.stop() });
    }
    const database = config.neo4j.database;
    const driver = createDriver({ ...config.neo4j, uri: config.neo4j.uri ?? bundled!.uri });
    cleanups.push({ name: "neo4j driver", run: () => driver.close() });
    await driver.verifyConnectivity({ database });

    const description = await describeDatabase(driver, database);
    log.info({ ...description, external: bundled === undefined }, "connected to Neo4j");

    const { schema, neo4jGraphQL } = await buildSchema(driver);
    await neo4jGraphQL.checkNeo4jCompat({ driver, sessionConfig: { database } });
    const statements = await applySchema(driver, database);
    log.info({ statements }, "database schema applied");

    const server = await startServer({
      schema,
      driver,
      database,
      port: config.port,
      log,
      context: async (request) => ({ token: request.headers.authorization, sessionConfig: { database } }),
    });
    cleanups.push({ name: "graphql server", run: () => server.stop() });
    return { url: server.url, port: server.port, driver, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
