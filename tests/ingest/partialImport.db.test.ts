import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { loadCatalogue } from "../../src/ingest/load";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { freePort } from "../../src/neo4j/ports";
import { graphOn } from "../../src/neo4j/graph";
import { ingest, runScript, startIngest } from "../support/cli";
import { cutCatalogue2023, truncatedCatalogue2023 } from "../support/catalogues";
import { eventually } from "../support/service";
import { connectTestDatabase, countGraph, resetDatabase, testNeo4jUri, useTestDatabase } from "../support/database";

type Link = { type: string; to: string; properties: Record<string, unknown> };

/** 2023-016 as the database holds it: every property, every outgoing link with its properties. */
async function practice16(driver: Driver): Promise<{ properties: Record<string, unknown>; links: Link[] }> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Practice {id: '2023-016'})
     RETURN properties(p) AS properties,
       [(p)-[r]->(n) | {type: type(r), to: coalesce(n.id, n.nuts, n.code), properties: properties(r)}] AS links`,
  );
  const links = (records[0]!.get("links") as Link[]).sort((a, b) =>
    `${a.type} ${a.to}`.localeCompare(`${b.type} ${b.to}`),
  );
  return { properties: records[0]!.get("properties"), links };
}

describe("re-importing the 2023 catalogue cut inside its last card", () => {
  let driver: Driver;
  const truncated = truncatedCatalogue2023();
  const file = path.relative(path.resolve(__dirname, "../.."), truncated.file);
  const missing = "'humanResources', 'funding', 'results', 'outcomes', 'lessons', 'conclusions'";
  /** What the cut takes away: the links read below the cut, and the fields that start there. */
  let lost: string;

  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
    await loadCatalogue(graphOn(driver), readSeedCatalogues()[0]!);
    // An editor's link (no line, as the API writes it): no import removes it, so no report may say it is lost.
    await driver.executeQuery(
      "MATCH (p:Practice {id: '2023-016'}), (t:TargetGroup {id: 'donne'}) CREATE (p)-[:TARGETS {field: 'TARGETS'}]->(t)",
    );
    const { links } = await practice16(driver);
    const below = links.filter(
      (link) => typeof link.properties.line === "number" && link.properties.line > truncated.lastLine,
    );
    expect(below.length).toBeGreaterThan(0);
    const stated = links.filter((link) => link.type !== "LISTED_IN");
    lost =
      `2023-016 'Servizio di consulenza e accompagnamento all'avvio di Impresa/Autoimpiego': loses ${below.length} of its ${stated.length} links ` +
      `(${below.map((link) => `${link.type} ${link.to} line ${link.properties.line}`).join(", ")}); ` +
      "clears humanResources, results, outcomes, lessons, conclusions";
  });
  afterAll(async () => {
    fs.rmSync(path.dirname(truncated.file), { recursive: true, force: true });
    await resetDatabase(driver);
    await driver.close();
  });

  it("is refused with its file and line, and leaves the database exactly as it was", async () => {
    const before = { counts: await countGraph(driver), practice: await practice16(driver) };
    const run = ingest(truncated.file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `INVALID: 1 error(s); nothing was loaded:\n  ${file}:${truncated.lastLine} card 16: incomplete card, ending here with no ${missing} ` +
        "(was the file cut short?); --allow-partial 16 loads it as it is",
    );
    expect(await countGraph(driver)).toEqual(before.counts);
    expect(await practice16(driver)).toEqual(before.practice);
  });

  it("with --dry-run --allow-partial reads the database and lists what the load would take away, writing nothing", async () => {
    const before = { counts: await countGraph(driver), practice: await practice16(driver) };
    const run = ingest(truncated.file, "--dry-run", "--allow-partial", "16");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `${file}:${truncated.lastLine} card 16: partial card, taken as it is (--allow-partial) with no ${missing}`,
    );
    expect(run.stdout).toContain(
      `What loading it would change in what ${testNeo4jUri()} holds (read only, nothing written):\n  ${lost}\n`,
    );
    expect(run.stdout).not.toMatch(/donne/);
    expect(await countGraph(driver)).toEqual(before.counts);
    expect(await practice16(driver)).toEqual(before.practice);
  });

  it("with --allow-partial lists the same losses before writing anything, then loads it and keeps the editor's link", async () => {
    // Another transaction holds 2023-016: the load cannot write its links, yet must have listed their loss.
    const holder = driver.session();
    const hold = await holder.beginTransaction();
    await hold.run("MATCH (p:Practice {id: '2023-016'}) SET p.heldByTheTest = true");
    const load = startIngest(truncated.file, "--allow-partial", "16");
    const listing = `What the load changes in what the database holds (read in its transaction, before writing):\n  ${lost}\n`;
    try {
      await eventually("the import lists its changes", async () => load.stdout().includes(listing), 60_000);
      expect(load.stdout()).not.toContain("Loaded 16 practices");
    } finally {
      await hold.rollback();
      await holder.close();
    }
    const run = await load.exited;
    expect(run.status).toBe(0);
    expect(run.stdout.indexOf(listing)).toBeLessThan(run.stdout.indexOf("Loaded 16 practices in one transaction"));
    expect(run.stdout).toMatch(
      /changed as listed before writing: 0 practice\(s\) deleted, 0 id\(s\) given to another practice; \d+ link\(s\) removed, 0 added; 5 field\(s\) cleared/,
    );

    const after = await practice16(driver);
    expect(
      after.links.filter(
        (link) => typeof link.properties.line === "number" && link.properties.line > truncated.lastLine,
      ),
    ).toEqual([]);
    expect(after.links).toContainEqual({ type: "TARGETS", to: "donne", properties: { field: "TARGETS" } });
    expect(after.properties).not.toHaveProperty("conclusions");
  });

  it("says plainly when a dry run has no database to compare with", async () => {
    const port = String(await freePort());
    const run = runScript("src/ingest/cli.ts", [truncated.file, "--dry-run", "--allow-partial", "16"], {
      PRASSI_BOLT_PORT: port,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `NOT COMPARED with a database: NEO4J_URI is not set and no bundled Neo4j is running on bolt://127.0.0.1:${port} (start it with npm start); ` +
        "what the import would change is unknown.",
    );
  });

  it("fails a dry run whose NEO4J_URI cannot be reached: that comparison is what it was asked for", async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const run = runScript("src/ingest/cli.ts", [truncated.file, "--dry-run", "--allow-partial", "16"], {
      NEO4J_URI: uri,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`NOT COMPARED with ${uri} (NEO4J_URI), which cannot be reached: `);
  });
});

describe("re-importing the 2023 catalogue cut between its index heading and its first row (head -n 228)", () => {
  const db = useTestDatabase({ seed: true });
  const cut = cutCatalogue2023(228);
  const file = path.relative(path.resolve(__dirname, "../.."), cut.file);
  afterAll(() => fs.rmSync(path.dirname(cut.file), { recursive: true, force: true }));

  it("is refused, an empty index and no card being errors, and the database keeps its 16 practices", async () => {
    const before = await countGraph(db.driver);
    for (const run of [ingest(cut.file, "--dry-run"), ingest(cut.file)]) {
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        `INVALID: 2 error(s); nothing was loaded:\n` +
          `  ${file}:226: the index ('Situazione Catalogo') lists no practice: no row '001<TAB>«title» ...' follows it\n` +
          `  ${file}:226: no practice card found (a card starts at a 'SCHEDA<TAB>number' row): was the file cut short?\n`,
      );
    }
    expect(await countGraph(db.driver)).toEqual(before);
    const { records } = await db.driver.executeQuery(
      "MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: 'anpal-2023'}) RETURN count(p) AS n",
    );
    expect(records[0]!.get("n")).toBe(16);
  });
});

describe("importing the 2023 catalogue cut inside the last field of its last card", () => {
  const db = useTestDatabase();
  const cut = cutCatalogue2023(1149, "Il servizio ha avuto il me");
  const file = path.relative(path.resolve(__dirname, "../.."), cut.file);
  const looksCut = `${file}:1149 card 16: its last field, 'conclusions', ends mid-word ('Il servizio ha avuto il me'), with <p> left open`;
  afterAll(() => fs.rmSync(path.dirname(cut.file), { recursive: true, force: true }));

  it("is refused on a first import, naming the card and how its text stops, and writes nothing", async () => {
    const run = ingest(cut.file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${looksCut}: was the file cut short? --allow-partial 16 loads it as it is`);
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("is refused when --allow-partial names another card, and loaded when it names card 16", async () => {
    const other = ingest(cut.file, "--allow-partial", "12");
    expect(other.status).toBe(1);
    expect(other.stdout).toContain(`${file}:791 card 12: --allow-partial names card 12, which is not partial`);
    expect(await countGraph(db.driver)).toEqual({ nodes: 0, relationships: 0 });

    const allowed = ingest(cut.file, "--allow-partial", "12,16");
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain(`${looksCut}, taken as it is (--allow-partial)`);
    const { records } = await db.driver.executeQuery(
      "MATCH (p:Practice {id: '2023-016'}) RETURN p.conclusions AS conclusions",
    );
    expect(records[0]!.get("conclusions")).toBe("Il servizio ha avuto il me");
  });
});
