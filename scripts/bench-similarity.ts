/**
 * Similarity at scale: loads a synthetic catalogue of N practices (default 20,000) with a realistic link
 * distribution, recomputes the SIMILAR_TO edges and measures serving. Prints numbers, asserts nothing.
 *
 *   npx tsx scripts/bench-similarity.ts [N] [--refresh-only]
 *
 * --refresh-only leaves out where a rebuild's time goes and the ways of writing (half the run at 100,000).
 *
 * Without NEO4J_URI it starts the bundled Neo4j on a temporary directory and a free port. With NEO4J_URI it
 * connects as the server does (loadConfig: NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) and EMPTIES that
 * database first, so it also needs PRASSI_BENCH_ALLOW_WIPE=1.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { graphql, parse, type OperationDefinitionNode } from "graphql";
import { loadConfig } from "../src/config";
import { similarityRefresher } from "../src/graphql/refreshOnWrite";
import { buildSchema } from "../src/graphql/schema";
import { createLogger } from "../src/logger";
import { startBundledNeo4j, type BundledNeo4j } from "../src/neo4j/bundled";
import { createDriver } from "../src/neo4j/driver";
import { graphOn, type Graph } from "../src/neo4j/graph";
import { freePort } from "../src/neo4j/ports";
import { applySchema } from "../src/neo4j/schema";
import {
  buildSimilarityIndex,
  candidateCap,
  candidatesOf,
  readPracticeRecords,
  readSimilarPractices,
  recomputeSimilarity,
  refreshSimilarity,
} from "../src/similarity";
import { computeNeighbourhoods, type Neighbourhood } from "../src/similarity/neighbours";
import { featureSignature } from "../src/similarity/features";
import { LINK_KINDS } from "../src/similarity/model";
import {
  neighbourhoodRows,
  neighbourhoodWriter,
  PRACTICES_PER_TRANSACTION,
  WRITE_NEIGHBOURHOODS,
} from "../src/similarity/store";
import { loadSynthetic, randomSource, syntheticCatalogue } from "./support/syntheticCatalogue";

const random = randomSource(2023);

const EMPTY_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const CLEAR_EDGES = "MATCH ()-[s:SIMILAR_TO]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 20000 ROWS";

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));
}

async function autoCommit(graph: Graph, query: string, parameters: Record<string, unknown>): Promise<void> {
  await graph.withSession("WRITE", async (session) => {
    await session.run(query, parameters);
  });
}

type Rows = Array<Record<string, unknown>>;

/** 1,000 practices per managed transaction, one at a time, as WRITE_NEIGHBOURHOODS writes them. */
async function writeBatched(graph: Graph, rows: Rows): Promise<void> {
  const generation = randomUUID();
  for (const batch of chunks(rows, 1_000)) await graph.write(WRITE_NEIGHBOURHOODS, { rows: batch, generation });
}

/** The edges as SCORING_VERSION 3 stored them: three lists of 9 floats and one list of shared keys per kind. */
function previousFormatRows(neighbourhoods: readonly Neighbourhood[], signatures: ReadonlyMap<string, string>): Rows {
  const sharedProperty = (kind: string) => `shared${kind.charAt(0)}${kind.slice(1).toLowerCase()}`;
  return neighbourhoods.map((neighbourhood) => ({
    id: neighbourhood.practiceId,
    signature: signatures.get(neighbourhood.practiceId) ?? null,
    edges: neighbourhood.edges.map((edge) => ({
      target: edge.target,
      properties: {
        score: edge.score,
        contributions: edge.contributions,
        practiceMass: neighbourhood.mass,
        neighbourMass: edge.neighbourMass,
        ...Object.fromEntries(LINK_KINDS.map((kind, index) => [sharedProperty(kind), edge.shared[index]])),
      },
    })),
  }));
}

/** Edges holding their score alone: what writing an edge costs without its payload. */
function scoreOnly(rows: Rows): Rows {
  return rows.map((row) => ({
    ...row,
    edges: (row.edges as Array<{ target: string; properties: Record<string, unknown> }>).map(
      ({ target, properties }) => ({
        target,
        properties: { score: properties.score },
      }),
    ),
  }));
}

/**
 * Writes the same neighbourhoods (the first `sample` practices') once per way, removing the edges before each,
 * and prints the time each took: the comparison docs/similarity.md reports, run side by side. The earlier
 * comparison of batch sizes, parallel sessions, IN TRANSACTIONS and apoc.periodic.iterate is recorded there.
 */
async function compareWriteStrategies(
  graph: Graph,
  neighbourhoods: Neighbourhood[],
  signatures: Map<string, string>,
): Promise<void> {
  const rows = neighbourhoodRows(neighbourhoods, signatures);
  const previous = previousFormatRows(neighbourhoods, signatures);
  const edges = neighbourhoods.reduce((total, neighbourhood) => total + neighbourhood.edges.length, 0);
  console.log(
    `write strategies     ${neighbourhoods.length} practices, ${edges} edges each, on a graph without SIMILAR_TO edges`,
  );
  const strategies: Array<[string, () => Promise<unknown>]> = [
    ["warm-up (1,000/tx, compact edges; not compared: query plans and page cache)", () => writeBatched(graph, rows)],
    ["1,000/tx, previous edges (3 per-kind lists, 9 shared-key lists)", () => writeBatched(graph, previous)],
    ["1,000/tx, compact edges (27 floats in one list, prefixed shared keys in one)", () => writeBatched(graph, rows)],
    ["1,000/tx, edges holding their score alone (the cost of no payload)", () => writeBatched(graph, scoreOnly(rows))],
    [
      `chosen: neighbourhoodWriter (${PRACTICES_PER_TRANSACTION}/tx, 1 in flight, fed 100 practices at a time)`,
      async () => {
        const writer = neighbourhoodWriter(graph, signatures);
        for (const slice of chunks(neighbourhoods, 100)) await writer.write(slice);
        return writer.finish();
      },
    ],
    ["1,000/tx, previous edges again (drift)", () => writeBatched(graph, previous)],
  ];
  for (const [name, write] of strategies) {
    await autoCommit(graph, CLEAR_EDGES, {});
    const [outcome, ms] = await timed(() =>
      write().then(
        () => "",
        (error: { code?: string; message?: string }) => `  failed: ${error.code ?? error.message}`,
      ),
    );
    const { records } = await graph.write("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS edges");
    const written = Number(records[0]!.get("edges"));
    const rate = written > 0 ? `${((ms / written) * 1000).toFixed(0).padStart(4)} µs/edge` : "";
    console.log(
      `  ${name.padEnd(82)} ${seconds(ms).padStart(7)}  ${rate}  load ${loadAverage()}${written === edges ? "" : `  (${written} edges)`}${outcome}`,
    );
  }
  await autoCommit(graph, CLEAR_EDGES, {});
}

/** An editor's write on one practice, as the API's link edit commits it: a target group linked, or unlinked. */
const EDIT_ONE_PRACTICE = `
MATCH (p:Practice {id: $practice})
OPTIONAL MATCH (p)-[linked:TARGETS]->(:TargetGroup {id: $targetGroup})
WITH p, linked
CALL (p, linked) { WITH linked WHERE linked IS NOT NULL DELETE linked }
CALL (p, linked) { WITH p, linked WHERE linked IS NULL MATCH (t:TargetGroup {id: $targetGroup}) CREATE (p)-[:TARGETS]->(t) }`;

/** A new practice with a few links, as the API's create would commit it. */
const CREATE_ONE_PRACTICE = `
MATCH (r:Region {nuts: 'ITC3'}), (t:TargetGroup {id: $targetGroup}), (s:Stakeholder {id: 'anpal-servizi'}), (l:Lep {code: 'F1'})
CREATE (p:Practice {id: $practice, title: 'Bench practice ' + $practice})
CREATE (p)-[:IN_REGION]->(r), (p)-[:TARGETS]->(t), (p)-[:INVOLVES]->(s), (p)-[:IMPLEMENTS]->(l)`;

/** The figures of a series of refreshes, p50 and max, with the load average (1, 5, 15 minutes) at its end. */
function summary(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const [p50, max] = [percentile(sorted, 0.5), sorted[sorted.length - 1]!].map((ms) => ms.toFixed(0));
  console.log(`${label} p50 ${p50} ms, max ${max} ms (${times.length} refreshes; load ${loadAverage()})`);
}

const pickPractice = (size: number) => `bench-${String(Math.floor(random() * size)).padStart(6, "0")}`;
const pickTargetGroup = () => `target-${Math.floor(random() * 20)}`; // drawn often: they exist

/** The full refresh (what every write ran before issue 9) after edits and creations of one practice, through Cypher. */
async function timeFullRefresh(graph: Graph, size: number): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round < 6; round++) {
    const created = round % 3 === 2;
    const practice = created ? `bench-new-${round}` : pickPractice(size);
    const write = created ? CREATE_ONE_PRACTICE : EDIT_ONE_PRACTICE;
    await graph.write(write, { practice, targetGroup: pickTargetGroup() });
    const [refreshed, ms] = await timed(() => refreshSimilarity(graph));
    times.push(ms);
    console.log(
      `  ${created ? "new practice   " : "edited practice"} ${practice}: ${ms.toFixed(0)} ms, ${refreshed.length} practices recomputed (load ${loadAverage()})`,
    );
  }
  summary("full refresh (before)     ", times);
}

const LINK = `mutation Link($practice: ID!, $targetGroup: ID!) {
  updatePractices(
    where: { id: { eq: $practice } }
    update: { targets: [{ connect: [{ where: { node: { id: { eq: $targetGroup } } }, edge: { field: TARGETS } }] }] }
  ) { practices { id } }
}`;
const UNLINK = `mutation Unlink($practice: ID!, $targetGroup: ID!) {
  updatePractices(
    where: { id: { eq: $practice } }
    update: { targets: [{ disconnect: [{ where: { node: { id: { eq: $targetGroup } } } }] }] }
  ) { practices { id } }
}`;
const CREATE = `mutation Create($practice: ID!, $targetGroup: ID!) {
  createPractices(input: [{
    id: $practice, catalogNumber: 1, printedNumber: "1", title: "Bench practice", summary: "-", territorialLevel: LOCAL,
    ongoing: true, anpalSupport: NO, sourceStartLine: 1, sourceEndLine: 1,
    regions: { connect: [{ where: { node: { nuts: { eq: "ITC3" } } }, edge: { field: REGION } }] },
    targets: { connect: [{ where: { node: { id: { eq: $targetGroup } } }, edge: { field: TARGETS } }] },
    stakeholders: { connect: [{ where: { node: { id: { eq: "anpal-servizi" } } }, edge: { field: STAKEHOLDERS } }] },
    leps: { connect: [{ where: { node: { code: { eq: "F1" } } }, edge: { field: LEPS } }] }
  }]) { practices { id } }
}`;

/**
 * The refresh an API write runs now: the mutation executed through the schema as an editor, then the plugin's entry
 * point (refreshOnWrite.ts, afterWrite), which analyses the document and refreshes around the practices it names.
 */
async function timeTargetedRefresh(graph: Graph, size: number): Promise<void> {
  const { driver, database } = graph;
  const { schema } = await buildSchema(driver, randomUUID());
  const refresher = similarityRefresher(graph, createLogger("warn"));
  const [, loadMs] = await timed(() => refresher.live.refreshAll("bench: the live index is loaded"));
  console.log(`live index loaded    ${seconds(loadMs)} (a full refresh; load ${loadAverage()})`);
  const jwt = { roles: ["editor"], sub: "bench" };
  const contextValue = { executionContext: driver, sessionConfig: { database }, jwt };
  const times: number[] = [];
  for (let round = 0; round < 12; round++) {
    const created = round % 3 === 2;
    const practice = created ? `bench-api-new-${round}` : pickPractice(size);
    const targetGroup = pickTargetGroup();
    const { records } = await graph.write(
      "MATCH (:Practice {id: $practice})-[linked:TARGETS]->(:TargetGroup {id: $targetGroup}) RETURN count(*) AS linked",
      { practice, targetGroup },
    );
    const source = created ? CREATE : Number(records[0]!.get("linked")) > 0 ? UNLINK : LINK;
    const variables = { practice, targetGroup };
    const written = await graphql({ schema, source, variableValues: variables, contextValue });
    if (written.errors) throw new Error(`the bench's write failed: ${written.errors[0]!.message}`);
    const operation = parse(source).definitions[0] as OperationDefinitionNode;
    const [report, ms] = await timed(() => refresher.afterWrite(schema, operation, variables));
    times.push(ms);
    const what = created ? "new practice   " : source === LINK ? "linked target  " : "unlinked target";
    const steps = Object.entries(report?.steps ?? {}).map(([step, stepMs]) => `${step} ${stepMs.toFixed(0)}`);
    const outcome = `${report?.mode}, ${report?.rewritten.length} rewritten`;
    console.log(`  ${what} ${practice}: ${ms.toFixed(0)} ms (${steps.join(", ")}), ${outcome} (load ${loadAverage()})`);
  }
  refresher.live.close();
  summary("targeted refresh (after)  ", times);
}

type Connection = { graph: Graph; stop: () => Promise<void> };

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
    return { graph: graphOn(driver, database), stop: () => driver.close() };
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
    graph: graphOn(driver),
    stop: async () => {
      await driver.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where a full rebuild's time goes (read, index, compute, write), and how the ways of writing compare. */
async function profileRebuild(graph: Graph, size: number): Promise<void> {
  const [records, readMs] = await timed(() => readPracticeRecords(graph));
  const [index, indexMs] = await timed(async () => buildSimilarityIndex(records));
  const sampleSize = Math.min(5_000, Math.ceil(size / 4));
  const cpuBefore = process.cpuUsage();
  const [sampleNeighbourhoods, computeMs] = await timed(async () =>
    computeNeighbourhoods(index, index.practiceIds.slice(0, sampleSize)),
  );
  const computeCpu = process.cpuUsage(cpuBefore).user / 1000;
  const sample = Array.from({ length: 200 }, () => Math.floor(random() * size));
  const candidates = sample.map((position) => candidatesOf(index, position).length).sort((a, b) => a - b);
  const capped = index.generates.reduce((total, generates) => total + (generates ? 0 : 1), 0);
  console.log(`read bipartite       ${seconds(readMs)}; index ${seconds(indexMs)} (load ${loadAverage()})`);
  console.log(
    `compute              ${seconds(computeMs)} for ${sampleSize} practices (${seconds(computeCpu)} of CPU; ${seconds((computeMs * size) / sampleSize)} for all, extrapolated)`,
  );
  console.log(
    `  candidate cap      ${candidateCap(size)} practices; ${capped} of ${index.itemKey.length} items capped`,
  );
  console.log(
    `  candidates         p50 ${percentile(candidates, 0.5)}, p95 ${percentile(candidates, 0.95)} per practice`,
  );
  const signatures = new Map(records.map((record) => [record.id, featureSignature(record)]));
  await compareWriteStrategies(graph, sampleNeighbourhoods, signatures);
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 20_000);
  const refreshOnly = process.argv.includes("--refresh-only");
  const { graph, stop } = await connect();
  try {
    await applySchema(graph);
    const practices = syntheticCatalogue(size, random);
    const [, loadMs] = await timed(() => loadSynthetic(graph, practices));
    const links = practices.reduce(
      (total, p) =>
        total +
        1 +
        p.leps.length +
        p.targets.length +
        p.stakeholders.length +
        p.funding.length +
        p.cpis.length +
        p.laws.length +
        p.tools.length +
        p.buildsOn.length,
      0,
    );
    console.log(`practices            ${size}`);
    console.log(`links loaded         ${links} (${(links / size).toFixed(1)} per practice)`);
    console.log(`load                 ${seconds(loadMs)}`);

    if (!refreshOnly) await profileRebuild(graph, size);

    const [result, recomputeMs] = await timed(() => recomputeSimilarity(graph));
    const heapAfterRecompute = process.memoryUsage();
    console.log(
      `full rebuild         ${seconds(recomputeMs)} (${result.practices} practices; read, index, compute and write; load ${loadAverage()})`,
    );
    console.log(
      `edges written        ${result.relationships} (${(result.relationships / size).toFixed(1)} per practice)`,
    );

    await timeFullRefresh(graph, size);
    await timeTargetedRefresh(graph, size);

    const latencies: { single: number[]; batch: number[] } = { single: [], batch: [] };
    const reader = graph.reader();
    const pickIds = (count: number) => Array.from({ length: count }, () => practices[Math.floor(random() * size)]!.id);
    await readSimilarPractices(reader, pickIds(10), "BALANCED", 5); // warm-up
    for (let round = 0; round < 100; round++) {
      latencies.single.push((await timed(() => readSimilarPractices(reader, pickIds(1), "BALANCED", 5)))[1]);
      latencies.batch.push((await timed(() => readSimilarPractices(reader, pickIds(10), "SERVICES", 5)))[1]);
    }
    for (const [name, values] of Object.entries(latencies)) {
      const sorted = values.sort((a, b) => a - b);
      const label = name === "single" ? "read 1 practice   " : "read 10 practices ";
      console.log(
        `${label}   p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms (100 calls)`,
      );
    }
    console.log(
      `heap used            ${megabytes(heapAfterRecompute.heapUsed)} after recompute (rss ${megabytes(heapAfterRecompute.rss)})`,
    );
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
