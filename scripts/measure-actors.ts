/**
 * The figures of docs/actors.md: on a catalogue the vocabulary has never seen (scripts/support/actorCatalogue.ts),
 * the share of designator-named job centres linked, and placed in their municipality, province and region; of local
 * branches kept apart from their national organisation; of the Fondo Sociale Europeo named in running text linked
 * as the curated fund; the ids of chambers and branches named under several spellings of their province, and of the
 * same-named schools of every region; the provisional nodes by kind; and the import's time, parse
 * and extraction, load, similarity, into a throw-away bundled Neo4j seeded with the 2023 catalogue (or NEO4J_URI).
 *
 *   node --require tsx/cjs scripts/measure-actors.ts [cards, default 1000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCommandLogger } from "../src/logger";
import { loadCatalogue } from "../src/ingest/load";
import { readCatalogue } from "../src/ingest/pipeline";
import { provisionalNodes } from "../src/ingest/extract/provisionalList";
import { graphOn } from "../src/neo4j/graph";
import { municipalityByIstat } from "../src/reference/gazetteer";
import { recomputeSimilarity } from "../src/similarity";
import { actorCatalogue } from "./support/actorCatalogue";
import { runBenchmark, withThrowawayService } from "./support/throwawayService";

const seconds = (from: bigint) => (Number(process.hrtime.bigint() - from) / 1e9).toFixed(1);
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

async function main(): Promise<void> {
  const cards = Number(process.argv[2] ?? 1_000);
  const { text, expected } = actorCatalogue(2031, cards);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-measure-actors-"));
  const file = path.join(dir, "actors-2031.md");
  fs.writeFileSync(file, text);
  try {
    let started = process.hrtime.bigint();
    const reading = readCatalogue(file, { sourceName: "actors-2031.md" });
    if (!reading.catalogue) throw new Error(reading.errors.map((error) => error.message).join("\n"));
    const catalogue = reading.catalogue;
    console.log(`${cards} cards: parse and extraction ${seconds(started)} s (the gazetteer's first load included)`);

    let linked = 0;
    let placed = 0;
    let apart = 0;
    for (const practice of catalogue.practices) {
      const { istat, region } = expected.cpis.get(practice.id)!;
      const cpi = practice.cpis.find((candidate) => candidate.municipalityIstat === istat);
      if (cpi) linked += 1;
      if (cpi && cpi.region === region && cpi.province === municipalityByIstat(istat)!.province.sigla) placed += 1;
      const { national } = expected.branches.get(practice.id)!;
      const branch = practice.stakeholders.find((stakeholder) => stakeholder.partOf === national);
      if (branch && practice.stakeholders.some((stakeholder) => stakeholder.id === national)) apart += 1;
    }
    console.log(
      `job centres linked ${percent(linked, cards)}, ` +
        `placed in municipality, province and region ${percent(placed, cards)}`,
    );
    console.log(`branches apart from (and PART_OF) their national organisation ${percent(apart, cards)}`);
    const fse = catalogue.practices.filter(
      (practice) => expected.fse.has(practice.id) && practice.funding.some((fund) => fund.id === "fse"),
    );
    console.log(`Fondo Sociale Europeo in running text linked as fse ${percent(fse.length, expected.fse.size)}`);
    // One id per chamber or branch of a province, whatever its spelling; one school node per region.
    const spelled = new Set<string>();
    const spelledIds = new Set<string>();
    const schools = new Set<string>();
    for (const practice of catalogue.practices) {
      const sigla = expected.spelled.get(practice.id);
      for (const prefix of sigla === undefined ? [] : ["cciaa-", "confagricoltura-"]) {
        spelled.add(`${prefix}${sigla}`);
        for (const { id } of practice.stakeholders) if (id.startsWith(prefix)) spelledIds.add(id);
      }
      for (const { id, kind } of practice.stakeholders) if (kind === "SCHOOL") schools.add(id);
    }
    console.log(`chambers and branches named under several spellings: ${spelled.size}, ids ${spelledIds.size}`);
    const regions = new Set(catalogue.practices.map((practice) => practice.region.nuts)).size;
    console.log(`"Istituto Tecnico Enrico Fermi" in ${regions} regions: ${schools.size} school nodes`);
    const byKind = [...provisionalNodes(catalogue)].map(([kind, nodes]) => `${kind} ${nodes.length}`).join(", ");
    console.log(`provisional nodes: ${byKind}`);

    const log = createCommandLogger("error");
    await withThrowawayService("measure-actors", {}, log, async ({ driver }) => {
      const graph = graphOn(driver);
      started = process.hrtime.bigint();
      await loadCatalogue(graph, catalogue);
      console.log(`load ${seconds(started)} s`);
      started = process.hrtime.bigint();
      const similarity = await recomputeSimilarity(graph);
      console.log(`similarity ${seconds(started)} s (${similarity.practices} practices, the 2023 seed's included)`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
