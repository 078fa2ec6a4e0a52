import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Config } from "./config";
import { tokenVerifier } from "./graphql/auth";
import { createContext, type PrassiContext } from "./graphql/context";
import { formatError } from "./graphql/errors";
import { queryLimits } from "./graphql/plugins/queryLimits";
import { requestErrors } from "./graphql/plugins/requestErrors";
import { writeAudit } from "./graphql/plugins/writeAudit";
import { writeRateLimit } from "./graphql/plugins/writeRateLimit";
import { queryCostEstimator, readPageLimits } from "./graphql/queryCost";
import { corsPolicy } from "./http/cors";
import { errorHandler, notFound } from "./http/errors";
import { graphqlEndpoint } from "./http/graphqlEndpoint";
import { limitRequests, rateLimit } from "./http/rateLimit";
import { requestScope } from "./http/requestScope";
import type { Logger } from "./logger";
import type { DatabaseMonitor } from "./neo4j/availability";
import { terminateRequestTransactions } from "./neo4j/cancel";
import { isDatabaseReachable } from "./neo4j/driver";

/**
 * Shape limits against abusive documents (graphql-armor): deep enough for an analyst's nested exploration
 * (practice -> stakeholders -> practices -> regions ...). What a query may fan out to is bounded by its cost
 * (queryCost.ts), and its size by graphql-js's own token limit (parseOptions below), which fails as a 400 parse
 * error where armor's token plugin re-parsed and threw a 500.
 */
const DOCUMENT_LIMITS = {
  maxDepth: { n: 12 },
  maxAliases: { n: 30 },
  maxDirectives: { n: 20 },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  // Field suggestions help analysts in the playground; the schema is public anyway.
  blockFieldSuggestion: { enabled: false },
};
const MAX_TOKENS = 3000;

export type ServerOptions = {
  config: Config;
  schema: GraphQLSchema;
  typeDefs: string;
  driver: Driver;
  monitor: DatabaseMonitor;
  log: Logger;
  /** Apollo plugins of the application (the server adds its own). */
  plugins?: ApolloServerPlugin<PrassiContext>[];
  /** Whether the service can still work without a restart (false once the bundled Neo4j cannot be brought back). */
  health: () => { healthy: true } | { healthy: false; reason: string };
};

export type RunningServer = { url: string; port: number; stop(): Promise<void> };

/** Serves GraphQL at /graphql, liveness at /healthz and database readiness at /readyz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, driver, log } = options;
  const database = config.neo4j.database;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor(DOCUMENT_LIMITS).protect();
  const pageLimits = readPageLimits(options.typeDefs);
  const plugins: ApolloServerPlugin<PrassiContext>[] = [
    ...(armor.plugins as ApolloServerPlugin<PrassiContext>[]),
    queryLimits(options.schema, new Set(pageLimits.keys()), queryCostEstimator(pageLimits), config.limits.queryCost),
    requestErrors(),
    writeAudit(options.schema),
    ...(options.plugins ?? []),
    ApolloServerPluginDrainHttpServer({ httpServer }),
  ];
  if (config.rateLimit) plugins.unshift(writeRateLimit(rateLimit(config.rateLimit.writesPerMinute, "writes")));
  const apollo = new ApolloServer<PrassiContext>({
    schema: options.schema,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection: true,
    formatError: formatError({ production: config.production, queryTimeoutMs: config.limits.queryTimeoutMs }),
    includeStacktraceInErrorResponses: false,
    // graphqlEndpoint refuses simple POSTs itself, and lets plain GET queries through for widgets and caches.
    csrfPrevention: false,
    // Shutdown is ours (server, driver, bundled Neo4j in order): Apollo must not race us on signals.
    stopOnTerminationSignals: false,
    plugins,
    logger: log,
  });
  await apollo.start();

  app.use(requestScope(log));
  app.use(corsPolicy(config.corsOrigins));
  app.get("/healthz", (_request, response) => {
    const health = options.health();
    response.status(health.healthy ? 200 : 503).json(health.healthy ? { status: "ok" } : { status: "failed", reason: health.reason });
  });
  app.get("/readyz", async (_request, response) => {
    // Asked now rather than read from the monitor, which may lag by one probe.
    const ready = await isDatabaseReachable(driver, database, 1_000);
    response.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", neo4j: ready ? "up" : "down" });
  });
  app.use(
    "/graphql",
    ...(config.rateLimit ? [limitRequests(rateLimit(config.rateLimit.readsPerMinute, "requests"))] : []),
    express.json({ limit: "1mb" }),
    graphqlEndpoint({
      apollo,
      monitor: options.monitor,
      verifyToken: tokenVerifier({ secret: config.jwtSecret, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
      createContext: (request) => createContext({ driver, database, queryTimeoutMs: config.limits.queryTimeoutMs }, request),
      abandon: (requestId) => terminateRequestTransactions(driver, requestId, database),
      maxResponseBytes: config.limits.responseBytes,
    }),
  );
  app.use(notFound);
  app.use(errorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host === "0.0.0.0" || host === "[::]" ? "localhost" : host}:${port}/graphql`;
  log.info({ url, host: config.host, rateLimit: config.rateLimit ?? "off", production: config.production }, "GraphQL server ready");

  return {
    url,
    port,
    async stop() {
      // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
      await apollo.stop();
    },
  };
}
