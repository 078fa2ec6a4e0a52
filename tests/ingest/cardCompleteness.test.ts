import fs from "node:fs";
import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";
import { truncatedCatalogue2023 } from "../support/catalogues";

const root = path.resolve(__dirname, "../..");
const SOURCE = "seed/anpal-buone-prassi-catalogo-2023.md";

describe("a card that lacks fields of a complete card", () => {
  const truncated = truncatedCatalogue2023();
  afterAll(() => fs.rmSync(path.dirname(truncated.file), { recursive: true, force: true }));

  it("is never one of the 16 cards of the 2023 catalogue (card 12 has no human-resources field, card 8 no assistance text)", () => {
    const reading = readCatalogue(path.join(root, SOURCE), { sourceName: SOURCE });
    expect(reading.errors).toEqual([]);
    expect(reading.warnings.map((warning) => warning.message)).not.toContainEqual(
      expect.stringMatching(/partial|incomplete/),
    );
  });

  it("refuses the catalogue cut inside its last card, naming the file, the line where the card stops and what it lacks", () => {
    const reading = readCatalogue(truncated.file, { sourceName: "cut.md" });
    expect(reading.catalogue).toBeUndefined();
    expect(reading.errors).toEqual([
      {
        severity: "error",
        file: "cut.md",
        line: truncated.lastLine,
        card: 16,
        message:
          "incomplete card, ending here with no 'humanResources', 'funding', 'results', 'outcomes', 'lessons', 'conclusions' " +
          "(was the file cut short?); --allow-partial 16 loads it as it is",
      },
    ]);
  });

  it("with allowPartial naming it, is loaded, and a warning on its last line names every field it is loaded without", () => {
    const reading = readCatalogue(truncated.file, { sourceName: "cut.md", allowPartial: new Set([16]) });
    expect(reading.errors).toEqual([]);
    expect(reading.catalogue?.practices).toHaveLength(16);
    expect(reading.warnings).toContainEqual({
      severity: "warning",
      file: "cut.md",
      line: truncated.lastLine,
      card: 16,
      message:
        "partial card, taken as it is (--allow-partial) with no 'humanResources', 'funding', 'results', 'outcomes', 'lessons', 'conclusions'",
    });
    expect(reading.catalogue?.warnings).toContainEqual(
      expect.objectContaining({ practice: "2023-016", line: truncated.lastLine }),
    );
  });

  it("is said to have an empty field when the cut falls right after a label", () => {
    const text = fs.readFileSync(path.join(root, SOURCE), "utf8").split("\n");
    const conclusions = text.findIndex((line, i) => i > 1100 && line.includes("QUALI PRINCIPALI CONCLUSIONI"));
    const file = path.join(path.dirname(truncated.file), "label.md");
    fs.writeFileSync(
      file,
      [
        ...text.slice(0, conclusions),
        "QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE DALLA REALIZZAZIONE DELLA PRATICA?",
      ].join("\n"),
    );
    const reading = readCatalogue(file, { sourceName: "label.md" });
    expect(reading.errors.map((error) => error.message)).toEqual([
      expect.stringContaining("ending here with an empty 'conclusions'"),
    ]);
  });
});
