import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";

// The fixtures' cards hold only the fields under test: partial cards, read as such.
const reading = readCatalogue(path.join(__dirname, "../fixtures/catalogues/cpi-contexts.md"), {
  sourceName: "cpi-contexts.md",
  allowPartial: new Set([1, 2, 3, 4, 5]),
});
const practice = (id: string) => reading.catalogue?.practices.find((candidate) => candidate.id === id);
const cpisOf = (id: string) => practice(id)?.cpis.map(({ id: cpi, source }) => [cpi, source.field, source.line]);
const cpisIn = (id: string, field: string) => cpisOf(id)?.filter(([, named]) => named === field);

describe("job centres named by their context", () => {
  it("reads the fixture without errors", () => {
    expect(reading.errors).toEqual([]);
  });

  it("links the CPIs of a results table's CPI column, each on its row's line", () => {
    // Cagliari is also named in the prose above the table: the row, not the first "Cagliari", is the provenance.
    // Cuneo is no CPI the vocabulary knows and TOTALE no CPI at all; Nuoro and Oristano sit in a PROVINCIA column.
    expect(cpisOf("2024-001")).toEqual([
      ["cpi-cagliari", "results", 29],
      ["cpi-quartu-sant-elena", "results", 30],
      ["cpi-tempio-pausania", "results", 31],
    ]);
  });

  it("links the bare town names of a list introduced as CPIs, and reports none of them as unknown", () => {
    expect(cpisOf("2024-002")).toEqual([
      ["cpi-sorrento", "employmentService", 49], // bullets after "CPI coinvolti:"
      ["cpi-pompei", "employmentService", 49],
      ["cpi-salerno", "stakeholders", 51], // "i primi 3 centri per l'impiego (1 per provincia): Salerno, Avellino e Maddaloni (Ce)"
      ["cpi-avellino", "stakeholders", 51],
      ["cpi-maddaloni", "stakeholders", 51],
      ["cpi-caserta", "activities", 52], // "nei Centri per l'impiego di Caserta, Benevento e Nola, con operatori formati"
      ["cpi-benevento", "activities", 52],
      ["cpi-nola", "activities", 52],
    ]);
    expect(reading.unknownMentions.filter((mention) => mention.practice === "2024-002")).toEqual([]);
  });

  it("does not make a CPI of the same towns outside a CPI context", () => {
    // "Camera di Commercio di Salerno, Confindustria Avellino", "Sportelli aperti a Salerno e Avellino dal 2019, a
    // Giugliano (Na) e Maddaloni (CE) dal 2021" (a province does not make a town a CPI), and a list after "I Centri per
    // l'impiego" whose first item is no CPI ("hanno incontrato la Camera di Commercio di Salerno").
    expect(cpisOf("2024-003")).toEqual([]);
    expect(practice("2024-003")?.stakeholders.map((stakeholder) => stakeholder.id)).toEqual([
      "regione-campania",
      "cciaa-salerno",
      "confindustria-avellino",
      "confindustria", // the branch's national organisation (docs/actors.md)
    ]);
  });

  it("reads no list after the colon of a designated CPI's name", () => {
    // "Il CPI di Avellino: sportelli a Nola, Caserta e Benevento": the colon says what the CPI has, not which CPIs.
    expect(cpisIn("2024-004", "description")).toEqual([["cpi-avellino", "description", 73]]);
  });

  it("reads a list introduced as CPIs only from its first item, up to the first item that is no CPI", () => {
    // "Servizi offerti dai CPI: orientamento a Nola, tutoraggio, Caserta e Benevento" lists services, not CPIs.
    // "...di Afragola, Pompei Scavi e Sorrento": "Pompei Scavi" is not the CPI of Pompei, and the list stops there.
    expect(cpisIn("2024-004", "activities")).toEqual([["cpi-afragola", "activities", 81]]);
  });

  it("ends a list at an abbreviated name whose dot also ends the sentence", () => {
    // "CPI coinvolti: Olbia e Tempio P. Il modello sarà poi esteso a Sassari, Nuoro e Oristano."
    expect(cpisOf("2024-005")).toEqual([
      ["cpi-olbia", "employmentService", 93],
      ["cpi-tempio-pausania", "employmentService", 93],
    ]);
  });

  it("locates a bare list item on its own line of a multi-line field, not on an earlier line naming the same town", () => {
    // Line 79 names the "Camera di Commercio di Salerno"; line 80 lists the CPIs "Maddaloni (Ce) e Salerno".
    expect(cpisIn("2024-004", "stakeholders")).toEqual([
      ["cpi-maddaloni", "stakeholders", 80],
      ["cpi-salerno", "stakeholders", 80],
    ]);
  });
});

describe("a list of job centres whose sentence goes on after it", () => {
  const lists = readCatalogue(path.join(__dirname, "../fixtures/catalogues/cpi-lists.md"), {
    sourceName: "cpi-lists.md",
    allowPartial: new Set([1]),
  });
  const cpisIn = (field: string) =>
    lists.catalogue?.practices[0]?.cpis
      .filter((cpi) => cpi.source.field === field)
      .map(({ id, source }) => [id, source.line]);

  it("reads the fixture without errors", () => {
    expect(lists.errors).toEqual([]);
  });

  it("keeps the last item followed by the rest of its sentence", () => {
    // "I Centri per l'impiego di Caserta, Benevento e Nola hanno aperto uno sportello per le donne."
    expect(cpisIn("description")).toEqual([
      ["cpi-caserta", 16],
      ["cpi-benevento", 16],
      ["cpi-nola", 16],
    ]);
  });

  it("keeps a name of two words followed by the rest of its sentence, and stops before a name followed by a digit", () => {
    // "Gli operatori dei CPI di Sala Consilina e Agropoli seguono i corsi. Le sedi dei CPI di Giugliano e Pomigliano 2
    // restano chiuse.": "Pomigliano 2" is not the CPI of Pomigliano.
    expect(cpisIn("activities")).toEqual([
      ["cpi-sala-consilina", 24],
      ["cpi-agropoli", 24],
      ["cpi-giugliano-in-campania", 24],
    ]);
  });

  it("ends the list at an item whose name the sentence goes on from, keeping that name", () => {
    // "i primi 3 centri per l'impiego (1 per provincia): Maddaloni (CE) con sede nuova, Frattamaggiore e Ottaviano"
    expect(cpisIn("stakeholders")).toEqual([["cpi-maddaloni", 23]]);
  });

  it("reads an ampersand as an item separator", () => {
    // "Sportelli nei CPI di Salerno &amp; Avellino."
    expect(cpisIn("employmentService")).toEqual([
      ["cpi-salerno", 21],
      ["cpi-avellino", 21],
    ]);
  });
});
