/**
 * The dry run predicts the merges of old nodes an import makes before it loads (src/ingest/load/pendingMerges.ts)
 * beside the merge itself (src/vocabulary/mergeNodes.ts): the same rules, written twice. On small graphs, each case
 * compares what the dry run reads with what the import then finds, so that either drifting fails here.
 */
import fs from "node:fs";
import type { NormalizedCatalogue, NormalizedPractice } from "../../src/ingest/catalogue";
import { readWhatTheImportWouldDo } from "../../src/ingest/command";
import { CatalogueLoadError, loadCatalogue, type CatalogueChanges, type LoadAllowances } from "../../src/ingest/load";
import { formatChanges } from "../../src/ingest/report";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import {
  applyAliasesBeforeLoad,
  predictedCounts,
  type MergedOnImport,
  type PendingMergeWithLinks,
} from "../../src/vocabulary/graphAliases";
import { resetDatabase, useTestDatabase } from "../support/database";
import { CITTA_AVELLINO, vocabularyEdited, type VocabularyEntry } from "../support/vocabulary";

type Stakeholder = NormalizedPractice["stakeholders"][number];

/**
 * Each merge as the dry run predicts its counts, beside what the import counted: exactly when the merge makes the
 * node merged into, else as many links in all (moved or doubles) as the old node had.
 */
function countsOf(predicted: readonly PendingMergeWithLinks[], merged: readonly MergedOnImport[]) {
  const made = (merges: ReadonlyArray<{ label: string; from: string; into: string }>) =>
    merges.map(({ label, from, into }) => `${label} ${from} -> ${into}`);
  expect(made(merged)).toEqual(made(predicted));
  return predicted.map((merge, index) => {
    const { moved, doubled, ownDropped } = merged[index]!;
    const counts = predictedCounts(merge);
    return counts
      ? { predicted: counts, merged: { moved, doubled, ownDropped } }
      : { predicted: merge.links, merged: moved + doubled + ownDropped };
  });
}

/** What the load would change, or why it refuses, as one text to compare. */
function outcome(read: { changes: CatalogueChanges } | { refusal: CatalogueLoadError }): string {
  return "refusal" in read ? `refused: ${read.refusal.message}` : formatChanges("changes:", read.changes);
}

describe("the dry run reads the graph as the import's merges of old nodes leave it", () => {
  const db = useTestDatabase();
  const seed = () => readSeedCatalogues()[0]!;
  const dirs: string[] = [];
  const vocabulary = (file: string, edit: (entries: VocabularyEntry[]) => VocabularyEntry[]): Vocabulary => {
    dirs.push(vocabularyEdited(file, edit));
    return loadVocabulary(dirs.at(-1));
  };
  /** agro-solidale's entry naming the seed's comune-avellino as a former id. */
  const avellinoIntoAgroSolidale = () =>
    vocabulary("stakeholders.json", (entries) =>
      entries.map((entry) => (entry.id === "agro-solidale" ? { ...entry, formerIds: ["comune-avellino"] } : entry)),
    );
  const run = (cypher: string) => db.driver.executeQuery(cypher);
  /** A stakeholder the catalogue's practice 2023-001 names on a card line of its own. */
  const namedBy2023001 = (catalogue: NormalizedCatalogue, stakeholder: Partial<Stakeholder>) => {
    const practice = catalogue.practices.find((candidate) => candidate.id === "2023-001")!;
    const avellino = catalogue.practices.flatMap((p) => p.stakeholders).find((s) => s.id === "comune-avellino")!;
    practice.stakeholders.push({ ...avellino, ...stakeholder });
  };

  /** What the dry run reads, then what the import finds once it has merged: both as outcome() gives them. */
  /**
   * What the dry run reads, then what the import finds once it has merged: both as outcome() gives them; `merged`,
   * how many merges the import made, each predicted as made (countsOf).
   */
  const dryRunThenImport = async (catalogue: NormalizedCatalogue, words: Vocabulary, allow: LoadAllowances = {}) => {
    const read = await readWhatTheImportWouldDo(db.graph, catalogue, words);
    const aliased = await applyAliasesBeforeLoad(db.graph, catalogue, words);
    for (const { predicted, merged } of countsOf(read.aliased.merges, aliased.merged))
      expect(predicted).toEqual(merged);
    const done = { dryRun: outcome(read), merged: aliased.merged.length };
    let changes: CatalogueChanges | undefined;
    try {
      await loadCatalogue(db.graph, aliased.catalogue, { allow, beforeWriting: (reading) => (changes = reading) });
    } catch (error) {
      if (!(error instanceof CatalogueLoadError) || changes !== undefined) throw error;
      return { ...done, load: outcome({ refusal: error }) };
    }
    return { ...done, load: outcome({ changes: changes! }) };
  };

  beforeEach(async () => {
    await resetDatabase(db.driver);
    await loadCatalogue(db.graph, seed());
  });
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("an old node merged into a node held: editors' links, a card link of a practice of no catalogue, a branch", async () => {
    await run(`MATCH (o:Stakeholder {id: "comune-avellino"}), (n:Stakeholder {id: "agro-solidale"}),
        (p1:Practice {id: "2023-001"}), (p2:Practice {id: "2023-002"}), (p3:Practice {id: "2023-003"}),
        (b:Stakeholder {id: "confindustria-benevento"})
      CREATE (p1)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o),
        (p2)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o), (p2)-[:INVOLVES {field: "STAKEHOLDERS"}]->(n),
        (p3)-[:INVOLVES {field: "ACTIVITIES", line: 3}]->(o),
        (:Practice {id: "1999-001"})-[:INVOLVES {field: "ACTIVITIES", line: 1}]->(o),
        (b)-[:PART_OF]->(o)`);
    const { dryRun, load, merged } = await dryRunThenImport(seed(), avellinoIntoAgroSolidale());
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
  });

  it("a chain of graph aliases, and two old nodes merged into one the graph lacks", async () => {
    await run(`MATCH (r1:Region {nuts: "ITF3"}), (r2:Region {nuts: "ITC1"}),
        (p1:Practice {id: "2023-001"}), (p2:Practice {id: "2023-002"})
      CREATE (o1:Stakeholder {id: "old-p1", name: "Old P1", kind: "MUNICIPALITY"})-[:IN_REGION]->(r1),
        (o2:Stakeholder {id: "old-p2", name: "Old P2", kind: "MUNICIPALITY"})-[:IN_REGION]->(r2),
        (p1)-[:INVOLVES {field: "ACTIVITIES", line: 7}]->(o1), (p1)-[:INVOLVES {field: "ACTIVITIES", line: 8}]->(o2),
        (p2)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o2),
        (:NodeAlias {type: "Stakeholder", from: "old-p1", into: "mid-p"}),
        (:NodeAlias {type: "Stakeholder", from: "mid-p", into: "new-p"}),
        (:NodeAlias {type: "Stakeholder", from: "old-p2", into: "new-p"})`);
    const catalogue = seed();
    namedBy2023001(catalogue, { id: "old-p1", name: "Old P1", source: { field: "activities", line: 7 } });
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, loadVocabulary());
    expect(merged).toBe(2);
    expect(dryRun).toEqual(load);
  });

  it("an organisation merged into its own branch: the branch's link to it goes, no link to itself", async () => {
    await run(`MATCH (p1:Practice {id: "2023-001"})
      CREATE (o:Stakeholder {id: "org-x", name: "Org X", kind: "MUNICIPALITY"}),
        (b:Stakeholder {id: "branch-x", name: "Branch X", kind: "MUNICIPALITY"})-[:PART_OF]->(o),
        (p1)-[:INVOLVES {field: "ACTIVITIES", line: 7}]->(b),
        (:NodeAlias {type: "Stakeholder", from: "org-x", into: "branch-x"})`);
    const catalogue = seed();
    namedBy2023001(catalogue, {
      id: "branch-x",
      name: "Branch X",
      partOf: "confindustria",
      source: { field: "activities", line: 7 },
    });
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, loadVocabulary());
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
  });

  it("a practice the edition drops, with an editor's link and card links to the old node and the new", async () => {
    await run(`MATCH (o:Stakeholder {id: "comune-avellino"}), (n:Stakeholder {id: "agro-solidale"}),
        (p3:Practice {id: "2023-003"})
      CREATE (p3)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o), (p3)-[:INVOLVES {field: "ACTIVITIES", line: 4}]->(n),
        (p3)-[:INVOLVES {field: "ACTIVITIES", line: 5}]->(o)`);
    const catalogue = seed();
    catalogue.practices = catalogue.practices.filter((practice) => practice.id !== "2023-003");
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, avellinoIntoAgroSolidale(), { drop: true });
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
  });

  it("a job centre's entry renamed, its old node held and edited: the new node made from the entry", async () => {
    const renamed = vocabulary("cpis.json", (entries) =>
      entries.map((entry) =>
        entry.id === "cpi-torino"
          ? { ...entry, id: "cpi-torino-centro", name: "CPI Torino Centro", formerIds: ["cpi-torino"] }
          : entry,
      ),
    );
    await run(`MATCH (c:Cpi {id: "cpi-torino"}) SET c.name = "edited by an editor"`);
    const { dryRun, load, merged } = await dryRunThenImport(seed(), renamed);
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
  });

  it("a job centre's entry renamed that the catalogue does not name: the new node has the entry's region", async () => {
    const renamed = vocabulary("cpis.json", (entries) =>
      entries.map((entry) =>
        entry.id === "cpi-torino" ? { ...entry, id: "cpi-torino-centro", formerIds: ["cpi-torino"] } : entry,
      ),
    );
    const catalogue = seed();
    for (const practice of catalogue.practices) practice.cpis = practice.cpis.filter((cpi) => cpi.id !== "cpi-torino");
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, renamed);
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
    // Job centres are always IN_REGION (docs/actors.md): the merge writes the entry's, no load naming it.
    const { records } = await run(`MATCH (c:Cpi) WHERE c.id STARTS WITH "cpi-torino"
      RETURN c.id AS id, [(c)-[:IN_REGION]->(r) | r.nuts] AS regions`);
    expect(records.map((record) => record.toObject())).toEqual([{ id: "cpi-torino-centro", regions: ["ITC1"] }]);
  });

  it("a new node the catalogue no longer names, made from its entry, with a branch's link to the old one", async () => {
    const cittaAvellino = vocabulary("stakeholders.json", (entries) => [...entries, CITTA_AVELLINO]);
    await run(`MATCH (o:Stakeholder {id: "comune-avellino"}), (p2:Practice {id: "2023-002"}),
        (b:Stakeholder {id: "confindustria-avellino"})
      CREATE (p2)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o), (b)-[:PART_OF]->(o)`);
    const catalogue = seed();
    const practice = catalogue.practices.find((candidate) => candidate.id === "2023-015")!;
    practice.stakeholders = practice.stakeholders.filter((stakeholder) => stakeholder.id !== "comune-avellino");
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, cittaAvellino);
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
  });

  it("an exported catalogue's editor link to an old node whose new node only the merge makes: taken by both", async () => {
    await run(`MATCH (p1:Practice {id: "2023-001"})
      CREATE (o:Stakeholder {id: "old-z", name: "Old Z", kind: "MUNICIPALITY"}),
        (p1)-[:INVOLVES {field: "STAKEHOLDERS"}]->(o),
        (:NodeAlias {type: "Stakeholder", from: "old-z", into: "new-z"})`);
    const catalogue = seed();
    const practice = catalogue.practices.find((candidate) => candidate.id === "2023-001")!;
    practice.editorLinks = [{ type: "INVOLVES", to: "old-z", field: "stakeholders" }];
    const { dryRun, load, merged } = await dryRunThenImport(catalogue, loadVocabulary());
    expect(merged).toBe(1);
    expect(dryRun).toEqual(load);
    expect(load).not.toMatch(/^refused/);
  });
});
