import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { formatError } from "./graphql/errors";
import type { Logger } from "./logger";
import { isDatabaseReachable } from "./neo4j/driver";

/**
 * Limits against abusive queries (graphql-armor): deep enough for an analyst's nested exploration
 * (practice -> stakeholders -> practices -> regions ...), far from what would scan the whole graph.
 */
const QUERY_LIMITS = {
  maxDepth: { n: 12 },
  maxAliases: { n: 30 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 3000 },
  costLimit: { maxCost: 20000 },
  // Field suggestions help analysts in the playground; the schema is public anyway.
  blockFieldSuggestion: { enabled: false },
};

export type ServerOptions = {
  schema: GraphQLSchema;
  driver: Driver;
  database?: string;
  port: number;
  log: Logger;
  /** Apollo plugins of the application (the server adds its own). */
  plugins?: ApolloServerPlugin[];
  /** Per-request GraphQL context (e.g. the caller's token, request-scoped loaders). */
  context: (request: express.Request) => Promise<Record<string, unknown>>;
};

export type RunningServer = { url: string; port: number; stop(): Promise<void> };

/** Serves GraphQL at /graphql, liveness at /healthz and database readiness at /readyz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor(QUERY_LIMITS).protect();
  const apollo = new ApolloServer({
    schema: options.schema,
    ...armor,
    introspection: true,
    formatError: formatError(options.log),
    // Shutdown is ours (server, driver, bundled Neo4j in order): Apollo must not race us on signals.
    stopOnTerminationSignals: false,
    plugins: [...armor.plugins, ...(options.plugins ?? []), ApolloServerPluginDrainHttpServer({ httpServer })],
    logger: options.log,
  });
  await apollo.start();

  app.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  app.get("/readyz", async (_request, response) => {
    const ready = await isDatabaseReachable(options.driver, options.database);
    response.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", neo4j: ready ? "up" : "down" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  options.log.info({ url }, "GraphQL server ready");

  return {
    url,
    port,
    async stop() {
      // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
      await apollo.stop();
    },
  };
}
