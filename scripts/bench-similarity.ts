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
import { LEPS } from "../src/ingest/lep";
import { REGIONS } from "../src/ingest/regions";
import { createLogger } from "../src/logger";
import { startBundledNeo4j, type BundledNeo4j } from "../src/neo4j/bundled";
import { createDriver } from "../src/neo4j/driver";
import { freePort } from "../src/neo4j/ports";
import { graphReader } from "../src/neo4j/reader";
import { applySchema } from "../src/neo4j/schema";
import { buildSimilarityIndex, candidateCap, candidatesOf, readPracticeRecords, readSimilarPractices, recomputeSimilarity } from "../src/similarity";

const PRACTICES_PER_LOAD = 2_000;

/** Deterministic pseudo-random numbers, so that two runs load the same catalogue. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const random = randomSource(2023);

/** Draws from `size` items with Zipf popularity: item k is drawn with probability ∝ 1 / (k+1)^exponent. */
function zipf(size: number, exponent: number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) cumulative[k] = total += 1 / (k + 1) ** exponent;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function between(min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function draw(count: number, next: () => number, prefix: string): string[] {
  return [...new Set(Array.from({ length: count }, () => `${prefix}-${next()}`))];
}

type SyntheticPractice = {
  id: string;
  region: string;
  leps: string[];
  targets: string[];
  stakeholders: string[];
  funding: string[];
  cpis: string[];
  laws: string[];
  tools: string[];
  buildsOn: string[];
};

const CPIS_PER_REGION = 26; // about 550 job centres in Italy

/**
 * Like the real catalogue, scaled: one region, a few LEPs, targets from a small vocabulary, two near-ubiquitous
 * actors (ANPAL Servizi, "centri per l'impiego") plus a long tail of local ones, the job centres of its region,
 * a few laws and tools; 2% build on an earlier practice.
 */
function syntheticCatalogue(size: number): SyntheticPractice[] {
  const region = zipf(REGIONS.length, 0.6);
  const lep = zipf(LEPS.length, 1);
  const target = zipf(80, 1);
  const actor = zipf(Math.max(1_000, size / 2), 1.05);
  const funding = zipf(15, 1.2);
  const cpi = zipf(CPIS_PER_REGION, 0.8);
  const law = zipf(300, 1.1);
  const tool = zipf(120, 1.1);
  return Array.from({ length: size }, (_, n) => {
    const nuts = REGIONS[region()]!.nuts;
    const stakeholders = draw(between(1, 6), actor, "actor");
    if (random() < 0.75) stakeholders.push("anpal-servizi");
    if (random() < 0.85) stakeholders.push("centri-per-l-impiego");
    return {
      id: `bench-${String(n).padStart(6, "0")}`,
      region: nuts,
      leps: [...new Set(Array.from({ length: between(1, 4) }, () => LEPS[lep()]!.code))],
      targets: draw(between(1, 5), target, "target"),
      stakeholders,
      funding: draw(between(1, 2), funding, "funding"),
      cpis: draw(between(0, 4), cpi, `cpi-${nuts}`),
      laws: draw(between(0, 3), law, "law"),
      tools: draw(between(0, 2), tool, "tool"),
      buildsOn: n > 0 && random() < 0.02 ? [`bench-${String(Math.floor(random() * n)).padStart(6, "0")}`] : [],
    };
  });
}

/** Item nodes first (MERGE on their keys), then practices and their links, in batches. */
const MERGE_ITEMS = `
UNWIND $items AS item
CALL (item) {
  WITH item WHERE item.label = 'Lep' MERGE (:Lep {code: item.key})
  UNION
  WITH item WHERE item.label = 'Region' MERGE (:Region {nuts: item.key})
  UNION
  WITH item WHERE item.label = 'TargetGroup' MERGE (n:TargetGroup {id: item.key}) SET n.name = item.key
  UNION
  WITH item WHERE item.label = 'Stakeholder' MERGE (n:Stakeholder {id: item.key}) SET n.name = item.key
  UNION
  WITH item WHERE item.label = 'FundingSource' MERGE (n:FundingSource {id: item.key}) SET n.name = item.key
  UNION
  WITH item WHERE item.label = 'Cpi' MERGE (n:Cpi {id: item.key}) SET n.name = item.key
  UNION
  WITH item WHERE item.label = 'Law' MERGE (n:Law {id: item.key}) SET n.title = item.key
  UNION
  WITH item WHERE item.label = 'Tool' MERGE (n:Tool {id: item.key}) SET n.name = item.key
}`;

const MERGE_LEP_PARENTS = `
UNWIND $leps AS lep
MERGE (l:Lep {code: lep.code}) SET l.name = lep.name
WITH l, lep WHERE lep.parent IS NOT NULL
MERGE (parent:Lep {code: lep.parent})
MERGE (l)-[:PART_OF]->(parent)`;

const CREATE_PRACTICES = `
UNWIND $practices AS row
CREATE (p:Practice {id: row.id, title: 'Synthetic practice ' + row.id})
WITH p, row
CALL (p, row) { MATCH (n:Region {nuts: row.region}) CREATE (p)-[:IN_REGION]->(n) }
CALL (p, row) { UNWIND row.leps AS key MATCH (n:Lep {code: key}) CREATE (p)-[:IMPLEMENTS]->(n) }
CALL (p, row) { UNWIND row.targets AS key MATCH (n:TargetGroup {id: key}) CREATE (p)-[:TARGETS]->(n) }
CALL (p, row) { UNWIND row.stakeholders AS key MATCH (n:Stakeholder {id: key}) CREATE (p)-[:INVOLVES]->(n) }
CALL (p, row) { UNWIND row.funding AS key MATCH (n:FundingSource {id: key}) CREATE (p)-[:FUNDED_BY]->(n) }
CALL (p, row) { UNWIND row.cpis AS key MATCH (n:Cpi {id: key}) CREATE (p)-[:DELIVERED_AT]->(n) }
CALL (p, row) { UNWIND row.laws AS key MATCH (n:Law {id: key}) CREATE (p)-[:REFERENCES]->(n) }
CALL (p, row) { UNWIND row.tools AS key MATCH (n:Tool {id: key}) CREATE (p)-[:USES]->(n) }`;

const LINK_LINEAGE = `
UNWIND $links AS link
MATCH (p:Practice {id: link.from}), (q:Practice {id: link.to})
CREATE (p)-[:BUILDS_ON]->(q)`;

const EMPTY_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";

async function loadSynthetic(driver: Driver, practices: SyntheticPractice[], database?: string): Promise<void> {
  const run = (query: string, parameters: Record<string, unknown>) => driver.executeQuery(query, parameters, { database });
  await run(MERGE_LEP_PARENTS, { leps: LEPS.map((lep) => ({ code: lep.code, name: lep.name, parent: lep.parent ?? null })) });
  const items = new Map<string, { label: string; key: string }>();
  const add = (label: string, keys: string[]) => keys.forEach((key) => items.set(`${label}:${key}`, { label, key }));
  for (const practice of practices) {
    add("Region", [practice.region]);
    add("TargetGroup", practice.targets);
    add("Stakeholder", practice.stakeholders);
    add("FundingSource", practice.funding);
    add("Cpi", practice.cpis);
    add("Law", practice.laws);
    add("Tool", practice.tools);
  }
  const all = [...items.values()];
  for (let start = 0; start < all.length; start += 10_000) await run(MERGE_ITEMS, { items: all.slice(start, start + 10_000) });
  for (let start = 0; start < practices.length; start += PRACTICES_PER_LOAD) {
    await run(CREATE_PRACTICES, { practices: practices.slice(start, start + PRACTICES_PER_LOAD) });
  }
  const links = practices.flatMap((practice) => practice.buildsOn.map((to) => ({ from: practice.id, to })));
  await run(LINK_LINEAGE, { links });
}

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
    const practices = syntheticCatalogue(size);
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
