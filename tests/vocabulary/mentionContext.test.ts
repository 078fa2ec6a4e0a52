import fs from "node:fs";
import { splitLines } from "../../src/ingest/parse";
import { readCatalogue } from "../../src/ingest/pipeline";
import { CONTEXT_WIDTH, mentionContext } from "../../src/vocabulary/mentionContext";
import { pendingFromCatalogue, type ReviewFile, type ReviewNode } from "../../src/vocabulary/reviewFile";
import { catalogueNaming, removeCatalogues } from "./reviewCatalogues";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

afterAll(removeCatalogues);

/** `npm run vocabulary -- pending FILE`'s nodes, without their candidates. */
function pendingOf(file: string): ReviewFile {
  const catalogue = readCatalogue(file, { sourceName: file }).catalogue!;
  return pendingFromCatalogue(catalogue, file, splitLines(fs.readFileSync(file, "utf8")));
}

const nodeOf = (review: ReviewFile, id: string): ReviewNode =>
  Object.values(review.kinds)
    .flat()
    .find((node) => node.id === id)!;

/** The context of a name in a text whose first line is the mention's. */
const contextIn = (text: string, spelling: string, width?: number) =>
  mentionContext(splitLines(text), 1, spelling, width);

const words = (count: number, word = "parola") => Array.from({ length: count }, (_, k) => `${word}${k}`).join(" ");

describe("a mention's context in the review file: its catalogue text around the name", () => {
  const long =
    "Una rete di partner sostiene lo sportello con incontri mensili, laboratori e visite in azienda. ".repeat(3) +
    "Tra i partner la Confindustria Foggia, che ospita i colloqui di gruppo, " +
    "e altri soggetti del territorio che seguono le persone nei loro percorsi. ".repeat(3);
  const { file, lineOf } = catalogueNaming({ Liguria: "CPI di Genova; Comune di Chiavari", Puglia: long });
  const review = pendingOf(file);

  it("is the whole line, markup and tabs stripped, when it is short (a generated card)", () => {
    expect(nodeOf(review, "comune-chiavari").mentions).toEqual([
      {
        practice: "2030-002",
        field: "stakeholders",
        line: lineOf("Comune di Chiavari"),
        context:
          "QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA? CPI di Genova; Comune di Chiavari",
      },
    ]);
  });

  it("is cut around the name, at word boundaries, with an ellipsis at each cut, when the line is long", () => {
    const [mention] = nodeOf(review, "confindustria-foggia").mentions;
    expect(mention!.line).toBe(lineOf("Confindustria Foggia"));
    const context = mention!.context!;
    expect(context.length).toBeLessThanOrEqual(CONTEXT_WIDTH);
    expect(context).toMatch(/^….*Tra i partner la Confindustria Foggia, che ospita i colloqui .*…$/);
    expect(long).toContain(context.slice(1, -1)); // whole words of the line, nothing added but the ellipses
    expect(long.split(" ")).toEqual(expect.arrayContaining(context.slice(1, -1).split(" ")));
  });

  it("on a seed card: the HTML stripped, the designated name found where the card writes it", () => {
    const seed = pendingOf(SEED);
    expect(nodeOf(seed, "comune-maddaloni").mentions).toEqual([
      {
        practice: "2023-015",
        field: "activities",
        line: 1006,
        context:
          "Infine, si segnala che il CPI di Maddaloni (CE) ha attivato una partnership con i Servizi sociali del " +
          "Comune di Maddaloni e che i CPI di Eboli-Oliveto",
      },
    ]);
    // Line 996 is a <p> paragraph of 2,000 characters naming Avellino twice: the context is where "Comuni di" is.
    const avellino = nodeOf(seed, "comune-avellino").mentions[0]!.context!;
    expect(avellino).toMatch(/^…[^<>]*Comuni di Avellino, Aiello del Sabato e Guardia Lombardi[^<>]*…$/);
    expect(avellino.length).toBeLessThanOrEqual(CONTEXT_WIDTH);
  });

  it("strips Markdown and HTML as the importer does, and starts at the line's start when the name is not in it", () => {
    const line = "<p>**Partner**: il [Comune di Angri](https://example.org/angri) e altri&nbsp;enti</p>";
    expect(contextIn(line, "Comune di Angri")).toBe("Partner: il Comune di Angri e altri enti");
    expect(contextIn("", "Comune di Angri")).toBeUndefined();
    expect(contextIn(words(60), "Comune di Angri")).toMatch(/^parola0 parola1 .* parola\d+…$/);
  });
});

describe("a mention's context where the line does not show the whole name", () => {
  it("in a multi-line table, the mention on its <table> line: the table, its rows joined by ' / '", () => {
    const table = [
      "I partner sono elencati qui sotto.",
      "<table>",
      "<tr><th>Soggetto</th><th>Ruolo</th></tr>",
      "<tr><td>Confindustria Foggia</td><td>ospita i colloqui</td></tr>",
      "<tr><td>Comune di Chiavari</td><td>promozione</td></tr>",
      "</table>",
    ];
    const { file, lineOf } = catalogueNaming({ Puglia: table.join("\n") });
    const [mention] = nodeOf(pendingOf(file), "confindustria-foggia").mentions;
    expect(mention!.line).toBe(lineOf("<table>"));
    expect(mention!.context).toBe(
      "Soggetto | Ruolo / Confindustria Foggia | ospita i colloqui / Comune di Chiavari | promozione",
    );
  });

  it("a name wrapped over two lines: the line and the next", () => {
    const wrapped = "Hanno partecipato i servizi sociali del Comune di\nBenevento e le scuole del territorio.";
    const { file } = catalogueNaming({ Campania: wrapped });
    expect(nodeOf(pendingOf(file), "comune-benevento").mentions[0]!.context).toBe(
      "…SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA? Hanno partecipato i servizi sociali del " +
        "Comune di Benevento e le scuole del territorio.",
    );
    // A line that shows the name is read alone.
    expect(contextIn("il Comune di Benevento\ne altri", "Comune di Benevento")).toBe("il Comune di Benevento");
  });
});

describe("where a long line is cut (at most CONTEXT_WIDTH characters, ellipses included)", () => {
  it("around the spelling written word for word, rather than an earlier occurrence of its town", () => {
    const line = `${words(10)} Comuni di Angri e Corbara ${words(30)} il Comune di Angri ${words(30, "altra")}`;
    const context = contextIn(line, "Comune di Angri")!;
    expect(context).toContain("il Comune di Angri altra0");
    expect(context).not.toContain("Comuni di Angri e Corbara");
  });

  it("of occurrences as near their spelling's other words, the one after a designator", () => {
    // "Alta Irpinia" has one other word of the spelling before it ("alta"), as "Comuni dell'Irpinia" has ("comuni").
    const line = `Alta Irpinia ${words(40)} i Comuni dell'Irpinia ${words(40, "altra")}`;
    expect(contextIn(line, "Unione dei Comuni Alta Irpinia")).toContain("i Comuni dell'Irpinia altra0");
  });

  it("never longer than the width, wherever the name is, its ellipses counted", () => {
    for (let before = 0; before <= 60; before += 1) {
      const context = contextIn(`${words(before)} il Comune di Angri ${words(60 - before)}`, "Comune di Angri")!;
      expect(context).toContain("Comune di Angri");
      expect(context.length).toBeLessThanOrEqual(CONTEXT_WIDTH);
    }
  });

  it("the room of a side not cut goes to the other: a name at the start has width − 1 characters before its '…'", () => {
    const context = contextIn(`Comune di Angri ${"ab ".repeat(100)}`, "Comune di Angri")!;
    expect(context).toMatch(/^Comune di Angri ab .*ab…$/);
    expect(context).toHaveLength(CONTEXT_WIDTH); // its word ends at CONTEXT_WIDTH - 1, where no left '…' is
  });

  it("within a word where no space is near: a long unspaced run, a name longer than the width", () => {
    const unspaced = contextIn(`${"x".repeat(200)} y`, "Comune di Angri")!;
    expect(unspaced).toBe(`${"x".repeat(CONTEXT_WIDTH - 1)}…`);
    const name = `Associazione ${words(30)}`;
    const longName = contextIn(`Tra i partner la ${name} e altri soggetti del territorio.`, name)!;
    expect(longName).toMatch(/^…Associazione parola0 .*…$/);
    expect(longName).toHaveLength(CONTEXT_WIDTH);
  });
});
