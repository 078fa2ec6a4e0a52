/**
 * npm run build:web [-- --force]: bundles web/ into web/dist with vite: the explorer and the pages (one multi-page
 * build, hashed assets under /assets) and the widget (one self-contained script, widget/prassi-similar.js).
 * `npm start` and `npm test` run it first; it does nothing when web/dist was built from the same sources (a hash of
 * web/, docs/queries/, the lock file and this script, kept in web/dist/build.json). It builds into web/dist.next and
 * swaps it in whole, so that a running service never serves a half-built or emptied web/dist; builds started at the
 * same time (npm test beside npm start) take turns through web/dist.lock, and the later one finds the work done.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { build, type InlineConfig } from "vite";

const ROOT = path.resolve(import.meta.dirname, "..");
const WEB = path.join(ROOT, "web");
const DIST = path.join(WEB, "dist");
const STAMP = path.join(DIST, "build.json");
const NEXT = `${DIST}.next`;
const LOCK = `${DIST}.lock`;
/** A build takes seconds; one still holding the lock after this long has hung. */
const LOCK_WAIT_MS = 180_000;
const SOURCES = [WEB, path.join(ROOT, "docs/queries"), path.join(ROOT, "package-lock.json"), import.meta.filename];

function filesUnder(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((child) => !child.name.startsWith("dist") && child.name !== "node_modules")
    .flatMap((child) => filesUnder(path.join(entry, child.name)))
    .sort();
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(filesUnder))
    hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const shared: InlineConfig = { root: WEB, configFile: false, logLevel: "warn", publicDir: false };

async function buildInto(outDir: string): Promise<void> {
  await build({
    ...shared,
    base: "/",
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: { explorer: path.join(WEB, "explorer/index.html"), app: path.join(WEB, "app/index.html") },
        // React's "use client" / "use no memo" directives mean nothing in a browser bundle: not worth a warning each.
        onwarn: (warning, warn) => warning.code === "MODULE_LEVEL_DIRECTIVE" || warn(warning),
      },
      chunkSizeWarningLimit: 5_000,
      // Every browser the pages support knows modulepreload; the polyfill would be one more script for nothing.
      modulePreload: { polyfill: false },
    },
  });
  await build({
    ...shared,
    build: {
      outDir: path.join(outDir, "widget"),
      emptyOutDir: false,
      lib: {
        entry: path.join(WEB, "widget/prassi-similar.ts"),
        formats: ["iife"],
        name: "PrassiSimilar",
        fileName: () => "prassi-similar.js",
      },
    },
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `build` holding web/dist.lock: waits while another live build holds it, takes over one a dead build left. */
async function withBuildLock(build: () => Promise<void>): Promise<void> {
  for (const started = Date.now(); ; await sleep(200)) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(LOCK, "utf8"));
      if (!isRunning(holder)) fs.rmSync(LOCK, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) {
        throw new Error(`${LOCK} is held by process ${holder} for over ${LOCK_WAIT_MS / 1000} s`, { cause: error });
      }
    }
  }
  try {
    await build();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

async function buildWhenChanged(force: boolean): Promise<void> {
  const hash = sourceHash();
  const built = fs.existsSync(STAMP)
    ? (JSON.parse(fs.readFileSync(STAMP, "utf8")) as { hash?: string }).hash
    : undefined;
  if (built === hash && !force) return;
  const started = Date.now();
  await buildInto(NEXT);
  fs.writeFileSync(
    path.join(NEXT, "build.json"),
    JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2) + "\n",
  );
  const previous = `${DIST}.previous`;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(DIST)) fs.renameSync(DIST, previous);
  fs.renameSync(NEXT, DIST);
  fs.rmSync(previous, { recursive: true, force: true });
  console.log(`web/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  await withBuildLock(() => buildWhenChanged(values.force));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
