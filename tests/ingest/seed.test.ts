import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { normalizePhrase } from "../../src/ingest/extractTokens";
import { readCatalogueFiles, readSeedCatalogues } from "../../src/ingest/seed";
import { loadVocabulary } from "../../src/ingest/vocabulary";

describe("readCatalogueFiles", () => {
  it("names the file whose JSON does not parse", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-seed-"));
    const file = path.join(dir, "broken.catalogue.json");
    fs.writeFileSync(file, '{ "catalog": ');
    try {
      expect(() => readCatalogueFiles(dir)).toThrow(`${file} is not valid JSON`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("seed/vocabulary/lineage.json", () => {
  it("gives each model the id of the seed practice that has the title it names", () => {
    const titles = new Map(readSeedCatalogues().flatMap((catalogue) => catalogue.practices.map((practice) => [practice.id, practice.title])));
    const entries = loadVocabulary().lineage.filter((entry) => entry.introducedIn !== undefined);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect([entry.model, normalizePhrase(titles.get(entry.introducedIn!) ?? "")]).toEqual([entry.model, normalizePhrase(entry.introducedBy)]);
    }
  });
});
