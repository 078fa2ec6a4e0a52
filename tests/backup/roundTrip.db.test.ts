import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NormalizedCatalogueSchema } from "../../src/ingest/catalogue";
import { loadCatalogue } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { VocabularySnapshotSchema } from "../../src/backup/exportFormat";
import { sha256 } from "../../src/backup/manifest";
import { recomputeSimilarity } from "../../src/similarity";
import { exportDatabase, ingest } from "../support/cli";
import { countGraph, resetDatabase, useTestDatabase } from "../support/database";
import { snapshotGraph, type GraphSnapshot } from "../support/graphSnapshot";

/** Writes as @neo4j/graphql does for an editor: properties set, links with a field and no line, nodes created bare. */
const EDITORS_CHANGES = [
  "MATCH (p:Practice {id: '2023-004'}) SET p.results = 'Dati aggiornati dalla redazione nel 2024.'",
  // 2024-001 builds on 2023-009: the restore must not take the retitling for another practice under that id.
  "MATCH (p:Practice {id: '2023-009'}) SET p.title = 'Laboratori nelle scuole calabresi'",
  "MATCH (p:Practice {id: '2023-011'}), (t:TargetGroup {id: 'donne'}) CREATE (p)-[:TARGETS {field: 'TARGETS'}]->(t)",
  "MATCH (p:Practice {id: '2023-016'}), (l:Lep {code: 'M'}) CREATE (p)-[:IMPLEMENTS {field: 'LEPS'}]->(l)",
  `MATCH (p:Practice {id: '2023-016'})
   CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(:Stakeholder {id: 'fondazione-zefiro', name: 'Fondazione Zefiro', kind: 'THIRD_SECTOR'})`,
  "CREATE (:Tool {id: 'bacheca-zefiro', name: 'Bacheca Zefiro'})",
  // A link to a practice of the later catalogue, which a restore writes after the 2023 one.
  "MATCH (p:Practice {id: '2023-012'}), (q:Practice {id: '2024-001'}) CREATE (p)-[:BUILDS_ON {field: 'DRIVER'}]->(q)",
  "MATCH (:Practice {id: '2023-001'})-[r:INVOLVES]->(:Stakeholder {id: 'anpal-servizi'}) DELETE r",
  // The API's connect creates a second relationship beside the card's own one.
  "MATCH (p:Practice {id: '2023-004'}), (s:Stakeholder {id: 'regione-liguria'}) CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(s)",
];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-export-"));
const exportDir = (name: string) => path.join(scratch, name);
const files = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), "utf8")]),
  );
const edit = (file: string, change: (text: string) => string) =>
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));

/** A copy of the first export, damaged as `damage` does it, and the problem a restore must name. */
function damagedCopy(name: string, damage: (dir: string) => void, problem: string): { dir: string; problem: string } {
  const dir = exportDir(name);
  fs.cpSync(exportDir("first"), dir, { recursive: true });
  damage(dir);
  return { dir, problem };
}

describe("npm run export, and npm run ingest -- DIR to restore it, on the 2023 graph with editors' changes", () => {
  const db = useTestDatabase({ seed: true });
  let exported: GraphSnapshot;
  beforeAll(async () => {
    // A later catalogue building on a 2023 practice: the restore must load them oldest first.
    const later = readCatalogue(path.resolve(__dirname, "../fixtures/catalogues/later-edition.md"), {
      sourceName: "later-edition.md",
    });
    await loadCatalogue(db.graph, later.catalogue!);
    for (const cypher of EDITORS_CHANGES) await db.driver.executeQuery(cypher);
    await recomputeSimilarity(db.graph);
    exported = await snapshotGraph(db.driver);
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("writes the catalogue and the vocabulary, editors' changes included, byte-identical on a second export", () => {
    const first = exportDatabase(exportDir("first"));
    expect(first.stdout).toBe(
      `Exported 2 catalogue(s), 17 practices and the vocabulary to ${exportDir("first")}: ` +
        "vocabulary.json, anpal-2023.catalogue.json, anpal-2024.catalogue.json, manifest.json\n",
    );
    expect(first.status).toBe(0);
    expect(exportDatabase(exportDir("second")).status).toBe(0);
    expect(files(exportDir("second"))).toEqual(files(exportDir("first")));

    const { practices } = NormalizedCatalogueSchema.parse(
      JSON.parse(files(exportDir("first"))["anpal-2023.catalogue.json"]!),
    );
    const practice = (id: string) => practices.find((candidate) => candidate.id === id)!;
    expect(practice("2023-004").fields.results).toBe("Dati aggiornati dalla redazione nel 2024.");
    expect(practice("2023-009")).toMatchObject({
      title: "Laboratori nelle scuole calabresi",
      cardTitle: "A scuola di orientamento al lavoro con i CPI",
    });
    expect(practice("2023-011").editorLinks).toEqual([{ type: "TARGETS", to: "donne", field: "targets" }]);
    expect(practice("2023-016").editorLinks).toEqual([
      { type: "IMPLEMENTS", to: "M", field: "leps" },
      { type: "INVOLVES", to: "fondazione-zefiro", field: "stakeholders" },
    ]);
    expect(practice("2023-001").stakeholders.map((stakeholder) => stakeholder.id)).not.toContain("anpal-servizi");
    const vocabulary = VocabularySnapshotSchema.parse(JSON.parse(files(exportDir("first"))["vocabulary.json"]!));
    expect(vocabulary.tools).toContainEqual({ id: "bacheca-zefiro", name: "Bacheca Zefiro" });
    expect(vocabulary.regions).toHaveLength(21);
  });

  it("refuses to restore into a database that is not empty, and writes nothing", async () => {
    const before = await countGraph(db.driver);
    const run = ingest(exportDir("first"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the database holds \d+ node\(s\): a restore writes into an empty database only/);
    expect(await countGraph(db.driver)).toEqual(before);
  });

  it("refuses, in its dry run as in a restore, an export with a file missing, changed or added, and writes nothing", async () => {
    const damaged = [
      damagedCopy(
        "missing",
        (dir) => fs.rmSync(path.join(dir, "anpal-2024.catalogue.json")),
        "anpal-2024.catalogue.json is missing",
      ),
      damagedCopy(
        "changed",
        (dir) =>
          edit(path.join(dir, "vocabulary.json"), (text) => text.replace('"Bacheca Zefiro"', '"Bacheca Zefira"')),
        "vocabulary.json was changed after the export: its SHA-256 is not the one manifest.json gives",
      ),
      damagedCopy(
        "added",
        (dir) => fs.copyFileSync(path.join(dir, "anpal-2024.catalogue.json"), path.join(dir, "extra.catalogue.json")),
        "extra.catalogue.json is not in manifest.json",
      ),
      damagedCopy("unlisted", (dir) => fs.rmSync(path.join(dir, "manifest.json")), "has no manifest.json"),
    ];
    await resetDatabase(db.driver);
    for (const { dir, problem } of damaged) {
      for (const run of [ingest(dir, "--dry-run"), ingest(dir)]) {
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(problem);
      }
    }
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("refuses, in its dry run as in a restore, a link to a node the export does not hold, naming its file and line", async () => {
    const { dir } = damagedCopy(
      "dangling",
      (copy) => {
        const file = path.join(copy, "anpal-2023.catalogue.json");
        edit(file, (text) => text.replace('"to": "donne"', '"to": "donne-in-rete"'));
        edit(path.join(copy, "manifest.json"), (text) =>
          text.replace(/("anpal-2023\.catalogue\.json": )"\w+"/, `$1"${sha256(fs.readFileSync(file, "utf8"))}"`),
        );
      },
      "",
    );
    const file = path.join(dir, "anpal-2023.catalogue.json");
    const line =
      1 +
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .findIndex((row) => row.includes(`"donne-in-rete"`));
    for (const run of [ingest(dir, "--dry-run"), ingest(dir)]) {
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        `  ${file}:${line}: 2023-011 has an editor's TARGETS link to TargetGroup 'donne-in-rete', but vocabulary.json does not list it\n`,
      );
    }
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("compares what it wrote with the counts of manifest.json, and writes nothing when they differ", async () => {
    const { dir } = damagedCopy(
      "counts",
      (copy) =>
        edit(path.join(copy, "manifest.json"), (text) =>
          text.replace(/"nodes": (\d+)/, (_, n: string) => `"nodes": ${Number(n) + 1}`),
        ),
      "",
    );
    const run = ingest(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /the restore wrote \d+ node\(s\) and \d+ relationship\(s\), but manifest\.json says the database held \d+ and \d+/,
    );
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("restores into an empty database the same graph: every node, relationship and property, and the same similarity", async () => {
    const run = ingest(exportDir("first"));
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Export .*: 2 catalogue\(s\) \(anpal-2023, anpal-2024\), 17 practices, 5 link\(s\) added by editors; vocabulary: \d+ nodes\n/,
    );
    const after = await snapshotGraph(db.driver);
    expect(after.graph).toEqual(exported.graph);
    expect(after.similarity).toEqual(exported.similarity);
  });

  it("adds no editor's link twice when an exported catalogue is loaded again", async () => {
    const before = await countGraph(db.driver);
    const catalogue = NormalizedCatalogueSchema.parse(
      JSON.parse(files(exportDir("first"))["anpal-2023.catalogue.json"]!),
    );
    const report = await loadCatalogue(db.graph, catalogue);
    expect(report.relationshipsCreated).toBe(0);
    expect(await countGraph(db.driver)).toEqual(before);
  });

  it("says what the files cannot carry, exits 1, and marks the export incomplete, which a restore refuses", async () => {
    await db.driver.executeQuery("CREATE (:Practice {id: '2023-900', title: 'Una pratica senza catalogo'})");
    const run = exportDatabase(exportDir("incomplete"));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "INCOMPLETE: 1 thing(s) the database holds are in no file (a restore would lack them):\n  (:Practice '2023-900') is in no file of the export\n",
    );
    await db.driver.executeQuery("MATCH (p:Practice {id: '2023-900'}) DELETE p");
    const restore = ingest(exportDir("incomplete"), "--dry-run");
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain(
      "manifest.json marks the export incomplete: the database held what its files cannot carry (a restore would lack it):\n    (:Practice '2023-900') is in no file of the export",
    );
  });

  it("refuses to write into a directory that is not empty", () => {
    const run = exportDatabase(exportDir("first"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${exportDir("first")} is not empty: export into a new or empty directory`);
  });
});

describe("restoring the export of an empty database", () => {
  const db = useTestDatabase();
  const dir = exportDir("empty");

  it("gives an empty database back", async () => {
    expect(exportDatabase(dir).status).toBe(0);
    expect(ingest(dir).status).toBe(0);
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });
});
