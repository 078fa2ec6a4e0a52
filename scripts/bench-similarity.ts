/**
 * Similarity at scale: loads a synthetic catalogue of N practices (default 20,000) with a realistic link
 * distribution, recomputes the SIMILAR_TO edges and measures serving. Prints numbers, asserts nothing.
 *
 *   npx tsx scripts/bench-similarity.ts [N]
 *
 * Without NEO4J_URI it starts the bundled Neo4j on a temporary directory and a free port. With NEO4J_URI it
 * connects as the server does (loadConfig: NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) and EMPTIES that
 * database first, so it also needs PRASSI_BENCH_ALLOW_WIPE=1.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { startBundledNeo4j, type BundledNeo4j } from "../src/neo4j/bundled";
import { createDriver } from "../src/neo4j/driver";
import { freePort } from "../src/neo4j/ports";
import { graphReader } from "../src/neo4j/reader";
import { applySchema } from "../src/neo4j/schema";
import { buildSimilarityIndex, candidateCap, candidatesOf, readPracticeRecords, readSimilarPractices, recomputeSimilarity } from "../src/similarity";
import { loadSynthetic, randomSource, syntheticCatalogue } from "./support/syntheticCatalogue";

const random = randomSource(2023);

const EMPTY_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

type Connection = { driver: Driver; database?: string; stop: () => Promise<void> };

async function connect(): Promise<Connection> {
  const { neo4j: external } = loadConfig();
  if (external.uri !== undefined) {
    const database = external.database;
    if (process.env.PRASSI_BENCH_ALLOW_WIPE !== "1") {
      const which = database === undefined ? "the default database" : `database "${database}"`;
      throw new Error(`the benchmark empties ${which} of NEO4J_URI: set PRASSI_BENCH_ALLOW_WIPE=1 to agree`);
    }
    const driver = createDriver({ ...external, uri: external.uri });
    try {
      // An auto-commit session: CALL { } IN TRANSACTIONS cannot run in a managed transaction.
      const session = driver.session({ database });
      try {
        await session.run(EMPTY_DATABASE);
      } finally {
        await session.close();
      }
    } catch (error) {
      await driver.close();
      throw error;
    }
    return { driver, database, stop: () => driver.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-bench-"));
  const neo4j: BundledNeo4j = await startBundledNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: process.env.PRASSI_BENCH_HEAP ?? "4g",
    pageCache: "2g",
    log: createLogger("warn"),
  });
  const driver = createDriver({ uri: neo4j.uri });
  return {
    driver,
    stop: async () => {
      await driver.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 20_000);
  const { driver, database, stop } = await connect();
  try {
    await applySchema(driver, database);
    const practices = syntheticCatalogue(size, random);
    const [, loadMs] = await timed(() => loadSynthetic(driver, practices, database));
    const links = practices.reduce(
      (total, p) => total + 1 + p.leps.length + p.targets.length + p.stakeholders.length + p.funding.length + p.cpis.length + p.laws.length + p.tools.length + p.buildsOn.length,
      0,
    );
    console.log(`practices            ${size}`);
    console.log(`links loaded         ${links} (${(links / size).toFixed(1)} per practice)`);
    console.log(`load                 ${seconds(loadMs)}`);

    const [result, recomputeMs] = await timed(() => recomputeSimilarity(driver, { database }));
    const heapAfterRecompute = process.memoryUsage();
    console.log(`recompute            ${seconds(recomputeMs)} (${result.practices} practices)`);
    console.log(`edges written        ${result.relationships} (${(result.relationships / size).toFixed(1)} per practice)`);

    // Where the recompute time goes, and how many candidates the cap leaves per practice.
    const [records, readMs] = await timed(() => readPracticeRecords(driver, database));
    const [index, indexMs] = await timed(async () => buildSimilarityIndex(records));
    const sample = Array.from({ length: 200 }, () => Math.floor(random() * size));
    const candidates = sample.map((position) => candidatesOf(index, position).length).sort((a, b) => a - b);
    const capped = index.generates.reduce((total, generates) => total + (generates ? 0 : 1), 0);
    console.log(`  read bipartite     ${seconds(readMs)}; index ${seconds(indexMs)}`);
    console.log(`  candidate cap      ${candidateCap(size)} practices; ${capped} of ${index.itemKey.length} items capped`);
    console.log(`  candidates         p50 ${percentile(candidates, 0.5)}, p95 ${percentile(candidates, 0.95)} per practice`);

    const latencies: { single: number[]; batch: number[] } = { single: [], batch: [] };
    const reader = graphReader(driver, { database });
    const pickIds = (count: number) => Array.from({ length: count }, () => practices[Math.floor(random() * size)]!.id);
    await readSimilarPractices(reader, pickIds(10), "BALANCED", 5); // warm-up
    for (let round = 0; round < 100; round++) {
      latencies.single.push((await timed(() => readSimilarPractices(reader, pickIds(1), "BALANCED", 5)))[1]);
      latencies.batch.push((await timed(() => readSimilarPractices(reader, pickIds(10), "SERVICES", 5)))[1]);
    }
    for (const [name, values] of Object.entries(latencies)) {
      const sorted = values.sort((a, b) => a - b);
      const label = name === "single" ? "read 1 practice   " : "read 10 practices ";
      console.log(`${label}   p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms (100 calls)`);
    }
    console.log(`heap used            ${megabytes(heapAfterRecompute.heapUsed)} after recompute (rss ${megabytes(heapAfterRecompute.rss)})`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
