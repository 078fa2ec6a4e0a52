import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParsedCard } from "../../src/ingest/card";
import { parseCatalogue, splitLines } from "../../src/ingest/parse";
import { htmlToText } from "../../src/ingest/text/markup";

const FIXTURES = join(__dirname, "../fixtures/catalogues");
const CATALOGUE_2023 = join(__dirname, "../../seed/anpal-buone-prassi-catalogo-2023.md");

function parseFile(path: string) {
  return parseCatalogue(splitLines(readFileSync(path, "utf8")), path);
}

function field(card: ParsedCard | undefined, key: keyof ParsedCard["fields"]) {
  const found = card?.fields[key];
  if (!found) throw new Error(`field ${key} not found`);
  return found;
}

describe("htmlToText", () => {
  it("turns lists into '- ' lines and paragraphs into blank-line separated blocks", () => {
    expect(htmlToText("<p>Intro:</p> <ul> <li>• uno;</li> <li>✓ <b>due</b></li> </ul> <p>Fine &amp; basta.</p>")).toBe(
      "Intro:\n\n- uno;\n- due\n\nFine & basta.",
    );
  });

  it("drops footnote references and keeps links, emphasis and line breaks as text", () => {
    expect(htmlToText('Dati<sup>3</sup> del <a href="x">portale</a><br><i>aggiornati</i>')).toBe(
      "Dati del portale\naggiornati",
    );
  });

  it("decodes numeric entities of real code points and leaves out-of-range ones as written", () => {
    expect(htmlToText("&#8364; &#x20AC; &#99999999; &#x110000; &#1114111;")).toBe(
      "€ € &#99999999; &#x110000; \u{10FFFF}",
    );
  });
});

describe("parseCatalogue on the layout fixture", () => {
  const { index, cards, issues } = parseFile(join(FIXTURES, "layouts.md"));
  const [first, second, third] = cards;

  it("reads the index, not the table of contents, with titles and regions", () => {
    expect(index).toEqual([
      { number: 1, title: "Sportello Imprese", region: "Piemonte", line: 9 },
      { number: 2, title: "Orientamento a scuola", region: "Calabria", line: 10 },
      { number: 3, title: "Spazio Autoimpiego", region: "Emilia-Romagna", line: 11 },
    ]);
  });

  it("finds cards under bold, Markdown and plain wrapped headings, in order", () => {
    expect(cards.map((card) => [card.catalogNumber, card.startLine, card.heading])).toEqual([
      [1, 15, "1 Regione Piemonte – Sportello Imprese"],
      [2, 39, "2 Regione Calabria – Orientamento a scuola"],
      [3, 75, "12 Regione Emilia-Romagna – Spazio Autoimpiego e lavoro autonomo"],
    ]);
  });

  it("keeps duplicate printed numbers apart: cards are identified by order", () => {
    expect(cards.map((card) => card.fields.cardNumber?.text)).toEqual(["001", "007", "007"]);
  });

  it("warns when a heading's number differs from the card's position", () => {
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 75,
        card: 3,
        message: expect.stringContaining("numbered 12"),
      }),
    ]);
  });

  it("reads tab rows with plain, <b> and <p><b> labels, with line numbers", () => {
    expect(field(first, "region")).toMatchObject({ text: "Piemonte", startLine: 18, endLine: 18 });
    expect(field(first, "leps")).toMatchObject({ label: "TIPOLOGIA/LEP", text: "LEP F; LEP P; LEP Q." });
    expect(field(third, "leps")).toMatchObject({ label: "TIPOLOGIA LEP", text: "LEP O Supporto all' autoimpiego" });
  });

  it("matches label variants (Schede, E', NELLA IMPLEMENTAZIONE, E/O QUANTO TEMPO)", () => {
    expect(Object.keys(third?.fields ?? {})).toEqual([
      "cardNumber",
      "region",
      "title",
      "description",
      "leps",
      "territorialScope",
      "stillOpen",
      "anpalSupported",
      "period",
      "stakeholders",
      "conclusions",
    ]);
  });

  it("cleans HTML lists inside values", () => {
    expect(field(first, "description").text).toBe(
      "Il servizio offre consulenza alle imprese:\n\n- ricerca del personale;\n- incontro domanda & offerta",
    );
  });

  it("continues a value on tab rows after a footnote, joining the sentence the page broke", () => {
    expect(field(first, "activities")).toMatchObject({
      text: "Si possono distinguere due fasi. Per ogni reclutamento viene definito un piano di lavoro condiviso con l'impresa.\n\nSegue la selezione.",
      startLine: 28,
      endLine: 32,
    });
  });

  it("keeps an HTML table as data once, although the conversion repeated it as cells and tab rows", () => {
    const results = field(first, "results");
    expect(results.tables).toEqual([
      {
        header: ["CPI", "Assunti"],
        rows: [
          ["Torino", "120"],
          ["Cuneo", "45"],
        ],
      },
    ]);
    expect(results.text).toBe("Risultati per CPI:\n\nCPI | Assunti\nTorino | 120\nCuneo | 45");
    expect(field(first, "conclusions").startLine).toBe(37);
  });

  it("joins a label split over two tab rows", () => {
    expect(field(second, "driver")).toMatchObject({
      label: "QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? E' STATO INTERNO O ESTERNO ALLO SPI?",
      text: "L'impulso è venuto dal Centro per l'impiego, che ha voluto ampliare il modello laboratoriale già in uso.",
    });
  });

  it("reads a label wrapped over several lines with its value in the next paragraphs, and a tab table", () => {
    const results = field(second, "results");
    expect(results).toMatchObject({ label: "QUALI SONO STATI I RISULTATI DELLA PRATICA?", startLine: 54, endLine: 63 });
    expect(results.tables).toEqual([
      {
        header: ["SCUOLA", "STUDENTI", "COLLOQUI"],
        rows: [
          ["Righi", "40", "12"],
          ["Volta", "35", "9"],
          ["", "75", "21"],
        ],
      },
    ]);
    expect(results.text.startsWith("I risultati per scuola:\n\nSCUOLA | STUDENTI | COLLOQUI")).toBe(true);
  });

  it("reads a Markdown heading label, Markdown bullets and a pipe table", () => {
    const lessons = field(second, "lessons");
    expect(lessons.text.split("\n").slice(0, 2)).toEqual([
      "- lavorare in rete con le scuole;",
      "- coinvolgere le imprese.",
    ]);
    expect(lessons.tables).toEqual([
      {
        header: ["Fase", "Mesi"],
        rows: [
          ["Laboratori", "3"],
          ["Job day", "1"],
        ],
      },
    ]);
  });

  it("gives the text after the last label to the last field, across page breaks", () => {
    expect(field(third, "conclusions")).toMatchObject({
      text: "Il servizio è un ponte verso il lavoro autonomo e può essere replicato in altre regioni.\n\nSi consiglia di partire dai CPI più grandi.",
      endLine: 94,
    });
    expect(third?.endLine).toBe(94);
  });
});

describe("parseCatalogue on a faulty catalogue", () => {
  const { cards, issues } = parseFile(join(FIXTURES, "faulty.md"));

  it("refuses a card without a mandatory field, naming the card, its line and the field", () => {
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: "error",
        file: expect.stringContaining("faulty.md"),
        line: 20,
        card: 2,
        message: expect.stringContaining("'title'"),
      }),
    );
  });

  it("refuses a catalogue whose card count differs from its index", () => {
    expect(cards).toHaveLength(2);
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: "error",
        line: 1,
        message: "the index lists 3 practices but 2 cards were found",
      }),
    );
  });

  it("does not throw on a numeric entity beyond the last Unicode code point", () => {
    const text = "# Nothing here &#99999999;\n\nSCHEDA\t001\nREGIONE\tLazio &#x7FFFFFFF;\n";
    expect(() => parseCatalogue(splitLines(text), "entities.md")).not.toThrow();
  });

  it("reports a catalogue without an index instead of throwing", () => {
    const result = parseCatalogue(splitLines("# Nothing here\n\nSCHEDA\t001\nREGIONE\tLazio\n"), "empty.md");
    expect(result.index).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: "error", line: 1, message: expect.stringContaining("no catalogue index") }),
    );
  });
});

describe("parseCatalogue on an index that does not list the cards in their order", () => {
  it("refuses each row that names another practice than its card, with the lines of both", () => {
    const lines = readFileSync(CATALOGUE_2023, "utf8").split("\n");
    [lines[233], lines[234]] = [lines[234]!, lines[233]!];
    const { issues } = parseCatalogue(lines, "swapped.md");
    expect(issues.filter((found) => found.severity === "error")).toEqual([
      {
        severity: "error",
        file: "swapped.md",
        line: 234,
        card: 3,
        message:
          "index row 3 names 'JOB CLUB', but card 3 (line 353) is 'Technortus: un orto a misura 4.0': " +
          "the index and the cards must list the practices in the same order, since ids are index positions",
      },
      expect.objectContaining({
        line: 235,
        card: 4,
        message: expect.stringContaining(
          "index row 4 names 'Technortus: un orto a misura 4.0', but card 4 (line 385) is 'JOB CLUB'",
        ),
      }),
    ]);
  });
});

describe("parseCatalogue on the 2023 catalogue", () => {
  const { index, cards, issues } = parseFile(CATALOGUE_2023);

  it("finds the 16 cards of the index without issues", () => {
    expect(index.map((entry) => entry.number)).toEqual([...Array(16).keys()].map((i) => i + 1));
    expect(cards).toHaveLength(16);
    expect(issues).toEqual([]);
  });

  it("keeps the printed numbers, duplicates included", () => {
    expect(cards.map((card) => card.fields.cardNumber?.text)).toEqual([
      "001",
      "002",
      "003",
      "004",
      "005",
      "006",
      "007",
      "008",
      "009",
      "010",
      "012",
      "013",
      "014",
      "014",
      "015",
      "016",
    ]);
  });

  it("finds every labelled field of every card (card 12 has no human-resources field)", () => {
    for (const card of cards) {
      const expected = card.catalogNumber === 12 ? 22 : 23;
      expect([card.catalogNumber, Object.keys(card.fields).length]).toEqual([card.catalogNumber, expected]);
    }
  });

  it("keeps the per-CPI results of card 2 as a table", () => {
    const [table] = field(cards[1], "results").tables;
    expect(table?.header).toEqual(["CPI", "BENEFICIARI CONTATTATI", "RISPOSTE", "TASSO DI RISPOSTE %"]);
    expect(table?.rows).toHaveLength(29);
    expect(table?.rows[0]).toEqual(["Ales", "0", "0", "0"]);
    expect(table?.rows[28]).toEqual(["TOT/MEDIA", "7.649", "4.853", "63 %"]);
  });

  it("keeps the per-area results of card 16 as a table, not as a second territorial-scope field", () => {
    const card = cards[15];
    expect(field(card, "territorialScope")).toMatchObject({ text: "Regionale", startLine: 1033 });
    const [table] = field(card, "results").tables;
    expect(table?.header).toEqual(["AMBITO TERRITORIALE", "N. UTENTI PRESI IN CARICO"]);
    expect(table?.rows).toHaveLength(10);
    expect(table?.rows[9]).toEqual(["TOTALE REGIONALE", "66"]);
  });

  it("keeps the HTML table of card 13 once and the six tables of card 7", () => {
    expect(field(cards[12], "results").tables).toEqual([
      {
        header: ["Data Point", "Totale iscritti al canale (Approximate)"],
        rows: [
          ["09/Feb/2023", "400"],
          ["11/Mar/2023", "600"],
          ["30/Apr/2023", "1500"],
          ["16/Jun/2023", "1950"],
        ],
      },
    ]);
    expect(field(cards[6], "results").tables).toHaveLength(6);
  });

  it("reads labels wrapped over lines and split over tab rows", () => {
    expect(field(cards[1], "results").startLine).toBe(312);
    expect(field(cards[11], "conclusions").startLine).toBe(867);
    expect(field(cards[11], "driver")).toMatchObject({ startLine: 807, endLine: 811 });
    expect(field(cards[15], "activities").startLine).toBe(1067);
  });

  it("gives each card its source lines", () => {
    expect(cards.map((card) => [card.startLine, card.endLine])).toEqual([
      [256, 286],
      [288, 351],
      [353, 383],
      [385, 414],
      [416, 447],
      [449, 477],
      [479, 611],
      [613, 643],
      [645, 717],
      [719, 759],
      [761, 789],
      [791, 878],
      [880, 938],
      [940, 973],
      [975, 1020],
      [1024, 1149],
    ]);
  });
});
