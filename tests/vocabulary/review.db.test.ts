import fs from "node:fs";
import path from "node:path";
import { loadCatalogue } from "../../src/ingest/load";
import { splitLines } from "../../src/ingest/parse";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { applyReview } from "../../src/vocabulary/applyReview";
import { withAliasCandidates } from "../../src/vocabulary/candidates";
import type { Graph } from "../../src/neo4j/graph";
import { applyAliasesBeforeLoad } from "../../src/vocabulary/graphAliases";
import { pendingFromCatalogue, type Decision, type ReviewFile } from "../../src/vocabulary/reviewFile";
import { runScript } from "../support/cli";
import { useTestDatabase } from "../support/database";
import { vocabularyWith } from "../support/vocabulary";
import { acceptedStakeholder, snapshotGraph } from "../support/graphSnapshot";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

/** The seed's review file with these decisions filled in, written next to the vocabulary. */
function reviewFile(dir: string, decisions: Record<string, Decision>, edit?: (review: ReviewFile) => void): string {
  const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary: loadVocabulary(dir) }).catalogue!;
  const review = pendingFromCatalogue(catalogue, SEED);
  for (const nodes of Object.values(review.kinds))
    for (const node of nodes) node.decision = decisions[node.id] ?? node.decision;
  edit?.(review);
  const file = path.join(dir, "review.json");
  fs.writeFileSync(file, `${JSON.stringify(review, null, 2)}\n`);
  return file;
}

/** What `npm run ingest` does with the seed: read with the vocabulary, apply aliases, load. */
async function importSeed(graph: Graph, dir: string) {
  const vocabulary = loadVocabulary(dir);
  const reading = readCatalogue(SEED, { sourceName: SEED, vocabulary });
  expect(reading.errors).toEqual([]);
  const aliased = await applyAliasesBeforeLoad(graph, reading.catalogue!, vocabulary);
  const report = await loadCatalogue(graph, aliased.catalogue);
  return { aliased, report };
}

const about = (id: string) => (line: string) => line.includes(`"${id}"`);
const files = (dir: string) =>
  Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));

describe("npm run vocabulary -- pending: the review file", () => {
  it("lists the seed's provisional nodes by kind, with place, spellings, lines and a pending decision", () => {
    const catalogue = readCatalogue(SEED, { sourceName: SEED }).catalogue!;
    const review = pendingFromCatalogue(catalogue, SEED);
    expect(Object.keys(review.kinds)).toEqual(["MUNICIPALITY"]);
    expect(review.kinds.MUNICIPALITY!.map((node) => node.id)).toEqual([
      "comune-aiello-del-sabato",
      "comune-angri",
      "comune-avellino",
      "comune-corbara",
      "comune-guardia-lombardi",
      "comune-maddaloni",
    ]);
    expect(review.kinds.MUNICIPALITY!.find((node) => node.id === "comune-maddaloni")).toEqual({
      id: "comune-maddaloni",
      label: "Stakeholder",
      name: "Comune di Maddaloni",
      nameEn: "Municipality of Maddaloni",
      kind: "MUNICIPALITY",
      municipality: "Maddaloni",
      municipalityIstat: "061048",
      province: "CE",
      provinceName: "Caserta",
      region: "ITF3",
      spellings: ["Comune di Maddaloni"],
      mentions: [{ practice: "2023-015", field: "activities", line: 1006 }],
      decision: "pending",
    });
    expect(pendingFromCatalogue(catalogue, SEED)).toEqual(review);
  });
});

describe("npm run vocabulary -- review: invalid review files", () => {
  let dir: string;
  beforeEach(() => {
    dir = vocabularyWith();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refused = (file: string) => {
    const before = files(dir);
    let message = "";
    try {
      applyReview(file, dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(files(dir)).toEqual(before);
    return message;
  };

  it("names the review file, its line and the node for an unknown target, a kind mismatch and a wrong file", () => {
    const file = reviewFile(dir, {
      "comune-maddaloni": "accept",
      "comune-angri": { aliasOf: "comune-nowhere" },
      "comune-corbara": { aliasOf: "anpal-servizi" },
      "comune-avellino": { aliasOf: "cpi-torino" },
    });
    const message = refused(file);
    expect(message).toContain(`${file}: nothing was written`);
    expect(message).toMatch(
      new RegExp(`${file}:\\d+ MUNICIPALITY "comune-angri": aliasOf "comune-nowhere" is no entry of stakeholders.json`),
    );
    expect(message).toMatch(
      /"comune-corbara": a MUNICIPALITY cannot be an alias of "anpal-servizi", a NATIONAL_AGENCY/,
    );
    expect(message).toMatch(
      /"comune-avellino": aliasOf "cpi-torino" is no entry of stakeholders.json: it is in cpis.json/,
    );
  });

  it("refuses an accepted node whose spelling another entry claims, as the vocabulary loader would", () => {
    const file = reviewFile(dir, { "comune-maddaloni": "accept" }, (review) => {
      review.kinds.MUNICIPALITY!.find((node) => node.id === "comune-maddaloni")!.spellings.push("Anpal Servizi");
    });
    const message = refused(file);
    expect(message).toContain("the vocabulary would not load");
    expect(message).toContain('alias "Anpal Servizi" is already claimed by entry 0 ("anpal-servizi")');
    expect(message).toMatch(new RegExp(`from ${file}:\\d+ MUNICIPALITY "comune-maddaloni"`));
    expect(message).not.toMatch(/prassi-review-(?!test)/); // the scratch copy checked is named as the real file
  });

  it("refuses a node accepted twice, an entry that exists, and a file that is no review file", () => {
    const once = reviewFile(dir, { "comune-maddaloni": "accept" });
    applyReview(once, dir);
    expect(refused(once)).toContain('accepted, but stakeholders.json has an entry "comune-maddaloni" already');
    const bad = path.join(dir, "bad-review.json");
    fs.writeFileSync(bad, JSON.stringify({ source: "x", kinds: { CPI: [{ id: "cpi-x", decision: "maybe" }] } }));
    expect(refused(bad)).toContain(bad);
  });

  it("npm run vocabulary -- review exits 1 with the problems on stderr, and 0 once the file is valid", () => {
    const file = reviewFile(dir, { "comune-angri": { aliasOf: "comune-nowhere" } });
    const before = files(dir);
    const refusal = runScript("src/vocabulary/cli.ts", ["review", file, "--vocabulary", dir]);
    expect(refusal.status).toBe(1);
    expect(refusal.stderr).toContain('"comune-angri": aliasOf "comune-nowhere" is no entry of stakeholders.json');
    expect(files(dir)).toEqual(before);
    const valid = reviewFile(dir, { "comune-maddaloni": "accept" });
    const dryRun = runScript("src/vocabulary/cli.ts", ["review", valid, "--vocabulary", dir, "--dry-run"]);
    expect(dryRun.stdout).toBe("  accepted Stakeholder comune-maddaloni\n  5 left pending\n");
    expect(files(dir)).toMatchObject({ "stakeholders.json": before["stakeholders.json"] });
    const applied = runScript("src/vocabulary/cli.ts", ["review", valid, "--vocabulary", dir]);
    expect(applied.status).toBe(0);
    expect(files(dir)["stakeholders.json"]).toContain('"id": "comune-maddaloni"');
  });
});

describe("npm run vocabulary -- review, then a re-import (docs/actors.md, Reviewing provisional nodes)", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeEach(async () => {
    await db.driver.executeQuery("MATCH (n) DETACH DELETE n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("pending --database --vocabulary DIR: the catalogue's review file, candidates from DIR, no context", async () => {
    // A curated consortium of Avellino's province: a candidate for comune-avellino, which shares its town's name.
    const consortium = {
      id: "consorzio-servizi-avellino",
      name: "Consorzio dei Servizi Sociali Avellino Tre",
      nameEn: "Avellino Tre social-services consortium",
      kind: "MUNICIPALITY",
      province: "AV",
      aliases: ["Consorzio dei Servizi Sociali Avellino Tre"],
    };
    dir = vocabularyWith(consortium);
    await importSeed(db.graph, dir);
    const listed = runScript("src/vocabulary/cli.ts", ["pending", "--database", "--vocabulary", dir]);
    expect(listed.status).toBe(0);
    const read = readCatalogue(SEED, { sourceName: SEED, vocabulary: loadVocabulary(dir) }).catalogue!;
    const lines = splitLines(fs.readFileSync(SEED, "utf8"));
    const fromCatalogue = withAliasCandidates(pendingFromCatalogue(read, SEED, lines), loadVocabulary(dir));
    const avellino = fromCatalogue.kinds.MUNICIPALITY!.find((node) => node.id === "comune-avellino")!;
    expect(avellino.candidates).toEqual([
      { id: "consorzio-servizi-avellino", name: consortium.name, why: "shares: avellino; same province AV" },
    ]);
    expect(avellino.mentions[0]!.context).toContain("Comuni di Avellino");
    // The database's nodes make the same file, candidates included, but for the context: it has no source text.
    for (const node of Object.values(fromCatalogue.kinds).flat())
      for (const mention of node.mentions) delete mention.context;
    expect({ ...(JSON.parse(listed.stdout) as ReviewFile), source: SEED }).toEqual(fromCatalogue);
  });

  it("accepting keeps the node's id, links and provenance, and makes it curated", async () => {
    dir = vocabularyWith();
    await importSeed(db.graph, dir);
    const before = (await snapshotGraph(db.driver)).graph;

    const outcome = applyReview(reviewFile(dir, { "comune-maddaloni": "accept" }), dir);
    expect(outcome).toMatchObject({ accepted: [{ label: "Stakeholder", id: "comune-maddaloni" }], pending: 5 });
    const entries = JSON.parse(fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8")) as object[];
    expect(entries.at(-1)).toEqual({
      id: "comune-maddaloni",
      name: "Comune di Maddaloni",
      nameEn: "Municipality of Maddaloni",
      kind: "MUNICIPALITY",
      municipality: "Maddaloni",
      province: "CE",
      aliases: ["Comune di Maddaloni"],
    });

    const { report, aliased } = await importSeed(db.graph, dir);
    expect(aliased.merged).toEqual([]);
    expect(report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    const after = (await snapshotGraph(db.driver)).graph;
    expect(after).toEqual(
      acceptedStakeholder(before, "comune-maddaloni", "Comune di Maddaloni", "Municipality of Maddaloni"),
    );
    expect(after.filter(about("comune-maddaloni")).filter((line) => line.includes("INVOLVES"))).toEqual([
      expect.stringMatching(/"INVOLVES".*"2023-015".*"comune-maddaloni".*"field":"ACTIVITIES","line":1006/),
    ]);
  });

  it("an alias moves the old node's card and editors' links, with their provenance, onto the entry and removes it", async () => {
    const citta = {
      id: "citta-avellino",
      name: "Città di Avellino",
      nameEn: "City of Avellino",
      kind: "MUNICIPALITY",
      municipality: "Avellino",
      aliases: ["Città di Avellino"],
    };
    dir = vocabularyWith(citta);
    await importSeed(db.graph, dir);
    // An editor linked another practice to the provisional node through the API (a link with a field, no line).
    await db.driver.executeQuery(
      `MATCH (p:Practice {id: '2023-001'}), (n:Stakeholder {id: 'comune-avellino'})
       CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(n)`,
    );
    const before = (await snapshotGraph(db.driver)).graph;
    expect(before.filter(about("citta-avellino"))).toEqual([]);

    const outcome = applyReview(reviewFile(dir, { "comune-avellino": { aliasOf: "citta-avellino" } }), dir);
    expect(outcome.aliased).toEqual([{ label: "Stakeholder", from: "comune-avellino", into: "citta-avellino" }]);
    const entry = (JSON.parse(fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8")) as object[]).at(-1);
    expect(entry).toEqual({
      ...citta,
      aliases: ["Città di Avellino", "Comune di Avellino"],
      formerIds: ["comune-avellino"],
    });

    // The reading already links the entry, with the card's line (the vocabulary's formerIds, pipeline.ts).
    const read = readCatalogue(SEED, { sourceName: SEED, vocabulary: loadVocabulary(dir) }).catalogue!;
    const card15 = read.practices.find((practice) => practice.id === "2023-015")!;
    expect(card15.stakeholders.filter((actor) => actor.id.endsWith("avellino"))).toEqual([
      expect.objectContaining({ id: "citta-avellino", source: { field: "activities", line: 996 } }),
    ]);
    const vocabulary = loadVocabulary(dir);
    const aliased = await applyAliasesBeforeLoad(db.graph, read, vocabulary);
    // Before the load, the node merged into already has the entry's values (the loader's, practiceGraph.ts).
    const { records } = await db.driver.executeQuery(
      "MATCH (n:Stakeholder {id: 'citta-avellino'}) RETURN n.name AS name, n.curated AS curated",
    );
    expect(records.map((record) => record.toObject())).toEqual([{ name: "Città di Avellino", curated: true }]);
    await loadCatalogue(db.graph, aliased.catalogue);
    // Its region link is the old node's own (the merge writes the entry's): dropped, not moved.
    expect(aliased.merged).toEqual([
      { label: "Stakeholder", from: "comune-avellino", into: "citta-avellino", moved: 2, doubled: 0, ownDropped: 1 },
    ]);
    const after = (await snapshotGraph(db.driver)).graph;
    expect(after.filter(about("comune-avellino"))).toEqual([]);
    expect(after.filter(about("citta-avellino"))).toEqual([
      '["INVOLVES",["Practice"],"2023-001",["Stakeholder"],"citta-avellino",{"field":"STAKEHOLDERS"}]',
      '["INVOLVES",["Practice"],"2023-015",["Stakeholder"],"citta-avellino",{"field":"ACTIVITIES","line":996}]',
      '["IN_REGION",["Stakeholder"],"citta-avellino",["Region"],"ITF3",{}]',
      '[["Stakeholder"],{"curated":true,"id":"citta-avellino","kind":"MUNICIPALITY","municipality":"Avellino",' +
        '"municipalityIstat":"064008","name":"Città di Avellino","nameEn":"City of Avellino","province":"AV",' +
        '"provinceName":"Avellino"}]',
    ]);
    // Nothing else changed.
    const others = (lines: string[]) =>
      lines.filter((line) => !about("comune-avellino")(line) && !about("citta-avellino")(line));
    expect(others(after)).toEqual(others(before));

    // A third import finds nothing left to merge and changes nothing.
    const again = await importSeed(db.graph, dir);
    expect(again.aliased.merged).toEqual([]);
    expect(again.report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
  });
});
