import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";

const reading = readCatalogue(path.join(__dirname, "../fixtures/catalogues/cpi-contexts.md"), { sourceName: "cpi-contexts.md" });
const practice = (id: string) => reading.catalogue?.practices.find((candidate) => candidate.id === id);
const cpisOf = (id: string) => practice(id)?.cpis.map(({ id: cpi, source }) => [cpi, source.field, source.line]);

describe("job centres named by their context", () => {
  it("reads the fixture without errors", () => {
    expect(reading.errors).toEqual([]);
  });

  it("links the CPIs of a results table's CPI column, each on its row's line", () => {
    // Cagliari is also named in the prose above the table: the row, not the first "Cagliari", is the provenance.
    // Cuneo is no CPI the vocabulary knows and TOTALE no CPI at all; Nuoro and Oristano sit in a PROVINCIA column.
    expect(cpisOf("2024-001")).toEqual([
      ["cpi-cagliari", "results", 27],
      ["cpi-quartu-sant-elena", "results", 28],
      ["cpi-tempio-pausania", "results", 29],
    ]);
  });

  it("links the bare town names of a list introduced as CPIs, and reports none of them as unknown", () => {
    expect(cpisOf("2024-002")).toEqual([
      ["cpi-sorrento", "employmentService", 47], // bullets after "CPI coinvolti:"
      ["cpi-pompei", "employmentService", 47],
      ["cpi-salerno", "stakeholders", 49], // "i primi 3 centri per l'impiego (1 per provincia): Salerno, Avellino e Maddaloni (Ce)"
      ["cpi-avellino", "stakeholders", 49],
      ["cpi-maddaloni", "stakeholders", 49],
      ["cpi-caserta", "activities", 50], // "nei Centri per l'impiego di Caserta, Benevento e Nola, con operatori formati"
      ["cpi-benevento", "activities", 50],
      ["cpi-nola", "activities", 50],
    ]);
    expect(reading.unknownMentions.filter((mention) => mention.practice === "2024-002")).toEqual([]);
  });

  it("does not make a CPI of the same towns outside a CPI context", () => {
    // "Camera di Commercio di Salerno, Confindustria Avellino", "Sportelli aperti a Salerno e Avellino", and a list
    // after "I Centri per l'impiego" whose first item is no CPI ("hanno incontrato la Camera di Commercio di Salerno").
    expect(cpisOf("2024-003")).toEqual([]);
    expect(practice("2024-003")?.stakeholders.map((stakeholder) => stakeholder.id)).toEqual([
      "regione-campania",
      "cciaa-salerno",
      "confindustria-avellino",
    ]);
  });
});
