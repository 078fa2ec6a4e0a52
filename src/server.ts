import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import compression from "compression";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Config } from "./config";
import { tokenVerifier } from "./graphql/auth";
import { createContext, type PrassiContext } from "./graphql/context";
import { cachingPlugins } from "./graphql/cache/responseCache";
import { advanceStampOnWrite } from "./graphql/cache/stampOnWrite";
import { pollVersionStamp } from "./graphql/cache/versionStamp";
import { formatError } from "./graphql/errors";
import { queryLimits } from "./graphql/plugins/queryLimits";
import { requestErrors } from "./graphql/plugins/requestErrors";
import { writeAudit } from "./graphql/plugins/writeAudit";
import { writeRateLimit } from "./graphql/plugins/writeRateLimit";
import { queryCostEstimator, readPageLimits } from "./graphql/queryCost";
import { corsPolicy } from "./http/cors";
import { errorHandler, MAX_BODY_KB, notFound } from "./http/errors";
import { graphqlEndpoint } from "./http/graphqlEndpoint";
import { COST_PER_POINT, limitRequests, limitRequestsInFlight, rateLimit } from "./http/rateLimit";
import { requestScope } from "./http/requestScope";
import { webRoutes } from "./http/web";
import type { Logger } from "./logger";
import type { DatabaseMonitor } from "./neo4j/availability";
import { terminateRequestTransactions } from "./neo4j/cancel";
import { isDatabaseReachable } from "./neo4j/driver";
import { graphOn } from "./neo4j/graph";
import { advanceGraphVersion, onGraphVersionAdvanced, readGraphVersion } from "./neo4j/graphVersion";
import { readQueue } from "./neo4j/reader";

/** /readyz asks the database at most this often; a burst of probes shares one answer. */
const READINESS_TTL_MS = 1_000;

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
  const graph = graphOn(driver, config.neo4j.database);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor(DOCUMENT_LIMITS).protect();
  const pageLimits = readPageLimits(options.typeDefs);
  const requests = config.rateLimit && rateLimit(config.rateLimit.readsPerMinute, "requests");
  // The graph's version stamp, read once a second for every request of this instance (caching: docs/operations.md).
  const reads = readQueue(config.limits.databaseReads);
  const stamp = pollVersionStamp({ read: () => readGraphVersion(graph), log });
  // What this process advances through the same driver (a write, the similarity refresh after it) is taken at once.
  const unsubscribeStamp = onGraphVersionAdvanced(driver, stamp.observe);
  const plugins: ApolloServerPlugin<PrassiContext>[] = [
    ...(armor.plugins as ApolloServerPlugin<PrassiContext>[]),
    queryLimits({
      schema: options.schema,
      nodeTypes: new Set(pageLimits.keys()),
      estimateCost: queryCostEstimator(pageLimits),
      maxCost: config.limits.queryCost,
      chargeCost: requests
        ? async (context, cost) =>
            (await requests.take(context.clientAddress, Math.floor(cost / COST_PER_POINT)))?.retryAfterSeconds
        : undefined,
    }),
    requestErrors(),
    writeAudit(options.schema),
    ...cachingPlugins({ ...config.caching, stamp }),
    advanceStampOnWrite(() => advanceGraphVersion(graph)),
    ...(options.plugins ?? []),
    ApolloServerPluginDrainHttpServer({ httpServer }),
  ];
  if (config.rateLimit) plugins.unshift(writeRateLimit(rateLimit(config.rateLimit.writesPerMinute, "writes")));
  const apollo = new ApolloServer<PrassiContext>({
    schema: options.schema,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection: true,
    formatError: formatError({ development: config.development, queryTimeoutMs: config.limits.queryTimeoutMs }),
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
    response
      .status(health.healthy ? 200 : 503)
      .json(health.healthy ? { status: "ok" } : { status: "failed", reason: health.reason });
  });
  // Asked of the database rather than read from the monitor, which may lag by one probe; cached briefly.
  let readiness: { at: number; ready: Promise<boolean> } | undefined;
  app.get("/readyz", async (_request, response) => {
    if (!readiness || Date.now() - readiness.at > READINESS_TTL_MS)
      readiness = { at: Date.now(), ready: isDatabaseReachable(graph, 1_000) };
    const ready = await readiness.ready;
    response.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", neo4j: ready ? "up" : "down" });
  });
  app.use(webRoutes());
  app.use(
    "/graphql",
    // Answers are compressed for a client that asks (after graphqlEndpoint has measured them against the size cap).
    compression(),
    ...(config.rateLimit && requests
      ? [limitRequestsInFlight(config.rateLimit.inFlight), limitRequests(requests)]
      : []),
    // Compressed bodies are refused (415): a few KB of gzip can inflate to the whole body limit, or fail to.
    express.json({ limit: `${MAX_BODY_KB}kb`, inflate: false }),
    graphqlEndpoint({
      apollo,
      monitor: options.monitor,
      verifyToken: tokenVerifier({ secret: config.jwtSecret, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
      createContext: ({ scope, clientAddress, jwt }) =>
        createContext(
          {
            graph,
            queryTimeoutMs: config.limits.queryTimeoutMs,
            graphVersion: stamp.current,
            readQueue: reads,
          },
          { scope, clientAddress, jwt },
        ),
      terminate: (requestId) => terminateRequestTransactions(graph, requestId),
      maxResponseBytes: config.limits.responseBytes,
      requestTimeoutMs: config.limits.requestTimeoutMs,
    }),
  );
  app.use(notFound);
  app.use(errorHandler);

  // A client that trickles its headers or body is cut off, instead of holding a connection for Node's default 5 min.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { address, port } = httpServer.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  const url = `http://${address === "0.0.0.0" || address === "::" ? "localhost" : host}:${port}/graphql`;
  log.info(
    { url, address, rateLimit: config.rateLimit ?? "off", development: config.development },
    "GraphQL server ready",
  );
  if (config.development && !/^(127\.|::1$|localhost$)/.test(config.host)) {
    log.warn(
      { host: config.host },
      "NODE_ENV=development on a public interface: internal errors show their causes to every client",
    );
  }

  return {
    url,
    port,
    async stop() {
      // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
      unsubscribeStamp();
      stamp.stop();
      await apollo.stop();
    },
  };
}
