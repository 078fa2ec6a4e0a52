import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NormalizedCatalogueSchema, NormalizedPracticeCoreSchema } from "../../src/ingest/catalogue";
import { normalizeCard } from "../../src/ingest/normalize";
import { parseCatalogue, splitLines } from "../../src/ingest/parse";
import { readLepCodes } from "../../src/reference/lep";
import { REGIONS, resolveRegion } from "../../src/reference/regions";

const FIXTURES = join(__dirname, "../fixtures/catalogues");
const CATALOGUE_2023 = join(__dirname, "../../seed/anpal-buone-prassi-catalogo-2023.md");

function normalizeFile(path: string, year: number) {
  return parseCatalogue(splitLines(readFileSync(path, "utf8")), path).cards.map((card) =>
    normalizeCard(card, { year, practiceIdPrefix: `${year}-` }, path),
  );
}

describe("regions", () => {
  it("lists the 21 PES territories with distinct NUTS-2 codes", () => {
    expect(new Set(REGIONS.map((region) => region.nuts)).size).toBe(21);
    expect(resolveRegion("Trentino")?.nuts).toBe("ITH2");
    expect(resolveRegion("Bolzano/Bozen")?.nuts).toBe("ITH1");
  });

  it("resolves every name and alias to its own territory: no spelling names two", () => {
    for (const region of REGIONS) {
      for (const name of [region.name, ...region.aliases])
        expect([name, resolveRegion(name)?.nuts]).toEqual([name, region.nuts]);
    }
  });

  it.each([
    ["Regione Siciliana", "ITG1"],
    ["Regione Autonoma della Sardegna", "ITG2"],
    ["Regione del Veneto", "ITH3"],
    ["REGIONE SICILIA", "ITG1"],
    ["EMILIA-ROMAGNA", "ITH5"],
    ["Friuli Venezia Giulia", "ITH4"],
    ["valle d’aosta", "ITC2"],
  ])("matches %s whatever its case, accents and hyphens", (name, nuts) => {
    expect(resolveRegion(name)?.nuts).toBe(nuts);
  });
});

describe("readLepCodes", () => {
  it.each([
    ["LEP F; LEP P; LEP Q.", ["F", "P", "Q"]],
    ["LEP E LEP F", ["E", "F"]],
    ["Lep C – Lep O", ["C", "O"]],
    ["LEP P;#LEP Q;#LEP R", ["P", "Q", "R"]],
    ["LEP P Accoglienza e Informazione LEP Q Incontro Domanda Offerta", ["P", "Q"]],
    ["LEP O Supporto all' autoimpiego (Servizi alle persone)", ["O"]],
    ["LEP M (M1, M2, M3) - LEP S", ["M", "M1", "M2", "M3", "S"]],
    ["F1", ["F1"]],
  ])("reads %s", (text, codes) => {
    expect(readLepCodes(text)).toEqual({ codes, unknown: [] });
  });

  it("sets apart tokens that are not LEP codes", () => {
    expect(readLepCodes("LEP C - LEP RDC")).toEqual({ codes: ["C"], unknown: ["RDC"] });
  });
});

describe("normalizeCard on the layout fixture", () => {
  const [first, second, third] = normalizeFile(join(FIXTURES, "layouts.md"), 2024);

  it("gives ids from the catalogue year and index position, keeping the printed number", () => {
    expect([first, second, third].map((result) => [result?.practice.id, result?.practice.printedNumber])).toEqual([
      ["2024-001", "001"],
      ["2024-002", "007"],
      ["2024-003", "007"],
    ]);
  });

  it("produces a practice that satisfies the normalized schema, with clean title and full summary", () => {
    const practice = NormalizedPracticeCoreSchema.parse(first?.practice);
    expect(practice.title).toBe("Servizio Sportello Imprese");
    expect(practice.summary).toBe(first?.practice.fields.description);
    expect(practice.fieldLines.leps).toBe(22);
    expect(practice.tables?.results).toHaveLength(1);
    expect(practice.source).toEqual({ startLine: 15, endLine: 37 });
  });

  it("reads regions, answers, start years and territorial levels", () => {
    const summary = [first, second, third].map((result) => {
      const { region, leps, ongoing, anpalSupport, startYear, territorialLevel } = result!.practice;
      return [region.nuts, leps, ongoing, anpalSupport, startYear, territorialLevel];
    });
    expect(summary).toEqual([
      ["ITC1", ["F", "P", "Q"], true, "YES", 2008, "REGIONAL"],
      ["ITF6", ["C"], true, "NO", null, "METROPOLITAN"],
      ["ITH5", ["O"], true, "PARTIAL", null, "PROVINCIAL"],
    ]);
  });

  it("warns, naming the line, when a card gives no start year", () => {
    expect(third?.issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 86,
        card: 3,
        message: expect.stringContaining("no start year"),
      }),
    ]);
  });
});

describe("normalizeCard on a faulty catalogue", () => {
  const [atlantis] = normalizeFile(join(FIXTURES, "faulty.md"), 2024);

  it("refuses a catalogue with an unknown region, naming its line", () => {
    expect(atlantis?.issues).toContainEqual(
      expect.objectContaining({ severity: "error", line: 12, card: 1, message: "unknown region 'Atlantide'" }),
    );
  });

  it("ignores an unknown LEP code with a warning on its line, never inventing a code", () => {
    expect(atlantis?.practice.leps).toEqual(["C"]);
    expect(atlantis?.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", line: 15, message: "unknown LEP code 'RDC' ignored" }),
    );
  });
});

describe("normalizeCard on the 2023 catalogue", () => {
  const results = normalizeFile(CATALOGUE_2023, 2023);

  it("produces 16 valid practices 2023-001..2023-016", () => {
    expect(results.map((result) => result.practice.id)).toEqual(
      [...Array(16).keys()].map((i) => `2023-${String(i + 1).padStart(3, "0")}`),
    );
    for (const { practice } of results) expect(NormalizedPracticeCoreSchema.safeParse(practice).success).toBe(true);
  });

  // Values checked by reading each card of seed/anpal-buone-prassi-catalogo-2023.md.
  it.each([
    [1, "ITC1", ["F", "P", "Q"], true, "YES", 2008, "REGIONAL"], // "A partire dal 2008 ... dal 2016"
    [2, "ITG2", ["C"], true, "YES", 2020, "REGIONAL"], // "marzo-aprile-maggio 2020"
    [3, "ITC4", ["M", "M1", "M2", "M3", "S"], true, "NO", 2018, "PROVINCIAL"], // "Locale. Provincia di Lecco"
    [4, "ITC3", ["E", "F"], true, "PARTIAL", null, "REGIONAL"], // "No", yet ANPAL assisted the 2018 pilot; "attiva da circa 1 anno"
    [5, "ITC3", ["F", "M", "S"], true, "YES", 2016, "REGIONAL"],
    [6, "ITI3", ["A", "B", "C", "D", "F", "G", "K"], true, "NO", 2020, "REGIONAL"], // "No." + "Nessuna."
    [7, "ITG2", ["C", "Q", "R", "S"], true, "YES", 2017, "REGIONAL"], // "LEP RDC" ignored
    [8, "ITI4", ["K", "M", "S"], true, "NO", 2020, "REGIONAL"],
    [9, "ITF6", ["C"], true, "YES", 2020, "REGIONAL"], // "avviata il 13/11/20"
    [10, "ITF3", ["P", "Q", "R", "S"], true, "YES", 2018, "REGIONAL"],
    [11, "ITI4", ["A", "C", "F", "M"], true, "YES", 2022, "LOCAL"], // area of the Cpl of Guidonia
    [12, "ITF6", ["C", "O"], true, "YES", 2022, "METROPOLITAN"], // "Reggio Calabria"
    [13, "ITG1", ["P", "Q", "R", "S"], true, "YES", 2021, "REGIONAL"], // "REGIONE SICILIA"
    [14, "ITF3", ["O"], true, "YES", 2022, "REGIONAL"], // "AVVIO MARZO 2022- IN CORSO"
    [15, "ITF3", ["J"], true, "YES", 2021, "REGIONAL"],
    [16, "ITH5", ["O"], true, "PARTIAL", 2021, "REGIONAL"], // "Si, in parte."
  ])("card %i: region %s, LEPs %j, ongoing %s, ANPAL %s, from %s, %s", (n, nuts, leps, ongoing, anpal, year, level) => {
    const { practice } = results[n - 1]!;
    expect([
      practice.region.nuts,
      practice.leps,
      practice.ongoing,
      practice.anpalSupport,
      practice.startYear,
      practice.territorialLevel,
    ]).toEqual([nuts, leps, ongoing, anpal, year, level]);
  });

  it("reports only the doubts a reader should check, with their lines", () => {
    const issues = results
      .flatMap((result) => result.issues)
      .map((issue) => [issue.severity, issue.line, issue.message]);
    expect(issues).toEqual([
      ["warning", 398, "no start year in 'E' attiva da circa 1 anno.'"],
      ["warning", 395, "answer 'No' but the assistance of ANPAL Servizi is described: PARTIAL"],
      ["warning", 486, "unknown LEP code 'RDC' ignored"],
    ]);
  });

  it("cleans titles of quotes, markup and trailing dots", () => {
    expect(results[0]?.practice.title).toBe("Servizio Alte professionalità e Grandi reclutamenti");
    expect(results[4]?.practice.title).toBe("JOB SPEED DATE Collocamento Mirato");
    expect(results[6]?.practice.title).toMatch(/il Job account$/);
  });

  it("keeps the tables of cards 2 and 16 as data", () => {
    expect(results[1]?.practice.tables?.results?.[0]?.rows).toHaveLength(29);
    expect(results[15]?.practice.tables?.results?.[0]?.header).toEqual([
      "AMBITO TERRITORIALE",
      "N. UTENTI PRESI IN CARICO",
    ]);
  });
});

describe("NormalizedCatalogueSchema", () => {
  const [first] = normalizeFile(join(FIXTURES, "layouts.md"), 2024);
  const catalogue = (stakeholder: object) => ({
    catalog: {
      id: "test-2024",
      title: "Prova",
      year: 2024,
      asOf: "2024-02-01",
      source: "tests/fixtures/catalogues/layouts.md",
    },
    practices: [
      {
        ...first!.practice,
        stakeholders: [stakeholder],
        targets: [],
        funding: [],
        cpis: [],
        laws: [],
        tools: [],
        buildsOn: [],
      },
    ],
    warnings: [{ line: 86, practice: "2024-003", message: "no start year" }],
  });

  it("accepts a catalogue whose entities carry their provenance", () => {
    const stakeholder = {
      id: "anpal-servizi",
      name: "ANPAL Servizi",
      kind: "NATIONAL_AGENCY",
      source: { field: "stakeholders", line: 30 },
    };
    expect(NormalizedCatalogueSchema.safeParse(catalogue(stakeholder)).success).toBe(true);
  });

  it("refuses an entity without provenance or with an unknown kind", () => {
    expect(
      NormalizedCatalogueSchema.safeParse(catalogue({ id: "x", name: "X", kind: "NATIONAL_AGENCY" })).success,
    ).toBe(false);
    const wrongKind = { id: "x", name: "X", kind: "ALIEN", source: { field: "stakeholders", line: 30 } };
    expect(NormalizedCatalogueSchema.safeParse(catalogue(wrongKind)).success).toBe(false);
  });
});
