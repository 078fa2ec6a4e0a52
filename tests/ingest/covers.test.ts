import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { catalogueText } from "../../scripts/support/catalogueText";
import { PracticeIdSchema } from "../../src/ingest/catalogue";
import { catalogueIdentity } from "../../src/ingest/normalize";
import { readFrontMatter, splitLines } from "../../src/ingest/parse";
import { readIndex } from "../../src/ingest/parse/catalogueIndex";
import { readCatalogue } from "../../src/ingest/pipeline";
import { plainTypography } from "../../src/text/typography";
import { tokenize } from "../../src/text/tokens";

const REGIONAL = "tests/fixtures/catalogues/regional-without-year.md";
const NO_DATE = "tests/fixtures/catalogues/no-status-date.md";
const read = (file: string, options = {}) => readCatalogue(file, { sourceName: file, ...options });

describe("a cover without an edition year", () => {
  it("is an error at its heading's line that names --edition", () => {
    const reading = read(REGIONAL);
    expect(reading.catalogue).toBeUndefined();
    // Its cards are still read, their start years included: the missing edition is the one problem.
    expect(reading.warnings).toEqual([]);
    expect(reading.errors).toContainEqual(
      expect.objectContaining({
        file: REGIONAL,
        line: 3,
        message:
          "the cover says 'Catalogo di buone prassi della Regione Lazio', with no edition year: give it with --edition YYYY",
      }),
    );
  });

  it("loads with --edition, as the region the cover names, its practice ids prefixed by that catalogue's id", () => {
    const reading = read(REGIONAL, { edition: 2023 });
    expect(reading.errors).toEqual([]);
    expect(reading.catalogue?.catalog).toEqual({
      id: "lazio-2023",
      title: "Buone prassi dei Centri per l’impiego – Catalogo di buone prassi della Regione Lazio (2023)",
      publisher: "Regione Lazio Direzione Lavoro",
      year: 2023,
      asOf: "2025-03-15",
      source: REGIONAL,
    });
    expect(reading.catalogue?.practices.map(({ id, title }) => [id, title])).toEqual([
      ["lazio-2023-001", "Incontri Impresa–Lavoro"],
      ["lazio-2023-002", "Sportello ‘Primo impiego’"],
    ]);
  });

  it("takes the id --catalogue gives, which must end with the edition year", () => {
    const named = read(REGIONAL, { edition: 2023, catalogId: "roma-capitale-2023" });
    expect(named.catalogue?.practices[0]?.id).toBe("roma-capitale-2023-001");
    const wrong = read(REGIONAL, { edition: 2023, catalogId: "Lazio" });
    expect(wrong.errors.map((found) => found.message)).toContainEqual(
      expect.stringMatching(/^catalogue id 'Lazio': .* \(--catalogue lazio-2023\)/),
    );
  });

  it("is refused when --edition contradicts the year the cover prints", () => {
    const reading = read("tests/fixtures/catalogues/later-edition.md", { edition: 2023 });
    expect(reading.errors.map((found) => [found.line, found.message])).toEqual([
      [3, "the cover says 'Catalogo 2024' but --edition says 2023: practice ids take the year"],
    ]);
  });
});

describe("whose catalogue a cover says it is", () => {
  const identity = (cover: string[], requested?: string) => {
    const { frontMatter } = readFrontMatter(
      ["# Catalogo 2023", ...cover, "## Situazione Catalogo all' 11/12/2023"],
      "f.md",
    );
    const found = catalogueIdentity(frontMatter!, requested);
    return "id" in found ? found.id : found.problem;
  };
  const coverId = (title: string, under: string[]) => {
    const { frontMatter } = readFrontMatter([`# ${title}`, ...under], "f.md", 2023);
    const found = catalogueIdentity(frontMatter!);
    return "id" in found ? found.id : found.problem;
  };

  it("is ANPAL Servizi's when its name comes first under the heading, as the generated catalogues print it", () => {
    expect(identity(["", "**ANPAL**  ", "Servizi"])).toBe("anpal-2023");
    const generated = readFrontMatter(splitLines(catalogueText(2031, [], [])), "g.md").frontMatter!;
    expect(catalogueIdentity(generated)).toEqual({ id: "anpal-2031", practiceIdPrefix: "2031-" });
  });

  it("is the region its title names, even with ANPAL Servizi under it as a partner", () => {
    const partner = ["", "in collaborazione con ANPAL Servizi"];
    expect(coverId("Catalogo di buone prassi della Regione Lazio", partner)).toBe("lazio-2023");
    expect(coverId("Catalogo di buone prassi della Regione Lazio", ["**ANPAL**  ", "Servizi"])).toBe("lazio-2023");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "covers-")), "lazio.md");
    const text = fs.readFileSync(REGIONAL, "utf8");
    fs.writeFileSync(
      file,
      text.replace("**Regione Lazio**  \nDirezione Lavoro", "in collaborazione con ANPAL Servizi"),
    );
    const reading = read(file, { edition: 2023 });
    expect(reading.catalogue?.catalog.id).toBe("lazio-2023");
    expect(reading.catalogue?.practices.map((practice) => practice.id)).toEqual(["lazio-2023-001", "lazio-2023-002"]);
  });

  it("reads autonomous regions and provinces, and Trentino-Alto Adige, which is two territories", () => {
    expect(
      [
        "Catalogo 2023 della Regione Autonoma Valle d'Aosta",
        "Catalogo 2023 della Regione Autonoma Valle d’Aosta/Vallée d’Aoste",
        "Catalogo 2023 della Regione autonoma Friuli Venezia Giulia",
        "Catalogo 2023 della Regione Autonoma della Sardegna",
        "Catalogo 2023 della Regione del Veneto",
        "Catalogo 2023 della Provincia Autonoma di Trento",
        "Catalogo 2023 della Provincia autonoma di Bolzano/Bozen",
        "Catalogo 2023 della Regione Trentino-Alto Adige",
      ].map((title) => coverId(title, ["", "in collaborazione con ANPAL Servizi"])),
    ).toEqual([
      "valle-d-aosta-2023",
      "valle-d-aosta-2023",
      "friuli-venezia-giulia-2023",
      "sardegna-2023",
      "veneto-2023",
      "trento-2023",
      "bolzano-2023",
      "trentino-alto-adige-2023",
    ]);
  });

  it("is the region its publisher's lines name when the title names none", () => {
    expect(identity(["", "**Regione Lazio**  ", "Direzione Lavoro"])).toBe("lazio-2023");
  });

  it("naming neither ANPAL Servizi as publisher nor a region, is an error asking for --catalogue", () => {
    const problem =
      "the cover names neither ANPAL Servizi as its publisher nor a region ('Regione Lazio', 'Provincia autonoma di " +
      "Trento'): give the catalogue's id with --catalogue <name>-2023";
    expect(identity(["", "Roma Capitale"])).toBe(problem);
    expect(identity(["", "in collaborazione con ANPAL Servizi"])).toBe(problem);
    expect(identity([])).toBe(problem);
    expect(identity(["", "Roma Capitale"], "roma-capitale-2023")).toBe("roma-capitale-2023");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "covers-")), "roma.md");
    fs.writeFileSync(file, fs.readFileSync(REGIONAL, "utf8").replace(/Regione Lazio/g, "Roma Capitale"));
    const reading = read(file, { edition: 2023 });
    expect(reading.catalogue).toBeUndefined();
    expect(reading.errors).toEqual([expect.objectContaining({ file, line: 1, message: problem })]);
  });
});

describe("a status line", () => {
  it("without a date is a warning, and the catalogue is dated the end of its edition year", () => {
    const reading = read(NO_DATE);
    expect(reading.errors).toEqual([]);
    expect(reading.catalogue?.catalog).toMatchObject({ id: "anpal-2024", year: 2024, asOf: "2024-12-31" });
    expect(reading.warnings.map((found) => [found.line, found.message])).toContainEqual([
      3,
      "no status date ('Situazione Catalogo all' dd/mm/yyyy'): the catalogue is recorded as of 2024-12-31",
    ]);
  });

  it("written 'Situazione Catalogo all’ 15/03/2025' is read, and the title keeps to the cover above it", () => {
    const text = fs
      .readFileSync(REGIONAL, "utf8")
      .replace("# Catalogo di buone prassi della Regione Lazio", "# Catalogo 2025");
    const lines = splitLines(text);
    expect(lines).toContain("## Situazione Catalogo all’ 15/03/2025");
    expect(readFrontMatter(lines, REGIONAL).frontMatter).toMatchObject({
      title: "Buone prassi dei Centri per l’impiego – Catalogo 2025",
      year: 2025,
      asOf: "2025-03-15",
    });
    // A short file may put its status line and index above "Catalogo YYYY": they never become the title.
    const statusFirst = [
      "**Buone prassi – Regione Lazio**",
      "",
      "## Situazione Catalogo all’ 15/03/2025",
      "",
      "001\t«Incontri» – <u>Lazio</u>",
      "",
      "# Catalogo 2025",
    ];
    expect(readFrontMatter(statusFirst, "short.md").frontMatter).toMatchObject({
      title: "Buone prassi – Regione Lazio – Catalogo 2025",
      asOf: "2025-03-15",
    });
    for (const apostrophe of ["'", "‘", "ʼ", "´", "`", "′"]) {
      const status = `Situazione Catalogo all${apostrophe} 15/03/2025`;
      expect(readFrontMatter(["# Catalogo 2025", status], "f.md").frontMatter?.asOf).toBe("2025-03-15");
    }
  });
  it("dated before its edition year or after the year that follows is a warning at the status line", () => {
    const warnings = read(REGIONAL, { edition: 2023 }).warnings.map((found) => [found.line, found.message]);
    expect(warnings).toEqual([
      [
        8,
        "the status date 2025-03-15 is not in the edition year 2023 or the year after: " +
          "check the status line or the edition year",
      ],
    ]);
    const dated = (date: string) =>
      readFrontMatter(["# Catalogo 2023", "ANPAL Servizi", `Situazione Catalogo al ${date}`], "f.md");
    expect(dated("11/12/2023").issues).toEqual([]);
    expect(dated("31/12/2024").issues).toEqual([]);
    expect(dated("31/12/2022").issues.map((found) => [found.severity, found.line])).toEqual([["warning", 3]]);
    expect(dated("01/01/2025").issues.map((found) => [found.severity, found.line])).toEqual([["warning", 3]]);
  });
});

describe("typography", () => {
  it("reads typographic apostrophes, quotes and dashes as their plain forms, character for character", () => {
    const written = "all’avvio dell‘ «Impresa–Lavoro» “sì” — allʼimpiego ‐ ‒ ― − ′";
    expect(plainTypography(written)).toBe(`all'avvio dell' "Impresa-Lavoro" "sì" - all'impiego - - - - '`);
    expect(plainTypography(written)).toHaveLength(written.length);
    // The modifier letter apostrophe is a letter to Unicode: without it, "allʼimpiego" would be one word.
    expect(tokenize("allʼimpiego").map((token) => token.text)).toEqual(["all", "impiego"]);
  });

  it("lets any dash separate an index row's title from its region", () => {
    const rows = [
      "## Situazione Catalogo",
      "001\t«Job Club» — <u>Liguria</u>\t<i>…</i>",
      "002\tLaboratori ‒ Regione Lazio\t…",
    ];
    expect(readIndex(rows)?.entries).toEqual([
      { number: 1, title: "Job Club", region: "Liguria", line: 2 },
      { number: 2, title: "Laboratori", region: "Lazio", line: 3 },
    ]);
  });
});

describe("practice ids", () => {
  // Cards past 999 are read by tests/ingest/largeCatalogue.db.test.ts; their ids, prefixed or not, are valid.
  it("may carry a catalogue id before the year, and an index past 999", () => {
    const valid = (id: string) => PracticeIdSchema.safeParse(id).success;
    expect(["2023-001", "2023-1000", "lazio-2023-001", "roma-capitale-2023-1001"].filter(valid)).toHaveLength(4);
    expect(["2023-01", "2023-0100", "Lazio-2023-001", "lazio--2023-001", "lazio-001"].filter(valid)).toEqual([]);
  });
});
