import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCatalogueFiles, readSeedCatalogues } from "../../src/ingest/seed";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { normalizePhrase } from "../../src/text/tokens";

describe("readCatalogueFiles", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-seed-"));
  const seed = fs.readFileSync(path.resolve(__dirname, "../../seed/anpal-2023.catalogue.json"), "utf8").split("\n");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file));
  });

  it("names the file and the line where its JSON stops, for a file cut short", () => {
    const file = path.join(dir, "cut.catalogue.json");
    // A cell of card 2's results table: a value in an array, its string longer than the line's first 20 characters.
    const line = seed.indexOf('                "Cuglieri",') + 1;
    fs.writeFileSync(file, seed.slice(0, line).join("\n"));
    expect(() => readCatalogueFiles(dir)).toThrow(
      `${file}:${line}: not valid JSON: the file ends where a value was expected (was it cut short?)`,
    );
    fs.writeFileSync(file, [...seed.slice(0, line - 1), seed[line - 1]!.slice(0, 20)].join("\n"));
    expect(() => readCatalogueFiles(dir)).toThrow(
      `${file}:${line}: not valid JSON: a string is not closed on its line (was the file cut short?)`,
    );
  });

  it("names the line of a syntax error inside the file", () => {
    const file = path.join(dir, "broken.catalogue.json");
    fs.writeFileSync(file, [...seed.slice(0, 6), '    "asOf": 2023-12-11,', ...seed.slice(7)].join("\n"));
    expect(() => readCatalogueFiles(dir)).toThrow(
      `${file}:7: not valid JSON: expected ',' or '}' after a property value, found '-12-11,'`,
    );
  });

  it("names the line of a value the normalized format refuses", () => {
    const file = path.join(dir, "invalid.catalogue.json");
    const catalogue = JSON.parse(seed.join("\n"));
    catalogue.practices[3].anpalSupport = "MAYBE";
    const text = JSON.stringify(catalogue, null, 2);
    fs.writeFileSync(file, text);
    const line = text.split("\n").findIndex((row) => row.includes('"MAYBE"')) + 1;
    expect(() => readCatalogueFiles(dir)).toThrow(`${file}:${line}: practices.3.anpalSupport: Invalid option`);
  });
});

describe("seed/vocabulary/lineage.json", () => {
  it("gives each model the id of the seed practice that has the title it names", () => {
    const titles = new Map(
      readSeedCatalogues().flatMap((catalogue) => catalogue.practices.map((practice) => [practice.id, practice.title])),
    );
    const entries = loadVocabulary().lineage.filter((entry) => entry.introducedIn !== undefined);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect([entry.model, normalizePhrase(titles.get(entry.introducedIn!) ?? "")]).toEqual([
        entry.model,
        normalizePhrase(entry.introducedBy),
      ]);
    }
  });
});
