import fs from "node:fs";
import os from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { NormalizedCatalogue, NormalizedPractice } from "../../src/ingest/catalogue";
import { readWhatTheImportWouldDo } from "../../src/ingest/command";
import { CatalogueLoadError, loadCatalogue, type CatalogueChanges } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { readSeedCatalogues, seedMissingCatalogues } from "../../src/ingest/seed";
import { createLogger } from "../../src/logger";
import type { Graph } from "../../src/neo4j/graph";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { countGraph, resetDatabase, useTestDatabase } from "../support/database";

/** What the dry run reads (src/ingest/command/compare.ts): the changes, or its refusal thrown as the load throws it. */
async function dryRunChanges(graph: Graph, catalogue: NormalizedCatalogue): Promise<CatalogueChanges> {
  const read = await readWhatTheImportWouldDo(graph, catalogue, loadVocabulary());
  if ("refusal" in read) throw read.refusal;
  return read.changes;
}

const [catalogue2023] = readSeedCatalogues() as [NormalizedCatalogue];
/** A one-card 2024 catalogue whose card says it replicates the LAB PAL model of 2023's card 9. */
const catalogue2024 = readCatalogue(join(__dirname, "../fixtures/catalogues/later-edition.md"), {
  sourceName: "later-edition.md",
}).catalogue as NormalizedCatalogue;

async function rows<T>(driver: Driver, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(cypher, parameters);
  return records.map((record) => record.toObject() as T);
}

describe("loading the 2023 catalogue into Neo4j", () => {
  const db = useTestDatabase();

  it("writes the 16 practices with their region, LEPs and catalogue", async () => {
    const report = await loadCatalogue(db.graph, catalogue2023);
    expect(report).toMatchObject({ practices: 16, nodesMatched: 0, relationshipsMatched: 0, nodesDeleted: 0 });

    const practices = await rows<{ id: string; region: string; leps: string[]; catalog: string }>(
      db.driver,
      `MATCH (p:Practice)-[:LISTED_IN]->(c:Catalog), (p)-[:IN_REGION]->(r:Region)
       RETURN p.id AS id, r.nuts AS region, c.id AS catalog, [(p)-[:IMPLEMENTS]->(l) | l.code] AS leps ORDER BY id`,
    );
    expect(practices.map((practice) => practice.id)).toEqual(catalogue2023.practices.map((practice) => practice.id));
    expect(practices.every((practice) => practice.catalog === "anpal-2023" && practice.leps.length > 0)).toBe(true);
    expect(practices.find((practice) => practice.id === "2023-004")).toMatchObject({ region: "ITC3" });
  });

  it("has all 21 PES territories, with or without practices, and LEP sub-codes part of their parent", async () => {
    const [regions] = await rows<{ n: number }>(db.driver, "MATCH (r:Region) RETURN count(r) AS n");
    expect(regions!.n).toBe(21);
    const parts = await rows<{ code: string }>(
      db.driver,
      "MATCH (l:Lep)-[:PART_OF]->(:Lep {code: 'F'}) RETURN l.code AS code ORDER BY code",
    );
    expect(parts.map((part) => part.code)).toEqual(["F1", "F2", "F3"]);
  });

  it("gives every link read from a card its provenance: card field and source line inside the card", async () => {
    const links = await rows<{ type: string; field: string | null; line: number | null; start: number; end: number }>(
      db.driver,
      `MATCH (p:Practice)-[r]->() WHERE NOT type(r) IN ['LISTED_IN', 'SIMILAR_TO']
       RETURN type(r) AS type, r.field AS field, r.line AS line, p.sourceStartLine AS start, p.sourceEndLine AS end`,
    );
    expect(links.length).toBeGreaterThan(200);
    for (const link of links) {
      expect(link.field).toMatch(/^[A-Z_]+$/);
      expect(link.line).toBeGreaterThanOrEqual(link.start);
      expect(link.line).toBeLessThanOrEqual(link.end);
    }
  });

  it("links card 12 to card 9 as lineage and one ANPAL Servizi node to many practices", async () => {
    const lineage = await rows<{ field: string }>(
      db.driver,
      "MATCH (:Practice {id: '2023-012'})-[r:BUILDS_ON]->(:Practice {id: '2023-009'}) RETURN r.field AS field",
    );
    expect(lineage).toHaveLength(1);
    const anpal = await rows<{ nodes: number; practices: number }>(
      db.driver,
      "MATCH (s:Stakeholder) WHERE s.name =~ '(?i)anpal servizi.*' RETURN count(DISTINCT s) AS nodes, COUNT { (s)<-[:INVOLVES]-() } AS practices",
    );
    expect(anpal).toEqual([{ nodes: 1, practices: expect.any(Number) }]);
    expect(anpal[0]!.practices).toBeGreaterThanOrEqual(10);
  });

  it("changes nothing when the same catalogue is imported again", async () => {
    const before = await countGraph(db.driver);
    const report = await loadCatalogue(db.graph, catalogue2023);
    expect(await countGraph(db.driver)).toEqual(before);
    expect(report).toMatchObject({
      nodesCreated: 0,
      relationshipsCreated: 0,
      nodesDeleted: 0,
      relationshipsDeleted: 0,
    });
    expect(report.nodesMatched).toBe(before.nodes);
    expect(report.relationshipsMatched).toBe(before.relationships);
  });

  it("leaves the database exactly as it was when a load fails half-way", async () => {
    const before = await countGraph(db.driver);
    const snapshot = await rows(db.driver, "MATCH (p:Practice) RETURN p.id AS id, p.title AS title ORDER BY id");
    const renamed = catalogue2023.practices.map((practice) => ({ ...practice, title: `${practice.title} (edited)` }));
    // A value Neo4j cannot store, on the last practice: the titles above it were already written in the transaction.
    const broken = {
      ...catalogue2023,
      practices: [...renamed.slice(0, -1), { ...renamed.at(-1)!, startYear: { not: "a year" } }],
    };
    await expect(loadCatalogue(db.graph, broken as unknown as NormalizedCatalogue)).rejects.toThrow();
    expect(await countGraph(db.driver)).toEqual(before);
    expect(await rows(db.driver, "MATCH (p:Practice) RETURN p.id AS id, p.title AS title ORDER BY id")).toEqual(
      snapshot,
    );
  });

  it("removes what an edited edition of the catalogue no longer says, and reports it as it removes it", async () => {
    const [first, ...others] = catalogue2023.practices;
    const edited = {
      ...catalogue2023,
      practices: [{ ...first!, stakeholders: first!.stakeholders.slice(1) }, ...others.slice(0, -1)],
    };
    const dropped = first!.stakeholders[0]!.id;
    const previewed = await dryRunChanges(db.graph, edited);
    await expect(loadCatalogue(db.graph, edited)).rejects.toThrow("--allow-drop deletes them");
    const report = await loadCatalogue(db.graph, edited, { allow: { drop: true } });
    expect(report.nodesDeleted).toBe(1);
    expect(report.changes.practices).toEqual(previewed.practices);
    expect(report.changes.practices).toEqual([
      expect.objectContaining({
        id: first!.id,
        dropped: false,
        lostLinks: [
          { type: "INVOLVES", to: dropped, field: "STAKEHOLDERS", line: first!.stakeholders[0]!.source.line },
        ],
        addedLinks: [],
        clearedFields: [],
        rewrittenFields: [],
      }),
      // 26 with INVOLVES confprofessioni, the national organisation of the branch the card names (docs/actors.md)
      expect.objectContaining({ id: "2023-016", dropped: true, linkCount: 26 }),
    ]);
    const stillLinked = await rows(
      db.driver,
      "MATCH (:Practice {id: $id})-[:INVOLVES]->(s:Stakeholder {id: $dropped}) RETURN s",
      {
        id: first!.id,
        dropped,
      },
    );
    expect(stillLinked).toEqual([]);
    expect(await rows(db.driver, "MATCH (p:Practice {id: '2023-016'}) RETURN p")).toEqual([]);
    await loadCatalogue(db.graph, catalogue2023);
  });
});

describe("a later catalogue building on a practice of an earlier one", () => {
  const db = useTestDatabase();
  const lineage =
    "MATCH (:Practice {id: '2024-001'})-[r:BUILDS_ON]->(:Practice {id: '2023-009'}) RETURN r.field AS field, r.line AS line";
  /** The 2023 catalogue with its 9th practice edited; card 12 no longer resolves its lineage to it, as the importer would. */
  const with2023Practice9 = (
    edit: (practice: NormalizedPractice) => NormalizedPractice | undefined,
  ): NormalizedCatalogue => ({
    ...catalogue2023,
    practices: catalogue2023.practices.flatMap((practice) =>
      practice.id === "2023-009"
        ? (edit(practice) ?? [])
        : [{ ...practice, buildsOn: practice.buildsOn.filter((link) => link.id !== "2023-009") }],
    ),
  });

  it("is refused, with its file and line, and writes nothing while the earlier practice is not in the database; a dry run says so too", async () => {
    const refusal =
      "later-edition.md:25 card 1: builds on practice 2023-009 'A scuola di orientamento al lavoro con i CPI' (LAB PAL), " +
      "which is not in the database: import the catalogue that lists it first";
    await expect(dryRunChanges(db.graph, catalogue2024)).rejects.toThrow(refusal);
    const load = loadCatalogue(db.graph, catalogue2024);
    await expect(load).rejects.toBeInstanceOf(CatalogueLoadError);
    await expect(load).rejects.toThrow(refusal);
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("links to that practice once its catalogue is loaded, and keeps the link when the earlier catalogue is re-imported", async () => {
    await loadCatalogue(db.graph, catalogue2023);
    await loadCatalogue(db.graph, catalogue2024);
    expect(await rows(db.driver, lineage)).toEqual([{ field: "DRIVER", line: 25 }]);
    const report = await loadCatalogue(db.graph, catalogue2023);
    expect(report.changes.brokenLineage).toEqual([]);
    expect(await rows(db.driver, lineage)).toEqual([{ field: "DRIVER", line: 25 }]);
  });

  it("is refused when the database holds another practice under that id (ids are index positions), and writes nothing", async () => {
    const renumbered = with2023Practice9((practice) => ({ ...practice, title: "Rete Spazio Lavoro bis" }));
    await expect(loadCatalogue(db.graph, renumbered)).rejects.toThrow(
      "lists another practice under 1 id(s) the database holds (2023-009)",
    );
    await loadCatalogue(db.graph, renumbered, { allow: { renumber: true } });
    const before = await countGraph(db.driver);
    await expect(loadCatalogue(db.graph, catalogue2024)).rejects.toThrow(
      "builds on practice 2023-009 'A scuola di orientamento al lavoro con i CPI' (LAB PAL), but the database's 2023-009 is 'Rete Spazio Lavoro bis'",
    );
    expect(await countGraph(db.driver)).toEqual(before);
    await loadCatalogue(db.graph, catalogue2023, { allow: { renumber: true } });
  });

  it("loses its link, said in the report, when a new edition of the earlier catalogue gives the id to another practice or drops it", async () => {
    await loadCatalogue(db.graph, catalogue2024);
    expect(await rows(db.driver, lineage)).toHaveLength(1);
    const retitled = await loadCatalogue(
      db.graph,
      with2023Practice9((practice) => ({ ...practice, title: "Rete Spazio Lavoro bis" })),
      {
        allow: { renumber: true },
      },
    );
    expect(retitled.changes.brokenLineage.map((link) => link.message)).toEqual([
      "2024-001 built on 2023-009 'A scuola di orientamento al lavoro con i CPI', but this edition lists 'Rete Spazio Lavoro bis' " +
        "under that id: link removed; point seed/vocabulary/lineage.json's introducedIn (or introducedBy, if only the title " +
        "changed) at the right practice and import anpal-2024 catalogue again",
    ]);
    expect(await rows(db.driver, lineage)).toEqual([]);

    await loadCatalogue(db.graph, catalogue2023, { allow: { renumber: true } });
    await loadCatalogue(db.graph, catalogue2024);
    const dropped = await loadCatalogue(
      db.graph,
      with2023Practice9(() => undefined),
      { allow: { drop: true } },
    );
    expect(dropped.changes.brokenLineage.map((link) => link.message)).toEqual([
      expect.stringContaining(
        "2024-001 built on 2023-009 'A scuola di orientamento al lavoro con i CPI', but this edition drops it",
      ),
    ]);
    expect(
      await rows(db.driver, "MATCH (p:Practice {id: '2024-001'}) RETURN count { (p)-[:BUILDS_ON]->() } AS n"),
    ).toEqual([{ n: 0 }]);
  });

  it("links to the practice, and keeps the link on a re-import, after an editor retitled it through the API", async () => {
    await resetDatabase(db.driver);
    await loadCatalogue(db.graph, catalogue2023);
    await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2023-009'}) SET p.title = 'Laboratori nelle scuole calabresi'",
    );
    await loadCatalogue(db.graph, catalogue2024);
    expect(await rows(db.driver, lineage)).toEqual([{ field: "DRIVER", line: 25 }]);
    const again = await loadCatalogue(db.graph, catalogue2024);
    expect(again.changes.brokenLineage).toEqual([]);
    expect(await rows(db.driver, lineage)).toEqual([{ field: "DRIVER", line: 25 }]);
  });

  it("keeps its link, and an editor's beside it, when an editor retitled the practice and the unchanged earlier edition is imported again", async () => {
    await loadCatalogue(db.graph, catalogue2023);
    await loadCatalogue(db.graph, catalogue2024);
    await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2023-009'}) SET p.title = 'Laboratori nelle scuole calabresi'",
    );
    await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2024-001'}), (q:Practice {id: '2023-009'}) CREATE (p)-[:BUILDS_ON {field: 'RESULTS'}]->(q)",
    );
    const report = await loadCatalogue(db.graph, catalogue2023);
    expect(report.changes.brokenLineage).toEqual([]);
    expect(await rows(db.driver, `${lineage} ORDER BY field`)).toEqual([
      { field: "DRIVER", line: 25 },
      { field: "RESULTS", line: null },
    ]);
  });
});

describe("practice ids shared by two catalogues", () => {
  const db = useTestDatabase({ seed: true });

  it("refuse a second catalogue of the same edition year, naming the catalogue that holds them, and write nothing", async () => {
    const before = await countGraph(db.driver);
    const titles = await rows(db.driver, "MATCH (p:Practice) RETURN p.id AS id, p.title AS title ORDER BY id");
    const regional = { ...catalogue2023, catalog: { ...catalogue2023.catalog, id: "lazio-2023" } };
    const refusal =
      "16 of its practice ids (2023-001...) belong to catalogue 'anpal-2023': ids are <year>-<index>, so one graph holds one catalogue per edition year";
    await expect(dryRunChanges(db.graph, regional)).rejects.toThrow(refusal);
    await expect(loadCatalogue(db.graph, regional)).rejects.toThrow(refusal);
    expect(await countGraph(db.driver)).toEqual(before);
    expect(await rows(db.driver, "MATCH (p:Practice) RETURN p.id AS id, p.title AS title ORDER BY id")).toEqual(titles);
  });

  it("do not keep npm start from serving: such a seed is skipped", async () => {
    const dir = fs.mkdtempSync(join(os.tmpdir(), "prassi-seed-"));
    try {
      fs.writeFileSync(
        join(dir, "lazio-2023.catalogue.json"),
        JSON.stringify({ ...catalogue2023, catalog: { ...catalogue2023.catalog, id: "lazio-2023" } }),
      );
      const before = await countGraph(db.driver);
      expect(await seedMissingCatalogues(db.graph, createLogger("silent"), { dir })).toBe(0);
      expect(await countGraph(db.driver)).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start", () => {
  const db = useTestDatabase();
  const log = createLogger("silent");

  it("loads the seed catalogues the database lacks, once", async () => {
    expect(await seedMissingCatalogues(db.graph, log)).toBe(1);
    const [practices] = await rows<{ n: number }>(db.driver, "MATCH (p:Practice) RETURN count(p) AS n");
    expect(practices!.n).toBe(16);
    expect(await seedMissingCatalogues(db.graph, log)).toBe(0);
  });

  it("loads a seed committed later at the next start, oldest edition first whatever the file names", async () => {
    const dir = fs.mkdtempSync(join(os.tmpdir(), "prassi-seed-"));
    try {
      // The 2024 file sorts first by name; it builds on 2023-009, so loading it first would fail.
      fs.writeFileSync(join(dir, "a-2024.catalogue.json"), JSON.stringify(catalogue2024));
      fs.writeFileSync(join(dir, "z-2023.catalogue.json"), JSON.stringify(catalogue2023));
      expect(await seedMissingCatalogues(db.graph, log, { dir })).toBe(1);
      expect(await rows(db.driver, lineage2024)).toEqual([{ id: "2023-009" }]);
      expect(await seedMissingCatalogues(db.graph, log, { dir })).toBe(0);
      await resetDatabase(db.driver);
      expect(await seedMissingCatalogues(db.graph, log, { dir })).toBe(2);
      expect(await rows(db.driver, lineage2024)).toEqual([{ id: "2023-009" }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const lineage2024 = "MATCH (:Practice {id: '2024-001'})-[:BUILDS_ON]->(p:Practice) RETURN p.id AS id";
