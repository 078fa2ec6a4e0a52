import path from "node:path";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Raised when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
/** An empty value means "unset" (the default applies), never 0 or "". */
const unsetWhenBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);
/** A TCP port; 0 asks the OS for a free one (used by tests). */
const port = (fallback: number) =>
  unsetWhenBlank(z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(fallback));
const atLeastZero = (fallback: number, unit: string, max: number) =>
  unsetWhenBlank(
    z.coerce
      .number({ error: `must be a number of ${unit}` })
      .int(`must be a whole number of ${unit}`)
      .min(0, `must be 0 or more ${unit}`)
      .max(max, `must be at most ${max} ${unit}`)
      .default(fallback),
  );
const positive = (fallback: number, unit: string) =>
  unsetWhenBlank(
    z.coerce
      .number({ error: `must be a number of ${unit}` })
      .int()
      .positive(`must be a positive number of ${unit}`)
      .default(fallback),
  );

/** `*` (any origin, the default: reads are public and carry no cookie) or a comma-separated list of origins. */
const corsOrigins = unsetWhenBlank(
  z
    .string()
    .default("*")
    .transform((value, context) => {
      if (value.trim() === "*") return "*" as const;
      const origins = value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
          context.addIssue({
            code: "custom",
            message: `'${origin}' is not an origin such as https://www.regione.example.it`,
          });
        }
      }
      return origins;
    }),
);

/**
 * Which reverse proxies may tell the client's address (X-Forwarded-For): a hop count, or addresses/subnets/Express
 * names (loopback, uniquelocal), checked as Express will read them. Never "true": any client could then forge its
 * address and escape the rate limit.
 */
const trustProxy = unsetWhenBlank(
  z
    .string()
    .default("false")
    .transform((value, context) => {
      const text = value.trim();
      if (text === "false") return false;
      if (/^\d+$/.test(text)) return Number(text);
      const entries = text.split(",").map((entry) => entry.trim());
      try {
        proxyAddr.compile(entries);
      } catch (error) {
        context.addIssue({
          code: "custom",
          message: `${(error as Error).message}: give a hop count, addresses, subnets or loopback/linklocal/uniquelocal (trusting every proxy would let clients forge their address)`,
        });
      }
      return entries;
    }),
);

const environmentSchema = z.object({
  NODE_ENV: unsetWhenBlank(z.enum(["production", "development", "test"]).default("production")),
  HOST: unsetWhenBlank(
    z
      .string()
      .trim()
      .regex(/^[\w.:-]+$/, "must be a host name or an IP address")
      .default("127.0.0.1"),
  ),
  PORT: port(4000),
  NEO4J_URI: optionalText.pipe(
    z
      .url({
        protocol: /^(bolt|neo4j)(\+s|\+ssc)?$/,
        error: "must be a bolt:// or neo4j:// URI (optionally +s or +ssc)",
      })
      .optional(),
  ),
  NEO4J_USERNAME: optionalText,
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: optionalText,
  PRASSI_DATA_DIR: z.string().trim().min(1).default("./.data"),
  PRASSI_BOLT_PORT: port(7687),
  PRASSI_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, "must be a JVM size such as 1g or 768m")
    .default("2g"),
  PRASSI_NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/i, "must be a size such as 1g or 512m")
    .default("1g"),
  JWT_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  PRASSI_TOKEN_MAX_HOURS: positive(24, "hours"),
  PRASSI_CORS_ORIGINS: corsOrigins,
  PRASSI_TRUST_PROXY: trustProxy,
  PRASSI_RATE_LIMIT: unsetWhenBlank(z.enum(["on", "off"], { error: "must be on or off" }).default("on")),
  PRASSI_RATE_LIMIT_READS: positive(600, "requests per minute"),
  PRASSI_RATE_LIMIT_WRITES: positive(30, "requests per minute"),
  PRASSI_MAX_QUERY_COST: positive(5000, "nodes"),
  PRASSI_QUERY_TIMEOUT_MS: positive(3000, "milliseconds"),
  PRASSI_REQUEST_TIMEOUT_MS: positive(10000, "milliseconds"),
  PRASSI_DATABASE_READS: positive(8, "reads"),
  PRASSI_MAX_REQUESTS_IN_FLIGHT: positive(4, "requests"),
  PRASSI_MAX_RESPONSE_BYTES: positive(5 * 1024 * 1024, "bytes"),
  PRASSI_PUBLIC_MAX_AGE: atLeastZero(60, "seconds", 86_400),
  PRASSI_RESPONSE_CACHE_MB: atLeastZero(64, "megabytes", 16_384),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  /** NODE_ENV=development: internal errors show their cause; otherwise they are masked down to a request id. */
  development: boolean;
  host: string;
  port: number;
  /** Set when an external Neo4j is used; absent means "start the bundled one". */
  neo4j: { uri?: string; username?: string; password?: string; database?: string };
  dataDir: string;
  bundled: { boltPort: number; heap: string; pageCache: string };
  jwtSecret?: string;
  /** The longest lifetime (exp - iat) an editor's token may have. */
  tokenMaxLifetimeSeconds: number;
  /** Origins allowed to call the API from a browser; "*" for any. */
  corsOrigins: "*" | string[];
  /** Express's `trust proxy`: which proxies may report the client's address. */
  trustProxy: false | number | string[];
  /** Per client address and minute; absent when PRASSI_RATE_LIMIT=off. */
  rateLimit?: { readsPerMinute: number; writesPerMinute: number; inFlight: number };
  /** databaseReads: the discovery reads this instance runs at once in the database, the others queued (neo4j/reader.ts). */
  limits: {
    queryCost: number;
    queryTimeoutMs: number;
    requestTimeoutMs: number;
    responseBytes: number;
    databaseReads: number;
  };
  /** Public reads: Cache-Control max-age and the response cache's time to live (0: nothing cached); its size in bytes (0: off). */
  caching: { publicMaxAge: number; responseCacheBytes: number };
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
};

/** Reads and validates the environment once; throws ConfigError naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && (e.NEO4J_USERNAME === undefined) !== (e.NEO4J_PASSWORD === undefined)) {
    throw new ConfigError("Invalid configuration:\n  NEO4J_USERNAME/NEO4J_PASSWORD: set both or neither");
  }
  return {
    development: e.NODE_ENV === "development",
    host: e.HOST,
    port: e.PORT,
    neo4j: { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    dataDir: path.resolve(e.PRASSI_DATA_DIR),
    bundled: { boltPort: e.PRASSI_BOLT_PORT, heap: e.PRASSI_NEO4J_HEAP, pageCache: e.PRASSI_NEO4J_PAGECACHE },
    jwtSecret: e.JWT_SECRET,
    tokenMaxLifetimeSeconds: e.PRASSI_TOKEN_MAX_HOURS * 3600,
    corsOrigins: e.PRASSI_CORS_ORIGINS,
    trustProxy: e.PRASSI_TRUST_PROXY,
    rateLimit:
      e.PRASSI_RATE_LIMIT === "on"
        ? {
            readsPerMinute: e.PRASSI_RATE_LIMIT_READS,
            writesPerMinute: e.PRASSI_RATE_LIMIT_WRITES,
            inFlight: e.PRASSI_MAX_REQUESTS_IN_FLIGHT,
          }
        : undefined,
    limits: {
      queryCost: e.PRASSI_MAX_QUERY_COST,
      queryTimeoutMs: e.PRASSI_QUERY_TIMEOUT_MS,
      requestTimeoutMs: e.PRASSI_REQUEST_TIMEOUT_MS,
      responseBytes: e.PRASSI_MAX_RESPONSE_BYTES,
      databaseReads: e.PRASSI_DATABASE_READS,
    },
    caching: { publicMaxAge: e.PRASSI_PUBLIC_MAX_AGE, responseCacheBytes: e.PRASSI_RESPONSE_CACHE_MB * 1024 * 1024 },
    logLevel: e.LOG_LEVEL,
  };
}
