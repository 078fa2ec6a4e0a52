import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";
import { cutCatalogue2023, generatedCatalogue } from "../support/catalogues";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-cut-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function read(text: string, name = "cut.md") {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return readCatalogue(file, { sourceName: name });
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
