import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadVocabulary, VocabularyError } from "../../src/reference/vocabulary";

const seed = path.join(__dirname, "../../seed/vocabulary");

/** A copy of the seed vocabulary with one file changed, in a temporary directory. */
function vocabularyWith(file: string, change: (entries: any) => any): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-vocabulary-"));
  for (const name of fs.readdirSync(seed)) fs.copyFileSync(path.join(seed, name), path.join(dir, name));
  const entries = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  fs.writeFileSync(path.join(dir, file), JSON.stringify(change(entries)));
  return dir;
}

describe("loadVocabulary", () => {
  it("loads the curated seed vocabulary", () => {
    const vocabulary = loadVocabulary(seed);
    expect(vocabulary.stakeholders.length).toBeGreaterThan(50);
    expect(vocabulary.cpis.every((cpi) => /^IT[A-Z]\d$/.test(cpi.region))).toBe(true);
  });

  it("finds the seed vocabulary by default whatever the working directory", () => {
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      expect(loadVocabulary().stakeholders).toEqual(loadVocabulary(seed).stakeholders);
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses a duplicate id, naming the file and the entry", () => {
    const dir = vocabularyWith("stakeholders.json", (entries) => [...entries, { ...entries[0], aliases: ["Anpal Servizi bis"] }]);
    const loading = () => loadVocabulary(dir);
    expect(loading).toThrow(VocabularyError);
    expect(loading).toThrow(/stakeholders\.json entry \d+ \("anpal-servizi"\): duplicate id, already used by entry 0/);
  });

  it("refuses an alias claimed by two entries of the same kind, whatever its case and accents", () => {
    const dir = vocabularyWith("targets.json", (entries) => [
      ...entries,
      { id: "persone-disabili", name: "Disabili", nameEn: "Disabled", aliases: ["DISABILI"] },
    ]);
    expect(() => loadVocabulary(dir)).toThrow(/targets\.json entry \d+ \("persone-disabili"\): alias "DISABILI" is already claimed by entry \d+ \("persone-con-disabilita"\)/);
  });

  it("lets two regions' entries share a regional alias, but not one region's", () => {
    const sameRegion = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      { id: "altra-agenzia", name: "Altra", nameEn: "Other", kind: "OTHER", region: "ITC1", aliases: ["Altra agenzia"], regionalAliases: ["APL"] },
    ]);
    expect(() => loadVocabulary(sameRegion)).toThrow(/alias "APL" is already claimed by entry \d+ \("agenzia-piemonte-lavoro"\)/);
    const otherRegion = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      { id: "altra-agenzia", name: "Altra", nameEn: "Other", kind: "OTHER", region: "ITC3", aliases: ["Altra agenzia"], regionalAliases: ["APL"] },
    ]);
    expect(() => loadVocabulary(otherRegion)).not.toThrow();
  });

  it("refuses an entry that breaks the schema, naming file, entry and field", () => {
    const dir = vocabularyWith("funding.json", (entries) => entries.map((entry: any, index: number) => (index === 2 ? { ...entry, kind: "LOTTERY" } : entry)));
    expect(() => loadVocabulary(dir)).toThrow(/funding\.json entry 2 \("[a-z-]+"\) field kind:/);
  });

  it("refuses a region code that is not one of the territories of seed/regions.json", () => {
    const dir = vocabularyWith("cpis.json", (entries) => [...entries, { id: "cpi-altrove", name: "CPI Altrove", region: "ITZ9", aliases: ["CPI Altrove"] }]);
    expect(() => loadVocabulary(dir)).toThrow(/cpis\.json entry \d+ \("cpi-altrove"\): region ITZ9 is not a territory of seed\/regions\.json/);
  });

  it("refuses a job centre without a region", () => {
    const dir = vocabularyWith("cpis.json", (entries) => [...entries, { id: "cpi-altrove", name: "CPI Altrove", aliases: ["CPI Altrove"] }]);
    expect(() => loadVocabulary(dir)).toThrow(/cpis\.json entry \d+ \("cpi-altrove"\) field region/);
  });
});
