import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { recomputeSimilarity } from "../../src/similarity";
import { ingest } from "../support/cli";
import { catalogue2023Without } from "../support/catalogues";
import { countGraph, testNeo4jUri, useTestDatabase } from "../support/database";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const practiceIds = async (driver: Driver) =>
  (await driver.executeQuery("MATCH (p:Practice) RETURN p.id AS id ORDER BY id")).records.map(
    (record) => record.get("id") as string,
  );

describe("re-importing an edition of the 2023 catalogue that leaves card 16 out", () => {
  const db = useTestDatabase({ seed: true });
  const edition = catalogue2023Without(16);
  const dropped = "2023-016 'Servizio di consulenza e accompagnamento all'avvio di Impresa/Autoimpiego'";

  beforeAll(async () => {
    // An editor's link to the practice the edition leaves out, which goes with it.
    await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2023-004'}), (q:Practice {id: '2023-016'}) CREATE (p)-[:BUILDS_ON {field: 'DRIVER'}]->(q)",
    );
    await recomputeSimilarity(db.graph);
  });
  afterAll(() => fs.rmSync(path.dirname(edition), { recursive: true, force: true }));

  it("is refused without --allow-drop, in a dry run as in the load, naming the practice; nothing is written", async () => {
    const before = await countGraph(db.driver);
    const refusal =
      `this edition of anpal-2023 leaves out 1 of the practices the database holds (${dropped}), which the load would delete ` +
      "with their links: a file cut short leaves practices out too; --allow-drop deletes them";
    const dryRun = ingest(edition, "--dry-run");
    expect(dryRun.status).toBe(1);
    expect(dryRun.stdout).toContain(`  ${dropped}: not in this edition, deleted with its 26 link(s)`);
    expect(dryRun.stdout).toContain(
      `${testNeo4jUri()} could not take it: the catalogue was not loaded (nothing was written):\n  ${refusal}\n`,
    );
    const load = ingest(edition);
    expect(load.status).toBe(1);
    expect(load.stdout).toContain(`  ${dropped}: not in this edition, deleted with its 26 link(s)`);
    expect(load.stderr).toContain(refusal);
    expect(await countGraph(db.driver)).toEqual(before);
    expect(await practiceIds(db.driver)).toContain("2023-016");
  });

  it("with --allow-drop deletes the practice with what it listed, an editor's link to it included, and counts similarity apart", async () => {
    const run = ingest(edition, "--allow-drop");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `  ${escape(dropped)}: not in this edition, deleted with its 26 link\\(s\\) \\([^)]*\\), its 1 catalogue listing\\(s\\) ` +
          "and 1 link\\(s\\) other practices have to it \\(2023-004 BUILDS_ON added by an editor\\)\n",
      ),
    );
    const [, listed] = /(\d+) relationship\(s\) deleted in all/.exec(run.stdout) ?? [];
    const [, deleted, similarity] =
      /relationships: \d+ created, \d+ matched, (\d+) deleted; and (\d+) SIMILAR_TO link\(s\) of the deleted practices/.exec(
        run.stdout,
      ) ?? [];
    expect(Number(listed)).toBe(28); // its 26 links, its catalogue listing, the editor's link to it
    expect(deleted).toBe(listed);
    expect(Number(similarity)).toBeGreaterThan(0);
    expect(await practiceIds(db.driver)).not.toContain("2023-016");
    expect(await practiceIds(db.driver)).toHaveLength(15);
  });
});

describe("re-importing an edition of the 2023 catalogue that leaves card 3 out, so that the cards after it move up", () => {
  const db = useTestDatabase({ seed: true });
  const edition = catalogue2023Without(3);
  const title = async (id: string) =>
    (await db.driver.executeQuery("MATCH (p:Practice {id: $id}) RETURN p.title AS title", { id })).records[0]?.get(
      "title",
    ) as string;
  afterAll(() => fs.rmSync(path.dirname(edition), { recursive: true, force: true }));

  it("says on a line of its own which id now names another practice, and is refused unless --allow-renumber", async () => {
    const before = await countGraph(db.driver);
    const dryRun = ingest(edition, "--dry-run", "--allow-drop");
    expect(dryRun.status).toBe(1);
    expect(dryRun.stdout).toContain(
      "\n  2023-003 now names another practice ('Technortus: un orto a misura 4.0' -> 'JOB CLUB')\n",
    );
    expect(dryRun.stdout).toContain(
      "\n  2023-004 now names another practice ('JOB CLUB' -> 'JOB SPEED DATE Collocamento Mirato')\n",
    );
    expect(dryRun.stdout).not.toMatch(/rewrites [^\n]*\btitle\b/);
    expect(dryRun.stdout).toContain(
      "this edition of anpal-2023 lists another practice under 13 id(s) the database holds (2023-003, 2023-004, 2023-005, 2023-006, " +
        "2023-007, 2023-008, 2023-009, 2023-010, 2023-011, 2023-012, 2023-013, 2023-014, 2023-015): ids are index positions, so a card " +
        "left out or moved renumbers the cards after it, and links made to those ids would lead to other practices; --allow-renumber loads it",
    );
    const load = ingest(edition, "--allow-drop");
    expect(load.status).toBe(1);
    expect(load.stderr).toContain("--allow-renumber loads it");
    expect(await countGraph(db.driver)).toEqual(before);
    expect(await title("2023-003")).toBe("Technortus: un orto a misura 4.0");
  });

  it("with --allow-drop and --allow-renumber loads it, counting the ids given to other practices", async () => {
    const run = ingest(edition, "--allow-drop", "--allow-renumber");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "  changed as listed before writing: 1 practice(s) deleted, 13 id(s) given to another practice;",
    );
    expect(await title("2023-003")).toBe("JOB CLUB");
    expect(await practiceIds(db.driver)).toHaveLength(15);
  });
});

describe("re-importing the 2023 catalogue after editors changed the nodes practices share", () => {
  const db = useTestDatabase({ seed: true });
  /** As @neo4j/graphql writes them: a property set, a job centre moved to another region, a card's link deleted. */
  const EDITORS_CHANGES = [
    "MATCH (s:Stakeholder {id: 'anpal-servizi'}) SET s.name = 'ANPAL Servizi'",
    "MATCH (t:TargetGroup {id: 'imprese'}) SET t.nameEn = 'Businesses'",
    "MATCH (l:Law {id: 'l-68-1999'}) SET l.title = 'Legge 68/1999'",
    "MATCH (r:Region {nuts: 'ITC1'}) SET r.name = 'Regione Piemonte'",
    "MATCH (l:Lep {code: 'M'}) SET l.nameEn = 'Targeted placement'",
    "MATCH (c:Catalog {id: 'anpal-2023'}) SET c.title = 'Catalogo 2023'",
    "MATCH (c:Cpi {id: 'cpi-torino'})-[r:IN_REGION]->() DELETE r WITH c MATCH (r:Region {nuts: 'ITC2'}) CREATE (c)-[:IN_REGION]->(r)",
    "MATCH (:Practice {id: '2023-001'})-[r:INVOLVES]->(:Stakeholder {id: 'comuni'}) DELETE r",
  ];
  const CHANGES = [
    "  2023-001 'Servizio Alte professionalità e Grandi reclutamenti': adds 1 link it lacks (INVOLVES comuni line 272)",
    "  shared nodes, given the vocabulary's values:",
    "    Region ITC1: name 'Regione Piemonte' -> 'Piemonte'",
    "    Lep M: nameEn 'Targeted placement' -> 'Targeted placement (people with disabilities)'",
    "    Catalog anpal-2023: title 'Catalogo 2023' -> 'Buone prassi nei servizi per il lavoro e politiche attive – Catalogo 2023'",
    "    Stakeholder anpal-servizi: name 'ANPAL Servizi' -> 'ANPAL Servizi S.p.A.'",
    "    TargetGroup imprese: nameEn 'Businesses' -> 'Companies and employers'",
    "    Law l-68-1999: title 'Legge 68/1999' -> 'Legge 12 marzo 1999, n. 68 – Norme per il diritto al lavoro dei disabili'",
    "    Cpi cpi-torino: IN_REGION ITC2 -> ITC1",
  ].join("\n");

  beforeAll(async () => {
    for (const cypher of EDITORS_CHANGES) await db.driver.executeQuery(cypher);
  });

  it("lists, in the dry run, every value it overwrites and every link it adds back", async () => {
    const run = ingest("seed/anpal-buone-prassi-catalogo-2023.md", "--dry-run");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `What loading it would change in what ${testNeo4jUri()} holds (read only, nothing written):\n${CHANGES}\n`,
    );
  });

  it("lists the same before writing, writes exactly that, and counts it after", async () => {
    const run = ingest("seed/anpal-buone-prassi-catalogo-2023.md");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `What the load changes in what the database holds (read in its transaction, before writing):\n${CHANGES}\n`,
    );
    expect(run.stdout).toContain(
      "  changed as listed before writing: 0 practice(s) deleted, 0 id(s) given to another practice; 0 link(s) removed, 1 added; 0 field(s) cleared, 0 rewritten; 6 shared value(s) overwritten, 1 shared link(s) moved or given back; 1 relationship(s) deleted in all\n",
    );
    const { records } = await db.driver.executeQuery(
      `MATCH (s:Stakeholder {id: 'anpal-servizi'}), (t:TargetGroup {id: 'imprese'}), (c:Cpi {id: 'cpi-torino'})
       RETURN s.name AS stakeholder, t.nameEn AS target, [(c)-[:IN_REGION]->(r) | r.nuts] AS regions,
         EXISTS { (:Practice {id: '2023-001'})-[:INVOLVES {line: 272}]->(:Stakeholder {id: 'comuni'}) } AS linked`,
    );
    expect(records[0]!.toObject()).toEqual({
      stakeholder: "ANPAL Servizi S.p.A.",
      target: "Companies and employers",
      regions: ["ITC1"],
      linked: true,
    });
    const again = ingest("seed/anpal-buone-prassi-catalogo-2023.md", "--dry-run");
    expect(again.stdout).toContain("holds (read only, nothing written): nothing");
  });
});
