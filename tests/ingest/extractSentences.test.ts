import { FULL_STOP, splitSpans } from "../../src/ingest/extract/sentences";

const parts = (text: string, separator: RegExp) =>
  splitSpans(text, { start: 0, end: text.length }, separator).map(({ start, end }) => text.slice(start, end));

describe("sentences and list items", () => {
  it("ends a sentence at a full stop, not at the dot of a one-letter abbreviation", () => {
    expect(FULL_STOP.exec("Il Settore n. 2 apre. Poi")?.index).toBe(20);
    expect(FULL_STOP.test("CPI coinvolti: Olbia e Tempio P. Il modello")).toBe(false);
  });

  it("splits a text at its separators, leaving out blank parts", () => {
    expect(parts("Salerno, , Avellino;\n- Caserta", /[,;]|\n- /gu)).toEqual(["Salerno", " Avellino", "Caserta"]);
  });
});
