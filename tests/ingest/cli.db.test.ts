import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { NormalizedCatalogueSchema } from "../../src/ingest/catalogue";
import { ingest } from "../support/cli";
import { connectTestDatabase, countGraph, resetDatabase } from "../support/database";

describe("npm run ingest", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
  });
  afterAll(async () => {
    await resetDatabase(driver);
    await driver.close();
  });

  it("loads a catalogue and reports cards, nodes and relationships created, then matched on a re-run", async () => {
    const first = ingest("seed/anpal-buone-prassi-catalogo-2023.md");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Catalogue anpal-2023: .* 16 card\(s\)/);
    expect(first.stdout).toMatch(
      /seed\/anpal-buone-prassi-catalogo-2023\.md:486 card 7: unknown LEP code 'RDC' ignored/,
    );
    const [, nodes] = /nodes: (\d+) created, 0 matched/.exec(first.stdout) ?? [];
    const [, relationships] = /relationships: (\d+) created, 0 matched/.exec(first.stdout) ?? [];
    expect(Number(nodes)).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/Similarity: \d+ SIMILAR_TO links for 16 practices/);
    const loaded = await countGraph(driver);

    const second = ingest("seed/anpal-buone-prassi-catalogo-2023.md");
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`nodes: 0 created, ${nodes} matched, 0 deleted`));
    expect(second.stdout).toMatch(new RegExp(`relationships: 0 created, ${relationships} matched, 0 deleted`));
    expect(await countGraph(driver)).toEqual(loaded);
  });

  it("adds next year's catalogue to the same graph, linked to the earlier practice it builds on", async () => {
    const run = ingest("tests/fixtures/catalogues/later-edition.md");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Catalogue anpal-2024: .* 1 card\(s\)/);
    expect(run.stdout).toMatch(/, 1 lineage/);
    expect(run.stdout).toMatch(/Similarity: \d+ SIMILAR_TO links for 17 practices/);
    const { records } = await driver.executeQuery(
      "MATCH (:Practice {id: '2024-001'})-[:BUILDS_ON]->(p:Practice) RETURN p.id AS id",
    );
    expect(records.map((record) => record.get("id"))).toEqual(["2023-009"]);
  });

  it("refuses an invalid catalogue with every error located, even with --allow-partial, and changes nothing", async () => {
    const before = await countGraph(driver);
    const run = ingest("tests/fixtures/catalogues/invalid.md", "--allow-partial", "1,2");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/INVALID: 2 error\(s\); nothing was loaded/);
    expect(run.stdout).toMatch(/tests\/fixtures\/catalogues\/invalid\.md:16 card 1: unknown region 'Atlantide'/);
    expect(run.stdout).toMatch(/invalid\.md:24 card 2: missing mandatory field 'title'/);
    expect(await countGraph(driver)).toEqual(before);
  });

  it("with --dry-run --out writes the normalized catalogue and nothing to the database", async () => {
    await resetDatabase(driver);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prassi-out-")), "catalogue.json");
    const run = ingest(
      "seed/anpal-buone-prassi-catalogo-2023.md",
      "--dry-run",
      "--out",
      out,
      "--catalogue",
      "review-2023",
    );
    expect(run.status).toBe(0);
    const written = NormalizedCatalogueSchema.parse(JSON.parse(fs.readFileSync(out, "utf8")));
    expect(written.catalog.id).toBe("review-2023");
    expect(written.practices.map((practice) => practice.id)).toEqual(
      Array.from({ length: 16 }, (_, k) => `review-2023-${String(k + 1).padStart(3, "0")}`),
    );
    expect(await countGraph(driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("explains its usage when the file is missing", () => {
    const run = ingest();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run ingest -- FILE/);
  });
});
