import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadVocabulary, VocabularyError, type StakeholderEntry } from "../../src/reference/vocabulary";

const seed = path.join(__dirname, "../../seed/vocabulary");

/** A copy of the seed vocabulary with one file changed, in a temporary directory. */
/** An entry of a vocabulary file, as JSON. */
type Entry = Record<string, unknown>;

function vocabularyWith(file: string, change: (entries: Entry[]) => Entry[]): string {
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

  it("completes an accepted stakeholder's place from the gazetteer, from a town's name or code or a province", () => {
    const maddaloni = { id: "comune-maddaloni", name: "Comune di Maddaloni", nameEn: "Municipality of Maddaloni" };
    const accepted = [
      { ...maddaloni, kind: "MUNICIPALITY", aliases: ["Comune di Maddaloni"], municipality: "Maddaloni" },
      {
        id: "comune-castro-075096",
        name: "Comune di Castro",
        nameEn: "Municipality of Castro",
        kind: "MUNICIPALITY",
        aliases: ["Comune di Castro (LE)"],
        municipality: "Castro",
        province: "LE",
      },
      {
        id: "cciaa-bari",
        name: "Camera di Commercio di Bari",
        nameEn: "Bari Chamber of Commerce",
        kind: "CHAMBER_OF_COMMERCE",
        aliases: ["CCIAA di Bari"],
        province: "BA",
      },
    ];
    const dir = vocabularyWith("stakeholders.json", (entries) => [...entries, ...accepted]);
    const placed = loadVocabulary(dir).stakeholders.slice(-3);
    const place = (entry: StakeholderEntry | undefined) => {
      const { id, municipality, municipalityIstat, province, provinceName, region } = entry!;
      return [id, municipality, municipalityIstat, province, provinceName, region];
    };
    expect(placed.map(place)).toEqual([
      ["comune-maddaloni", "Maddaloni", "061048", "CE", "Caserta", "ITF3"],
      ["comune-castro-075096", "Castro", "075096", "LE", "Lecce", "ITF4"],
      ["cciaa-bari", undefined, undefined, "BA", "Bari", "ITF4"],
    ]);
    const byCode = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      { ...accepted[0], municipality: undefined, municipalityIstat: "061048", region: "ITF3" },
    ]);
    expect(place(loadVocabulary(byCode).stakeholders.at(-1))).toEqual(placed.map(place)[0]);
    const refused = (change: object) => () =>
      loadVocabulary(vocabularyWith("stakeholders.json", (entries) => [...entries, { ...accepted[0], ...change }]));
    expect(refused({ region: "ITF4" })).toThrow(/\("comune-maddaloni"\): its place is in ITF3, not in its region ITF4/);
    expect(refused({ municipality: "Castro" })).toThrow(/Castro names several towns: Castro \(BG\) \d+, Castro \(LE\)/);
    expect(refused({ municipality: "Atlantide" })).toThrow(/Atlantide names no town of the gazetteer/);
    expect(refused({ municipalityIstat: "999999" })).toThrow(/municipalityIstat 999999 is no municipality's ISTAT/);
  });

  it("refuses an employers' association named as a branch of another without its partOf", () => {
    const branch = {
      id: "confindustria-bari",
      name: "Confindustria Bari",
      nameEn: "Confindustria Bari",
      kind: "EMPLOYER_ASSOCIATION",
      aliases: ["Confindustria Bari"],
      province: "BA",
    };
    const without = vocabularyWith("stakeholders.json", (entries) => [...entries, branch]);
    expect(() => loadVocabulary(without)).toThrow(
      /\("confindustria-bari"\): a branch of "confindustria" by its id: add "partOf": "confindustria"/,
    );
    const withPart = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      { ...branch, partOf: "confindustria" },
    ]);
    expect(loadVocabulary(withPart).stakeholders.at(-1)).toMatchObject({ partOf: "confindustria", region: "ITF4" });
  });

  it("refuses a duplicate id, naming the file and the entry", () => {
    const dir = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      { ...entries[0], aliases: ["Anpal Servizi bis"] },
    ]);
    const loading = () => loadVocabulary(dir);
    expect(loading).toThrow(VocabularyError);
    expect(loading).toThrow(/stakeholders\.json entry \d+ \("anpal-servizi"\): duplicate id, already used by entry 0/);
  });

  it("refuses an alias claimed by two entries of the same kind, whatever its case and accents", () => {
    const dir = vocabularyWith("targets.json", (entries) => [
      ...entries,
      { id: "persone-disabili", name: "Disabili", nameEn: "Disabled", aliases: ["DISABILI"] },
    ]);
    expect(() => loadVocabulary(dir)).toThrow(
      /targets\.json entry \d+ \("persone-disabili"\): alias "DISABILI" is already claimed by entry \d+ \("persone-con-disabilita"\)/,
    );
  });

  it("lets two regions' entries share a regional alias, but not one region's", () => {
    const sameRegion = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      {
        id: "altra-agenzia",
        name: "Altra",
        nameEn: "Other",
        kind: "OTHER",
        region: "ITC1",
        aliases: ["Altra agenzia"],
        regionalAliases: ["APL"],
      },
    ]);
    expect(() => loadVocabulary(sameRegion)).toThrow(
      /alias "APL" is already claimed by entry \d+ \("agenzia-piemonte-lavoro"\)/,
    );
    const otherRegion = vocabularyWith("stakeholders.json", (entries) => [
      ...entries,
      {
        id: "altra-agenzia",
        name: "Altra",
        nameEn: "Other",
        kind: "OTHER",
        region: "ITC3",
        aliases: ["Altra agenzia"],
        regionalAliases: ["APL"],
      },
    ]);
    expect(() => loadVocabulary(otherRegion)).not.toThrow();
  });

  it("refuses an entry that breaks the schema, naming file, entry and field", () => {
    const dir = vocabularyWith("funding.json", (entries) =>
      entries.map((entry, index) => (index === 2 ? { ...entry, kind: "LOTTERY" } : entry)),
    );
    expect(() => loadVocabulary(dir)).toThrow(/funding\.json entry 2 \("[a-z-]+"\) field kind:/);
  });

  it("refuses a region code that is not one of the territories of seed/regions.json", () => {
    const dir = vocabularyWith("cpis.json", (entries) => [
      ...entries,
      { id: "cpi-altrove", name: "CPI Altrove", region: "ITZ9", aliases: ["CPI Altrove"] },
    ]);
    expect(() => loadVocabulary(dir)).toThrow(
      /cpis\.json entry \d+ \("cpi-altrove"\): region ITZ9 is not a territory of seed\/regions\.json/,
    );
  });

  it("refuses a job centre without a region", () => {
    const dir = vocabularyWith("cpis.json", (entries) => [
      ...entries,
      { id: "cpi-altrove", name: "CPI Altrove", aliases: ["CPI Altrove"] },
    ]);
    expect(() => loadVocabulary(dir)).toThrow(/cpis\.json entry \d+ \("cpi-altrove"\) field region/);
  });

  it("refuses a former id that is an entry's id, or that two entries claim, naming file and entries", () => {
    const asEntryId = vocabularyWith("cpis.json", (entries) => [
      { ...entries[0], formerIds: [String(entries[1]!.id)] },
      ...entries.slice(1),
    ]);
    expect(() => loadVocabulary(asEntryId)).toThrow(
      /cpis\.json entry 0 \("cpi-torino"\): former id "cpi-lecco" is the id of entry 1: an id cannot be both/,
    );
    const twice = vocabularyWith("cpis.json", (entries) => [
      { ...entries[0], formerIds: ["cpi-torino-centro"] },
      { ...entries[1], formerIds: ["cpi-torino-centro"] },
      ...entries.slice(2),
    ]);
    expect(() => loadVocabulary(twice)).toThrow(
      /entry 1 \("cpi-lecco"\): former id "cpi-torino-centro" is already claimed by entry 0 \("cpi-torino"\)/,
    );
    expect(() =>
      loadVocabulary(
        vocabularyWith("tools.json", (entries) => [{ ...entries[0], formerIds: ["Not A Slug"] }, ...entries.slice(1)]),
      ),
    ).toThrow(VocabularyError);
  });
});
