import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { loadCatalogue } from "../../src/ingest/load";
import { readSeedCatalogues } from "../../src/ingest/seed";
import { ingest } from "../support/cli";
import { catalogue2023Without } from "../support/catalogues";
import { connectTestDatabase, countGraph, resetDatabase, testNeo4jUri } from "../support/database";

const practiceIds = async (driver: Driver) =>
  (await driver.executeQuery("MATCH (p:Practice) RETURN p.id AS id ORDER BY id")).records.map((record) => record.get("id") as string);

describe("re-importing an edition of the 2023 catalogue that leaves card 16 out", () => {
  let driver: Driver;
  const edition = catalogue2023Without(16);
  const dropped = "2023-016 'Servizio di consulenza e accompagnamento all'avvio di Impresa/Autoimpiego'";

  beforeAll(async () => {
    driver = connectTestDatabase();
    await resetDatabase(driver);
    await loadCatalogue(driver, readSeedCatalogues()[0]!);
  });
  afterAll(async () => {
    fs.rmSync(path.dirname(edition), { recursive: true, force: true });
    await resetDatabase(driver);
    await driver.close();
  });

  it("is refused without --allow-drop, in a dry run as in the load, naming the practice; nothing is written", async () => {
    const before = await countGraph(driver);
    const refusal =
      `this edition of anpal-2023 leaves out 1 of the practices the database holds (${dropped}), which the load would delete ` +
      "with their links: a file cut short leaves practices out too; --allow-drop deletes them";
    const dryRun = ingest(edition, "--dry-run");
    expect(dryRun.status).toBe(1);
    expect(dryRun.stdout).toContain(`  ${dropped}: not in this edition, deleted with its 25 link(s)`);
    expect(dryRun.stdout).toContain(`${testNeo4jUri()} could not take it: the catalogue was not loaded (nothing was written):\n  ${refusal}\n`);
    const load = ingest(edition);
    expect(load.status).toBe(1);
    expect(load.stdout).toContain(`  ${dropped}: not in this edition, deleted with its 25 link(s)`);
    expect(load.stderr).toContain(refusal);
    expect(await countGraph(driver)).toEqual(before);
    expect(await practiceIds(driver)).toContain("2023-016");
  });

  it("with --allow-drop deletes the practice it listed", async () => {
    const run = ingest(edition, "--allow-drop");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`  ${dropped}: not in this edition, deleted with its 25 link(s)`);
    expect(await practiceIds(driver)).not.toContain("2023-016");
    expect(await practiceIds(driver)).toHaveLength(15);
  });
});
