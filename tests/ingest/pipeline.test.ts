import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NormalizedCatalogueSchema } from "../../src/ingest/catalogue";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";

const root = path.resolve(__dirname, "../..");
const SOURCE = "seed/anpal-buone-prassi-catalogo-2023.md";
const reading = readCatalogue(path.join(root, SOURCE), { sourceName: SOURCE });

describe("readCatalogue on the 2023 catalogue", () => {
  it("gives a catalogue that validates against the normalized format", () => {
    expect(reading.errors).toEqual([]);
    expect(NormalizedCatalogueSchema.safeParse(reading.catalogue).success).toBe(true);
  });

  it("reads the catalogue's identity from its cover and status page", () => {
    expect(reading.catalogue?.catalog).toEqual({
      id: "anpal-2023",
      title: "Buone prassi nei servizi per il lavoro e politiche attive – Catalogo 2023",
      publisher: "ANPAL Servizi",
      year: 2023,
      asOf: "2023-12-11",
      source: SOURCE,
    });
  });

  it("matches the reviewed seed/anpal-2023.catalogue.json (regenerate it with the ingest dry run when this changes)", () => {
    const seed = JSON.parse(fs.readFileSync(path.join(root, "seed/anpal-2023.catalogue.json"), "utf8"));
    expect(reading.catalogue).toEqual(seed);
  });

  it("states the lineage of card 12 to card 9 (the LAB PAL model) with its source line", () => {
    const card12 = reading.catalogue?.practices.find((practice) => practice.id === "2023-012");
    expect(card12?.buildsOn).toEqual([expect.objectContaining({ id: "2023-009", model: "LAB PAL" })]);
    expect(card12?.buildsOn[0]?.source.line).toBeGreaterThanOrEqual(card12!.source.startLine);
  });
});

describe("readCatalogue on the 2023 catalogue saved with Windows line endings (CRLF)", () => {
  it("reads the same catalogue, every line number the same", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-crlf-"));
    try {
      const file = path.join(dir, "crlf.md");
      fs.writeFileSync(file, fs.readFileSync(path.join(root, SOURCE), "utf8").replace(/\n/g, "\r\n"));
      const crlf = readCatalogue(file, { sourceName: SOURCE });
      expect(crlf.errors).toEqual([]);
      expect(crlf.warnings).toEqual(reading.warnings);
      expect(crlf.catalogue).toEqual(reading.catalogue);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readCatalogue on a later catalogue", () => {
  const later = readCatalogue(path.join(root, "tests/fixtures/catalogues/later-edition.md"), {
    sourceName: "later-edition.md",
  });

  it("resolves a model introduced by an earlier catalogue's practice to that practice's id (the vocabulary's introducedIn)", () => {
    expect(later.errors).toEqual([]);
    expect(later.catalogue?.catalog).toMatchObject({ id: "anpal-2024", year: 2024, asOf: "2024-11-15" });
    expect(later.catalogue?.practices.map((practice) => [practice.id, practice.buildsOn])).toEqual([
      [
        "2024-001",
        [
          {
            id: "2023-009",
            title: "A scuola di orientamento al lavoro con i CPI",
            model: "LAB PAL",
            source: { field: "driver", line: 25 },
          },
        ],
      ],
    ]);
  });

  it("warns, with the line, when a card names a model whose practice neither the catalogue nor an introducedIn id gives", () => {
    const vocabulary = loadVocabulary();
    const withoutIds = { ...vocabulary, lineage: vocabulary.lineage.map(({ introducedIn: _, ...entry }) => entry) };
    const reading = readCatalogue(path.join(root, "tests/fixtures/catalogues/later-edition.md"), {
      sourceName: "later-edition.md",
      vocabulary: withoutIds,
    });
    expect(reading.catalogue?.practices[0]?.buildsOn).toEqual([]);
    expect(reading.warnings).toContainEqual(
      expect.objectContaining({
        line: 25,
        card: 1,
        message:
          "names the model 'LAB PAL' of 'A scuola di orientamento al lavoro con i CPI', which is not in this catalogue, " +
          "and seed/vocabulary/lineage.json gives no introducedIn id for it: no BUILDS_ON link",
      }),
    );
  });

  it("does not trust an introducedIn id that is one of the catalogue's own practices (ids are index positions)", () => {
    const vocabulary = loadVocabulary();
    const ownId = {
      ...vocabulary,
      lineage: vocabulary.lineage.map((entry) => ({ ...entry, introducedIn: "2024-001" })),
    };
    const reading = readCatalogue(path.join(root, "tests/fixtures/catalogues/later-edition.md"), {
      sourceName: "later-edition.md",
      vocabulary: ownId,
    });
    expect(reading.catalogue?.practices[0]?.buildsOn).toEqual([]);
    expect(reading.warnings.map((warning) => warning.message)).toContain(
      "names the model 'LAB PAL' of 'A scuola di orientamento al lavoro con i CPI', which is not in this catalogue, " +
        "whose 2024-001 is another practice: no BUILDS_ON link",
    );
  });
});

describe("readCatalogue on an invalid catalogue", () => {
  // Its cards are sparse: allowed partial, so that what is left are the errors --allow-partial never relaxes.
  const invalid = readCatalogue(path.join(root, "tests/fixtures/catalogues/invalid.md"), {
    sourceName: "invalid.md",
    allowPartial: new Set([1, 2]),
  });

  it("lists every error with file, line and card, in line order, and gives no catalogue", () => {
    expect(invalid.catalogue).toBeUndefined();
    expect(invalid.errors.map(({ file, line, card, message }) => `${file}:${line} card ${card}: ${message}`)).toEqual([
      "invalid.md:16 card 1: unknown region 'Atlantide'",
      "invalid.md:24 card 2: missing mandatory field 'title' (TITOLO DELLA PRATICA)",
    ]);
  });

  it("keeps the unknown LEP code as a warning on its line", () => {
    expect(invalid.warnings).toContainEqual(
      expect.objectContaining({ line: 19, message: "unknown LEP code 'RDC' ignored" }),
    );
  });
});
