/**
 * npm run bench:http -- [--synthetic N] [--duration 10] [--connections 32] [--sequential 200] [--sequential-seconds 30] [--warmup 2] [--only TEXT] [--profile]
 *
 * The HTTP path, side by side in one run: the widget query uncached and cached, the raw driver read of the same
 * answer, `{ __typename }`, the similarity query without and with its nested practice, a generated query and the
 * other discovery fields. For each: autocannon's req/s and p50/p95/p99 under `--connections` connections for
 * `--duration` seconds, errors (non-2xx, connection errors, and GraphQL `errors` in any 2xx body), and sequential
 * p50/p95 over `--sequential` requests (after 20 uncounted ones; fewer if they take more than `--sequential-seconds`,
 * 30), and the 1-minute load average when the row started.
 * Each row's load is preceded by `--warmup` seconds of the same load, not counted. Prints one table
 * (Markdown). The service runs in a child process, in production mode, rate limiting off, on a throw-away bundled
 * Neo4j seeded with the 2023 catalogue, plus N synthetic practices with `--synthetic N` (scripts/http/service.ts).
 *
 * `--profile` instead runs the service under `node --cpu-prof`, drives the uncached widget query (or the first row
 * `--only` selects) for `--duration` seconds, stops it, and prints where the service's CPU time went during the load (scripts/http/profileSummary.ts).
 * docs/performance.md has the results.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { httpLoad, httpRequest, httpSequential, postGraphQL } from "./http/load";
import { formatSummary, readProfile, summariseProfile } from "./http/profileSummary";
import { FIXED_PRACTICE, httpTargets, WIDGET_QUERY, type HttpTarget } from "./http/queries";
import { comparable, readWidgetAnswer, type WidgetMatch } from "./http/rawRead";
import { startDatabase, startService, type Database } from "./http/service";
import { alternating, closedLoop, sequential, type LoadFigures, type SequentialFigures } from "./http/stats";

type Row = {
  name: string;
  load: LoadFigures;
  sequential: SequentialFigures;
  loadAverage: number;
};

const RAW_READ = "raw driver read of the widget's answer (in-process, rotating id)";
const note = (line: string) => process.stderr.write(`bench:http: ${line}\n`);
const loadAverage = () => os.loadavg()[0]!;

async function practiceIds(database: Database): Promise<string[]> {
  const { records } = await database.graph.read("MATCH (p:Practice) RETURN p.id AS id ORDER BY id");
  return records.map((record) => record.get("id") as string);
}

/** The widget query on a spread of practices: no GraphQL errors, and the same answer as the raw read. */
async function checkWidget(url: string, database: Database, ids: string[], count: number): Promise<string> {
  const step = Math.max(1, Math.floor(ids.length / count));
  const sample = [FIXED_PRACTICE, ...ids.filter((_, index) => index % step === 0).slice(0, count)];
  let errors = 0;
  let differences = 0;
  let firstProblem: string | undefined;
  for (const id of sample) {
    const answer = await postGraphQL(url, JSON.stringify({ query: WIDGET_QUERY, variables: { id } }));
    if (!answer.ok) {
      errors++;
      firstProblem ??= `${id}: ${answer.body.slice(0, 300)}`;
      continue;
    }
    const served = (JSON.parse(answer.body) as { data: { similarPractices: WidgetMatch[] } }).data.similarPractices;
    const raw = await readWidgetAnswer(database.graph, id);
    if (comparable(served) !== comparable(raw)) {
      differences++;
      firstProblem ??= `${id}: GraphQL ${comparable(served).slice(0, 200)} raw ${comparable(raw).slice(0, 200)}`;
    }
  }
  return `widget query checked on ${sample.length} practices: ${errors} answered with errors, ${differences} differ from the raw read${firstProblem ? ` (first: ${firstProblem})` : ""}`;
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(2) : value.toFixed(1));

function formatRow(row: Row): string {
  const { load, sequential: seq } = row;
  return (
    `| ${row.name} | ${load.requestsPerSecond.toFixed(0)} | ${ms(load.p50)} / ${ms(load.p95)} / ${ms(load.p99)} | ` +
    `${load.errors + seq.errors} of ${load.requests + seq.count} | ${ms(seq.p50)} / ${ms(seq.p95)} (${seq.count}) | ${row.loadAverage.toFixed(1)} |`
  );
}

function formatTable(rows: Row[], connections: number, durationSeconds: number): string {
  return [
    `| What | req/s (${connections} conn., ${durationSeconds} s) | p50 / p95 / p99 ms | errors | sequential p50 / p95 ms (requests) | load avg |`,
    "|---|---|---|---|---|---|",
    ...rows.map(formatRow),
  ].join("\n");
}

async function profile(
  database: Database,
  durationSeconds: number,
  connections: number,
  wanted: (name: string) => boolean,
): Promise<void> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-profile-"));
  const service = await startService(database.uri, { profileDir });
  try {
    // The service seeds the 2023 catalogue and computes similarity at start; the ids are read after that.
    const ids = await practiceIds(database);
    const row = httpTargets(ids).find((target) => wanted(target.name));
    if (!row) throw new Error("--only selects no HTTP row to profile");
    // Warm-up, outside the window.
    await httpSequential(service.url, row.body, 50);
    await httpLoad(service.url, row.body, { connections, durationSeconds: 2 });
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const figures = await httpLoad(service.url, row.body, {
      connections,
      durationSeconds,
    });
    const toUs = Number(process.hrtime.bigint() / 1000n);
    note(
      `under the profiler: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50.toFixed(1)} ms, ${figures.errors} errors`,
    );
    const code = await service.stop();
    const file = fs.readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
    if (!file) throw new Error(`the service (exit code ${code}) wrote no profile into ${profileDir}`);
    const target = path.join(profileDir, file);
    let summary = summariseProfile(readProfile(target), { fromUs, toUs });
    if (summary.totalMs === 0) {
      note("no sample falls in the load's window (clocks differ?): summarising the whole profile");
      summary = summariseProfile(readProfile(target));
    }
    process.stdout.write(
      `Profile of ${row.name} (${connections} connections, ${durationSeconds} s; load avg ${loadAverage().toFixed(1)}): ${target}\n\n`,
    );
    process.stdout.write(formatSummary(summary));
    process.stdout.write(
      `\nAgain, or with --top N: node --require tsx/cjs scripts/http/profileSummary.ts ${target} --from ${fromUs} --to ${toUs}\n`,
    );
  } catch (error) {
    await service.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      synthetic: { type: "string", default: "0" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "32" },
      sequential: { type: "string", default: "200" },
      warmup: { type: "string", default: "2" },
      "sequential-seconds": { type: "string", default: "30" },
      only: { type: "string", multiple: true },
      profile: { type: "boolean", default: false },
    },
  });
  const synthetic = Number(values.synthetic);
  const durationSeconds = Number(values.duration);
  const connections = Number(values.connections);
  const sequentialCount = Number(values.sequential);
  const warmUpSeconds = Number(values.warmup);
  const sequentialMs = Number(values["sequential-seconds"]) * 1000;
  const wanted = (name: string) => !values.only || values.only.some((text) => name.includes(text));

  const database = await startDatabase(synthetic, note);
  try {
    if (values.profile) {
      await profile(database, durationSeconds, connections, wanted);
      return;
    }
    const started = performance.now();
    const service = await startService(database.uri);
    note(`service ready in ${((performance.now() - started) / 1000).toFixed(1)} s at ${service.url}`);
    try {
      const ids = await practiceIds(database);
      note(`${ids.length} practices; ${os.cpus().length} cores; load avg ${loadAverage().toFixed(1)}`);
      note(await checkWidget(service.url, database, ids, 50));

      const measureHttp = async (target: HttpTarget): Promise<Row> => {
        const average = loadAverage();
        const seq = await httpSequential(service.url, target.body, sequentialCount, sequentialMs);
        if (warmUpSeconds > 0)
          await httpLoad(service.url, target.body, { connections, durationSeconds: warmUpSeconds });
        const load = await httpLoad(service.url, target.body, { connections, durationSeconds });
        if (load.sampleError) note(`${target.name}: an answer with errors: ${load.sampleError}`);
        if (load.failures) note(`${target.name}: ${load.failures}`);
        return { name: target.name, load, sequential: seq, loadAverage: average };
      };
      /** The raw read, rotating over every practice. */
      const rawRequest = () => {
        let next = 0;
        return async () => (await readWidgetAnswer(database.graph, ids[next++ % ids.length]!)) !== undefined;
      };
      const measureRawRead = async (): Promise<Row> => {
        const read = rawRequest();
        const average = loadAverage();
        const seq = await sequential(sequentialCount, 20, read, sequentialMs);
        if (warmUpSeconds > 0) await closedLoop(connections, warmUpSeconds * 1000, read);
        const load = await closedLoop(connections, durationSeconds * 1000, read);
        return { name: RAW_READ, load, sequential: seq, loadAverage: average };
      };

      const rows: Row[] = [];
      const add = (row: Row) => {
        rows.push(row);
        note(formatRow(row));
      };
      for (const target of httpTargets(ids)) {
        if (wanted(target.name)) add(await measureHttp(target));
        // The raw read sits under the widget's rows.
        if (target.name.startsWith("widget query, cached") && wanted(RAW_READ)) add(await measureRawRead());
      }
      const graph =
        synthetic > 0
          ? `${ids.length} practices (${synthetic} synthetic + the 2023 catalogue)`
          : `the 2023 catalogue (${ids.length} practices)`;
      process.stdout.write(
        `\n${graph}, ${os.cpus().length} cores\n\n${formatTable(rows, connections, durationSeconds)}\n`,
      );
      const find = (prefix: string) => rows.find((row) => row.name.startsWith(prefix));
      const [uncached, cached, raw, floor] = [
        find("widget query, uncached"),
        find("widget query, cached"),
        find(RAW_READ),
        find("{ __typename }"),
      ];
      if (uncached && raw) {
        process.stdout.write(
          `\nwidget uncached / raw read, sequential p50 of the rows: ${(uncached.sequential.p50 / raw.sequential.p50).toFixed(2)}x\n`,
        );
        const uncachedTarget = httpTargets(ids).find((target) => target.name === uncached.name)!;
        const paired = await alternating(
          sequentialCount,
          20,
          {
            widget: httpRequest(service.url, uncachedTarget.body),
            raw: rawRequest(),
          },
          sequentialMs,
        );
        const { widget, raw: rawRead } = paired as Record<"widget" | "raw", SequentialFigures>;
        process.stdout.write(
          `taken in turn (${widget.count} of each, load avg ${loadAverage().toFixed(1)}): widget uncached p50 ${ms(widget.p50)} / p95 ${ms(widget.p95)} ms ` +
            `(${widget.errors} errors), raw read p50 ${ms(rawRead.p50)} / p95 ${ms(rawRead.p95)} ms: ${(widget.p50 / rawRead.p50).toFixed(2)}x\n`,
        );
      }
      if (cached && floor)
        process.stdout.write(
          `widget cached / { __typename }, req/s: ${(cached.load.requestsPerSecond / floor.load.requestsPerSecond).toFixed(2)}\n`,
        );
    } finally {
      const code = await service.stop();
      if (code !== 0) note(`the service stopped with exit code ${code}`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
