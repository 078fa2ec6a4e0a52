import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { Logger } from "../logger";

/** The bundled Neo4j could not be built or started; the message says what to do. */
export class BundledNeo4jError extends Error {
  override name = "BundledNeo4jError";
}

export type BundledNeo4jOptions = {
  /** Store and logs live under `<dataDir>/neo4j`. */
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  log: Logger;
  /** The launcher already built (by a previous start of this process); built or checked when absent. */
  jar?: string;
};

export type BundledNeo4jExit = { code: number | null; signal: NodeJS.Signals | null };

export type BundledNeo4j = {
  uri: string;
  /** The launcher it runs, for a restart to reuse. */
  jar: string;
  neo4jVersion: string;
  apocVersion: string;
  /** The JVM's process id. */
  pid: number;
  /** Settles when the process ends, whatever the cause (stop(), a crash, a kill). */
  exited: Promise<BundledNeo4jExit>;
  /** Stops the database cleanly (SIGTERM, then waits for the store to close). */
  stop(): Promise<void>;
};

const LAUNCHER_DIR = path.resolve(__dirname, "../../neo4j");
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, "target", "prassi-neo4j.jar");
const LAUNCHER_SOURCES = [path.join(LAUNCHER_DIR, "pom.xml"), path.join(LAUNCHER_DIR, "src")];
const READY = /^PRASSI_NEO4J_READY (\S+) neo4j=(\S+) apoc=(\S+)/;
const FAILURE = /^PRASSI_NEO4J_ERROR (.*)$/;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

function newestModification(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newestModification(path.join(target, entry))));
}

function requireCommand(command: string, versionFlag: string, purpose: string): void {
  const probe = spawnSync(command, [versionFlag], { stdio: "ignore" });
  if (probe.error) {
    throw new BundledNeo4jError(
      `'${command}' was not found: it is needed to ${purpose}. Install Java 17 and Maven, or set NEO4J_URI to use an external Neo4j.`,
    );
  }
}

/** Builds the Java launcher with Maven unless the jar is newer than its sources (first run downloads the jars). */
function ensureLauncherBuilt(log: Logger): string {
  requireCommand("java", "-version", "run the bundled Neo4j");
  const upToDate =
    fs.existsSync(LAUNCHER_JAR) &&
    fs.statSync(LAUNCHER_JAR).mtimeMs >= Math.max(...LAUNCHER_SOURCES.map(newestModification));
  if (upToDate) return LAUNCHER_JAR;

  requireCommand("mvn", "-v", "build the bundled Neo4j");
  log.info(
    { pom: path.join(LAUNCHER_DIR, "pom.xml") },
    "building the bundled Neo4j launcher with Maven (first run downloads Neo4j 5.26 and APOC)",
  );
  // Maven runs quiet (-q) for minutes on a first run: whoever waits at a terminal is told why, whatever LOG_LEVEL is.
  process.stderr.write(
    "prassi: building the bundled Neo4j with Maven; a first run downloads Neo4j 5.26 and APOC (about 125 MB, " +
      "a few minutes, once)...\n",
  );
  const started = Date.now();
  const build = spawnSync("mvn", ["-q", "-B", "-f", path.join(LAUNCHER_DIR, "pom.xml"), "package", "-DskipTests"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(`prassi: Maven ${build.status === 0 ? "built" : "failed to build"} it in ${seconds} s\n`);
  if (build.status !== 0 || !fs.existsSync(LAUNCHER_JAR)) {
    const output = `${build.stdout ?? ""}${build.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
    throw new BundledNeo4jError(`Maven could not build the bundled Neo4j launcher (exit ${build.status}):\n${output}`);
  }
  return LAUNCHER_JAR;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts Neo4j 5.26 + APOC in a child JVM and resolves once Bolt accepts connections.
 * The child also stops if this process dies, because it watches its standard input.
 */
export async function startBundledNeo4j(options: BundledNeo4jOptions): Promise<BundledNeo4j> {
  // A restart reuses the jar of the first start: building it (Maven, after a git pull) would block the event loop.
  const jar = options.jar ?? ensureLauncherBuilt(options.log);
  const home = path.join(options.dataDir, "neo4j");
  fs.mkdirSync(home, { recursive: true });
  const child = spawn(
    "java",
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      "-XX:+UseG1GC",
      "-XX:+ExitOnOutOfMemoryError",
      "-jar",
      jar,
      "--data-dir",
      home,
      "--bolt-port",
      String(options.boltPort),
      "--page-cache",
      options.pageCache,
      "--stop-on-stdin-eof",
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );

  const stderrTail: string[] = [];
  let failure: string | undefined;
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    const match = FAILURE.exec(line);
    if (match) failure = match[1];
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });

  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new BundledNeo4jError(
          `the bundled Neo4j did not become ready within ${START_TIMEOUT_MS / 1000}s (logs: ${home}/logs)`,
        ),
      );
    }, START_TIMEOUT_MS);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      } else if (line.trim() !== "") {
        options.log.debug({ neo4j: line }, "bundled neo4j output");
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new BundledNeo4jError(`could not run java: ${error.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      const reason = failure ?? (stderrTail.join("\n") || "no output");
      reject(new BundledNeo4jError(`the bundled Neo4j exited with code ${code} before it was ready: ${reason}`));
    });
  });

  const exited = new Promise<BundledNeo4jExit>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const [, uri, neo4jVersion, apocVersion] = ready as unknown as [string, string, string, string];
  options.log.info(
    { uri, neo4jVersion, apocVersion, home, heap: options.heap, pageCache: options.pageCache },
    "bundled Neo4j ready",
  );

  let stopping: Promise<void> | undefined;
  return {
    uri,
    jar,
    neo4jVersion,
    apocVersion,
    pid: child.pid!,
    exited,
    stop() {
      stopping ??= (async () => {
        child.kill("SIGTERM");
        if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
          options.log.error({ home }, "bundled Neo4j did not stop in time; killing it");
          child.kill("SIGKILL");
          await waitForExit(child, 5_000);
        }
        options.log.info({ home }, "bundled Neo4j stopped");
      })();
      return stopping;
    },
  };
}
