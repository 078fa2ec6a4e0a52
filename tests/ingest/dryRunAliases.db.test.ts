import fs from "node:fs";
import { loadConfig } from "../../src/config";
import { compareWithDatabase } from "../../src/ingest/command";
import type { NormalizedCatalogue } from "../../src/ingest/catalogue";
import { loadCatalogue, type CatalogueChanges, type LoadAllowances } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { formatChanges } from "../../src/ingest/report";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import { mergeNodes } from "../../src/vocabulary/editorMerge";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { applyAliasesBeforeLoad } from "../../src/vocabulary/graphAliases";
import { ingest } from "../support/cli";
import { resetDatabase, testNeo4jUri, useTestDatabase } from "../support/database";
import { snapshotGraph } from "../support/graphSnapshot";
import { CITTA_AVELLINO, vocabularyWith, type VocabularyEntry } from "../support/vocabulary";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";
const DRY_RUN = `What loading it would change in what ${testNeo4jUri()} holds (read only, nothing written):`;
const LOAD = "What the load changes in what the database holds (read in its transaction, before writing):";

/** The seed's provisional "Comune di Angri" accepted by an expert, after an editor merged it away. */
const COMUNE_ANGRI = {
  id: "comune-angri",
  name: "Comune di Angri",
  nameEn: "Municipality of Angri",
  kind: "MUNICIPALITY",
  municipality: "Angri",
  aliases: ["Comune di Angri"],
};

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
  const db = useTestDatabase();
  const stamp = async () =>
    (await db.driver.executeQuery("MATCH (v:GraphVersion) RETURN v.stamp AS stamp")).records[0]?.get("stamp");
  const dirs: string[] = [];
  const vocabularyAdding = (...added: VocabularyEntry[]) => {
    dirs.push(vocabularyWith(...added));
    return loadVocabulary(dirs.at(-1));
  };
  const compare = (catalogue: NormalizedCatalogue, vocabulary: Vocabulary, allow: LoadAllowances = {}) =>
    compareWithDatabase(loadConfig({ NEO4J_URI: testNeo4jUri() }), catalogue, vocabulary, allow);
  /** What `npm run ingest` does (src/ingest/cli.ts): merge the old nodes, then load, listing the changes first. */
  const importCatalogue = async (catalogue: NormalizedCatalogue, vocabulary: Vocabulary) => {
    const aliased = await applyAliasesBeforeLoad(db.graph, catalogue, vocabulary);
    let changes: CatalogueChanges | undefined;
    await loadCatalogue(db.graph, aliased.catalogue, { beforeWriting: (read) => (changes = read) });
    return { ...aliased, changes: changes! };
  };
  // Each case from the seed as loaded, then merged by an editor: none depends on what another imported.
  beforeEach(async () => {
    await resetDatabase(db.driver);
    await loadCatalogue(db.graph, readSeedCatalogues()[0]!);
    // An editor's merge through the API (editorMerge.ts): the old node goes, a NodeAlias records it.
    const merged = await mergeNodes(db.graph, {
      label: "Stakeholder",
      from: "comune-angri",
      into: "agro-solidale",
      editor: "redazione",
    });
    expect(merged.userErrors).toEqual([]);
  });
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

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
    const withAlias = vocabularyAdding(CITTA_AVELLINO);
    const reading = readCatalogue(SEED, { sourceName: SEED, vocabulary: withAlias });
    expect(reading.errors).toEqual([]);
    const before = await snapshotGraph(db.driver);
    expect(before.graph.filter((line) => line.includes('"comune-avellino"'))).not.toEqual([]);
    const stampBefore = await stamp();

    const dryRun = await compare(reading.catalogue!, withAlias);
    expect(await snapshotGraph(db.driver)).toEqual(before);
    expect(await stamp()).toEqual(stampBefore);

    const { merged, changes } = await importCatalogue(reading.catalogue!, withAlias);
    // The card's link moves; the old node's region goes, the merge writes the entry's.
    expect(merged).toEqual([
      { label: "Stakeholder", from: "comune-avellino", into: "citta-avellino", moved: 1, doubled: 0, ownDropped: 1 },
    ]);
    expect(dryRun).toEqual({
      refused: false,
      warnings: [],
      report:
        "1 node(s) would be merged into the node they became (vocabulary formerIds, graph aliases), before loading:\n" +
        "  Stakeholder comune-avellino -> citta-avellino: citta-avellino made from its vocabulary entry, with its 1 " +
        "region and organisation link(s): 1 link(s) to move, 0 the other already had, " +
        "1 of its own without provenance dropped (region, organisation)\n" +
        formatChanges(DRY_RUN, changes),
    });
    // The card's link moves to the new node: no practice loses it or gains it again. The merge makes the new node
    // from its entry, with the entry's region (the old node's goes): the load finds it, and both say nothing of it.
    expect(changes.practices).toEqual([]);
    expect(changes.shared.links).toEqual([]);
  });

  it("says which graph aliases the vocabulary overrides, as the import does", async () => {
    const accepted = vocabularyAdding(COMUNE_ANGRI);
    const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary: accepted }).catalogue!;
    const before = await snapshotGraph(db.driver);
    const dryRun = await compare(catalogue, accepted);
    expect(await snapshotGraph(db.driver)).toEqual(before);

    const { warnings, changes } = await importCatalogue(catalogue, accepted);
    expect(warnings).toEqual([expect.stringMatching(/^\(:NodeAlias \{type: "Stakeholder", from: "comune-angri", /)]);
    // The entry's node is linked again, as the card names it.
    expect(changes.practices).toMatchObject([
      { id: "2023-015", addedLinks: [{ type: "INVOLVES", to: "comune-angri" }] },
    ]);
    // The warnings go apart from the report, which the CLI writes on stdout and the warnings on stderr, as the import.
    expect(dryRun).toEqual({ refused: false, warnings, report: formatChanges(DRY_RUN, changes) });
  });

  it("refused, says that the merges would still be made, as the import makes them before its load refuses", async () => {
    const withAlias = vocabularyAdding(CITTA_AVELLINO);
    const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary: withAlias }).catalogue!;
    const edition = { ...catalogue, practices: catalogue.practices.filter((practice) => practice.id !== "2023-016") };

    const dryRun = await compare(edition, withAlias);
    expect(dryRun.refused).toBe(true);
    expect(dryRun.report).toContain("--allow-drop deletes them\n");
    expect(dryRun.report).toMatch(
      /\n {2}the 1 merge\(s\) above would still be made: they commit before the load, which refuses\n$/,
    );

    const aliased = await applyAliasesBeforeLoad(db.graph, edition, withAlias);
    await expect(loadCatalogue(db.graph, aliased.catalogue)).rejects.toThrow("--allow-drop deletes them");
    expect(aliased.merged).toMatchObject([{ from: "comune-avellino", into: "citta-avellino" }]);
    const left = await db.driver.executeQuery("MATCH (n:Stakeholder {id: 'comune-avellino'}) RETURN n");
    expect(left.records).toEqual([]);
  });
});
