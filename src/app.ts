import type { Driver } from "neo4j-driver";
import type { Config } from "./config";
import { createContext } from "./graphql/context";
import { refreshSimilarityOnWrite } from "./graphql/refreshOnWrite";
import { buildSchema } from "./graphql/schema";
import { seedMissingCatalogues } from "./ingest/seed";
import type { Logger } from "./logger";
import { connectDatabase } from "./neo4j/connect";
import { describeDatabase } from "./neo4j/driver";
import { refreshSimilarity } from "./similarity";
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
  // Every step runs even if an earlier one fails (the bundled JVM must not be left behind); the first failure
  // is rethrown once all have run.
  const stop = () =>
    (stopping ??= (async () => {
      let failure: unknown;
      for (const cleanup of cleanups.reverse()) {
        log.debug({ step: cleanup.name }, "stopping");
        try {
          await cleanup.run();
        } catch (error) {
          log.error({ err: error, step: cleanup.name }, "a shutdown step failed");
          failure ??= error;
        }
      }
      if (failure !== undefined) throw failure;
    })());
  try {
    const connection = await connectDatabase(config, log);
    cleanups.push({ name: "neo4j driver and bundled database", run: () => connection.close() });
    const { driver } = connection;
    const database = config.neo4j.database;

    const description = await describeDatabase(driver, database);
    log.info({ ...description, uri: connection.uri, bundled: connection.bundled !== undefined }, "connected to Neo4j");

    const { schema, neo4jGraphQL } = await buildSchema(driver, config.jwtSecret);
    await neo4jGraphQL.checkNeo4jCompat({ driver, sessionConfig: { database } });
    const statements = await applySchema(driver, database);
    log.info({ statements }, "database schema applied");
    await seedMissingCatalogues(driver, log, database);
    // Computes similarity for whatever lacks it or changed since (a fresh seed, a database loaded elsewhere).
    const refreshed = await refreshSimilarity(driver, database);
    if (refreshed.length > 0) log.info({ practices: refreshed.length }, "similarity computed");

    const server = await startServer({
      schema,
      driver,
      database,
      port: config.port,
      log,
      plugins: [refreshSimilarityOnWrite(driver, log, database)],
      context: async (request) => createContext(driver, database, request.headers.authorization),
    });
    cleanups.push({ name: "graphql server", run: () => server.stop() });
    return { url: server.url, port: server.port, driver, stop };
  } catch (error) {
    // The start-up error is the one to report; a failing cleanup was logged by stop().
    await stop().catch(() => undefined);
    throw error;
  }
}
