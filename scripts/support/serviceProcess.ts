/**
 * Prassi as `npm start` runs it (`node --require tsx/cjs src/main.ts`), in a child process of its own so that a load
 * generator does not share its event loop: production mode, rate limiting off (a benchmark or a fuzzer is one
 * client), `env` added to this process's environment. Resolves once it serves; its errors are shown.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type ServiceProcess = {
  url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** Whether it has exited (on its own, if stop() was not called). */
  exited: () => boolean;
};

/** With `profileDir`, V8 writes a .cpuprofile there when the service exits. */
export async function startServiceProcess(
  env: NodeJS.ProcessEnv,
  options: { profileDir?: string } = {},
): Promise<ServiceProcess> {
  const profiling = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, "--require", "tsx/cjs", "src/main.ts"], {
    cwd: path.resolve(__dirname, "..", ".."),
    env: {
      ...process.env,
      PORT: "0",
      NODE_ENV: "production",
      PRASSI_RATE_LIMIT: "off",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve((exitCode = code))));
  const url = await new Promise<string>((resolve, reject) => {
    // Read every line, so that the service never blocks on a full pipe; only errors are shown.
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      let event: { msg?: string; url?: string; level?: number } = {};
      try {
        event = JSON.parse(line);
      } catch {
        process.stderr.write(`service: ${line}\n`);
      }
      if (event.msg === "GraphQL server ready" && event.url) resolve(event.url);
      if ((event.level ?? 0) >= 50) process.stderr.write(`service: ${line}\n`);
    });
    void exited.then((code) => reject(new Error(`the service exited (code ${code}) before it was ready`)));
  });
  return {
    url,
    exited: () => exitCode !== undefined,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
