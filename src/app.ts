import type { Driver } from "neo4j-driver";
import type { Config } from "./config";
import { refreshSimilarityOnWrite, similarityRefresher } from "./graphql/refreshOnWrite";
import { buildSchema, readTypeDefs } from "./graphql/schema";
import { seedMissingCatalogues } from "./ingest/seed";
import type { Logger } from "./logger";
import { noticingAnswers } from "./neo4j/answers";
import { monitorDatabase } from "./neo4j/availability";
import type { BundledNeo4j } from "./neo4j/bundled";
import { connectDatabase } from "./neo4j/connect";
import { createDriver, describeDatabase } from "./neo4j/driver";
import { graphOn } from "./neo4j/graph";
import { applySchema } from "./neo4j/schema";
import type { RestartPolicy } from "./neo4j/supervisor";
import { startServer } from "./server";

export type Prassi = {
  url: string;
  port: number;
  driver: Driver;
  /** The bundled Neo4j running now, when this service started one. */
  bundled?: () => BundledNeo4j;
  stop(): Promise<void>;
};

export type PrassiOptions = {
  /** Called once when the service cannot work again without a restart (the bundled Neo4j cannot be brought back). */
  onFatal?: (reason: string) => void;
  restartPolicy?: RestartPolicy;
};

/**
 * Starts the whole service: the database (bundled unless NEO4J_URI is set, restarted if it dies), its schema,
 * and the GraphQL server. `stop` shuts down server, driver and bundled Neo4j, in that order.
 */
export async function startPrassi(config: Config, log: Logger, options: PrassiOptions = {}): Promise<Prassi> {
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
    let failure: string | undefined;
    const connection = await connectDatabase(config, log, {
      supervise: {
        policy: options.restartPolicy,
        onGiveUp: (reason) => {
          failure = `the bundled Neo4j cannot be brought back: ${reason}`;
          options.onFatal?.(failure);
        },
      },
    });
    cleanups.push({ name: "neo4j driver and bundled database", run: () => connection.close() });
    const { driver } = connection;
    const database = config.neo4j.database;
    const graph = graphOn(driver, database);

    const description = await describeDatabase(graph);
    log.info({ ...description, uri: connection.uri, bundled: connection.bundled !== undefined }, "connected to Neo4j");

    const { schema, neo4jGraphQL } = await buildSchema(driver, config.jwtSecret);
    await neo4jGraphQL.checkNeo4jCompat({ driver, sessionConfig: { database } });
    const statements = await applySchema(graph);
    log.info({ statements }, "database schema applied");
    await seedMissingCatalogues(graph, log);

    // The probes have a pool of their own: while the database hangs they wait, and must not hold the service's connections.
    const probeDriver = createDriver({ ...config.neo4j, uri: connection.uri }, { maxConnections: 2 });
    cleanups.push({ name: "probe driver", run: () => probeDriver.close() });
    const monitor = monitorDatabase(graphOn(probeDriver, database), { log });
    cleanups.push({ name: "database monitor", run: async () => monitor.stop() });
    // What the requests ask tells the monitor that the database answers, even when its probe is slow.
    const serving = noticingAnswers(driver, () => monitor.sawAnswer());
    // Computes similarity for whatever lacks it or changed since (a fresh seed, a database loaded elsewhere), and
    // keeps the index it read for the refreshes after writes (one read of the whole graph at start, not two).
    const refresher = similarityRefresher(graphOn(serving, database), log);
    cleanups.push({ name: "similarity index", run: async () => refresher.live.close() });
    const { rewritten } = await refresher.live.refreshAll("start");
    if (rewritten.length > 0) log.info({ practices: rewritten.length }, "similarity computed");
    const server = await startServer({
      config,
      schema,
      typeDefs: readTypeDefs(),
      driver: serving,
      monitor,
      log,
      plugins: [refreshSimilarityOnWrite(refresher)],
      health: () => (failure === undefined ? { healthy: true } : { healthy: false, reason: failure }),
    });
    cleanups.push({ name: "graphql server", run: () => server.stop() });
    return { url: server.url, port: server.port, driver, bundled: connection.bundled, stop };
  } catch (error) {
    // The start-up error is the one to report; a failing cleanup was logged by stop().
    await stop().catch(() => undefined);
    throw error;
  }
}
