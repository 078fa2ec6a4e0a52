import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { compareWithDatabase } from "../../src/ingest/command";
import { loadCatalogue, type CatalogueChanges } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { formatChanges } from "../../src/ingest/report";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { mergeNodes } from "../../src/vocabulary/editorMerge";
import { applyAliasesBeforeLoad } from "../../src/vocabulary/graphAliases";
import { ingest } from "../support/cli";
import { testNeo4jUri, useTestDatabase } from "../support/database";
import { snapshotGraph } from "../support/graphSnapshot";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";
const VOCABULARY = path.join(__dirname, "../../seed/vocabulary");
const DRY_RUN = `What loading it would change in what ${testNeo4jUri()} holds (read only, nothing written):`;
const LOAD = "What the load changes in what the database holds (read in its transaction, before writing):";

/** The entry `npm run vocabulary -- review` writes for the seed's provisional "Comune di Avellino" made an alias of it. */
const CITTA_AVELLINO = {
  id: "citta-avellino",
  name: "Città di Avellino",
  nameEn: "City of Avellino",
  kind: "MUNICIPALITY",
  municipality: "Avellino",
  aliases: ["Città di Avellino", "Comune di Avellino"],
  formerIds: ["comune-avellino"],
};

/** A copy of the seed vocabulary with that entry added to stakeholders.json, as an expert's review leaves it. */
function vocabularyWithAlias(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-dry-run-alias-test-"));
  for (const name of fs.readdirSync(VOCABULARY)) fs.copyFileSync(path.join(VOCABULARY, name), path.join(dir, name));
  const file = path.join(dir, "stakeholders.json");
  const entries = JSON.parse(fs.readFileSync(file, "utf8")) as object[];
  fs.writeFileSync(file, `${JSON.stringify([...entries, CITTA_AVELLINO], null, 2)}\n`);
  return dir;
}

/** The list of changes a report gives under its heading: the heading's line and the indented lines after it. */
function changesUnder(heading: string, report: string): string {
  const start = report.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const [first, ...rest] = report.slice(start + heading.length).split("\n");
  const indented = rest.slice(
    0,
    rest.findIndex((line) => !line.startsWith("  ")),
  );
  return [first, ...indented].join("\n");
}

describe("a dry run after nodes were merged into others reads the graph as the import will leave it", () => {
  const db = useTestDatabase({ seed: true });
  const stamp = async () =>
    (await db.driver.executeQuery("MATCH (v:GraphVersion) RETURN v.stamp AS stamp")).records[0]?.get("stamp");
  let dir: string;
  beforeAll(async () => {
    dir = vocabularyWithAlias();
    // An editor's merge through the API (editorMerge.ts): the old node goes, a NodeAlias records it.
    const merged = await mergeNodes(db.graph, {
      label: "Stakeholder",
      from: "comune-angri",
      into: "agro-solidale",
      editor: "redazione",
    });
    expect(merged.userErrors).toEqual([]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("maps the catalogue through the graph's NodeAlias: `--dry-run` lists what the import then changes", async () => {
    const before = await snapshotGraph(db.driver);
    const stampBefore = await stamp();
    const dryRun = ingest(SEED, "--dry-run");
    expect({ status: dryRun.status, stderr: dryRun.stderr }).toEqual({
      status: 0,
      stderr: "ingest: dry run: nothing was written\n",
    });
    expect(await snapshotGraph(db.driver)).toEqual(before);
    expect(await stamp()).toEqual(stampBefore);

    const load = ingest(SEED);
    expect(load.status).toBe(0);
    // The card's link to the old node is agro-solidale's, which 2023-015 has: nothing to add, as the load finds.
    expect(changesUnder(DRY_RUN, dryRun.stdout)).toEqual(changesUnder(LOAD, load.stdout));
    expect(changesUnder(DRY_RUN, dryRun.stdout)).toMatch(/^ nothing \(/);
  });

  it("reads an old node the graph holds (a vocabulary formerId) as merged, lists the merge, writes nothing", async () => {
    const vocabulary = loadVocabulary(dir);
    const reading = readCatalogue(SEED, { sourceName: SEED, vocabulary });
    expect(reading.errors).toEqual([]);
    const catalogue = reading.catalogue!;
    const before = await snapshotGraph(db.driver);
    expect(before.graph.filter((line) => line.includes('"comune-avellino"'))).not.toEqual([]);
    const stampBefore = await stamp();

    const dryRun = await compareWithDatabase(loadConfig({ NEO4J_URI: testNeo4jUri() }), catalogue, vocabulary, {});
    expect(await snapshotGraph(db.driver)).toEqual(before);
    expect(await stamp()).toEqual(stampBefore);

    // What `npm run ingest` does (src/ingest/cli.ts): merge the old nodes, then load, listing the changes first.
    const aliased = await applyAliasesBeforeLoad(db.graph, catalogue, vocabulary);
    expect(aliased.merged).toMatchObject([{ label: "Stakeholder", from: "comune-avellino", into: "citta-avellino" }]);
    let changes: CatalogueChanges | undefined;
    await loadCatalogue(db.graph, aliased.catalogue, { beforeWriting: (read) => (changes = read) });

    expect(dryRun).toEqual({
      refused: false,
      report:
        "1 node(s) would be merged into the node they became (vocabulary formerIds, graph aliases), before loading:\n" +
        "  Stakeholder comune-avellino -> citta-avellino: 2 link(s) to move, less those citta-avellino already has\n" +
        formatChanges(DRY_RUN, changes!),
    });
    // The card's link moves to the new node: no practice loses it or gains it again. The merge makes the new node
    // from its entry, without the old node's region, which the load then writes: both say so.
    expect(changes!.practices).toEqual([]);
    expect(changes!.shared.links).toEqual([
      { label: "Stakeholder", key: "citta-avellino", type: "IN_REGION", before: [], after: "ITF3" },
    ]);
  });
});
