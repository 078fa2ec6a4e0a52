import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";
import { cutCatalogue2023, generatedCatalogue } from "../support/catalogues";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-cut-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function read(text: string, allowPartial?: ReadonlySet<number>) {
  const file = path.join(scratch, "cut.md");
  fs.writeFileSync(file, text);
  return readCatalogue(file, { sourceName: "cut.md", allowPartial });
}

describe("a catalogue file cut short", () => {
  it("is refused wherever a line cut falls in a generated catalogue of 3 cards (and the whole file loads)", () => {
    const lines = generatedCatalogue(2030, 3).trimEnd().split("\n");
    expect(read(lines.join("\n")).errors).toEqual([]);
    const cuts = lines.slice(1).map((_, i) => i + 1);
    expect(cuts.filter((lineCount) => read(lines.slice(0, lineCount).join("\n")).catalogue !== undefined)).toEqual([]);
  });

  it.each([
    [228, "between the index heading and its first row"],
    [240, "inside the index"],
    [300, "inside card 2"],
  ])("is refused when the 2023 catalogue is cut after line %i, %s", (lineCount) => {
    const cut = cutCatalogue2023(lineCount);
    try {
      const reading = readCatalogue(cut.file, { sourceName: "cut.md" });
      expect(reading.catalogue).toBeUndefined();
      expect(reading.errors.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(path.dirname(cut.file), { recursive: true, force: true });
    }
  });
});

describe("the last field of the last card", () => {
  const lines = generatedCatalogue(2030, 2).trimEnd().split("\n");
  const conclusions = lines.at(-1)!;
  const withLastLine = (last: string) => [...lines.slice(0, -1), last].join("\n");

  it("is refused wherever a character cut falls in it, and taken as it is when --allow-partial names the card", () => {
    const value = conclusions.indexOf("\t") + 1;
    const cuts = [...conclusions.slice(value)].map((_, i) => conclusions.slice(0, value + i));
    expect(cuts.filter((cut) => read(withLastLine(cut)).catalogue !== undefined)).toEqual([]);
    expect(read(withLastLine(conclusions.slice(0, -4)), new Set([2])).warnings).toContainEqual(
      expect.objectContaining({
        card: 2,
        message: "its last field, 'conclusions', ends mid-word ('Si può replic'), taken as it is (--allow-partial)",
      }),
    );
  });

  it("names an HTML element left open, a tag cut in two and a character cut in two", () => {
    const html = `${conclusions.slice(0, conclusions.indexOf("\t"))}\t<p>Si può replicare.</p> <ul> <li>Nei CPI della costa.</li>`;
    expect(read(withLastLine(html)).errors.map((error) => error.message)).toEqual([
      "its last field, 'conclusions', with <ul> left open: was the file cut short? --allow-partial 2 loads it as it is",
    ]);
    expect(read(withLastLine(`${html}</ul> <p`)).errors.map((error) => error.message)).toEqual([
      "its last field, 'conclusions', ends mid-word ('…are. - Nei CPI della costa. <p'), with the tag '<p' left open: " +
        "was the file cut short? --allow-partial 2 loads it as it is",
    ]);
    expect(read(withLastLine(`${conclusions.slice(0, -1)}\uFFFD`)).errors.map((error) => error.message)).toEqual([
      "its last field, 'conclusions', holds U+FFFD, a character cut in two: was the file cut short? --allow-partial 2 loads it as it is",
    ]);
  });
});
