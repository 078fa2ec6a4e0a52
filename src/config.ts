import path from "node:path";
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
/** A TCP port; 0 asks the OS for a free one (used by tests). An empty value means "unset", never 0. */
const port = (fallback: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(fallback),
  );

const environmentSchema = z.object({
  PORT: port(4000),
  NEO4J_URI: optionalText.pipe(
    z.url({ protocol: /^(bolt|neo4j)(\+s|\+ssc)?$/, error: "must be a bolt:// or neo4j:// URI (optionally +s or +ssc)" }).optional(),
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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  /** Set when an external Neo4j is used; absent means "start the bundled one". */
  neo4j: { uri?: string; username?: string; password?: string; database?: string };
  dataDir: string;
  bundled: { boltPort: number; heap: string; pageCache: string };
  jwtSecret?: string;
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
    port: e.PORT,
    neo4j: { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    dataDir: path.resolve(e.PRASSI_DATA_DIR),
    bundled: { boltPort: e.PRASSI_BOLT_PORT, heap: e.PRASSI_NEO4J_HEAP, pageCache: e.PRASSI_NEO4J_PAGECACHE },
    jwtSecret: e.JWT_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
