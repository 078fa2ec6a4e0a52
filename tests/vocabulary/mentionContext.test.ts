import fs from "node:fs";
import { splitLines } from "../../src/ingest/parse";
import { readCatalogue } from "../../src/ingest/pipeline";
import { CONTEXT_WIDTH, mentionContext } from "../../src/vocabulary/mentionContext";
import { pendingFromCatalogue, type ReviewFile, type ReviewNode } from "../../src/vocabulary/reviewFile";
import { catalogueNaming } from "./reviewCatalogues";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

/** `npm run vocabulary -- pending FILE`'s nodes, without their candidates. */
function pendingOf(file: string): ReviewFile {
  const catalogue = readCatalogue(file, { sourceName: file }).catalogue!;
  return pendingFromCatalogue(catalogue, file, splitLines(fs.readFileSync(file, "utf8")));
}

const nodeOf = (review: ReviewFile, id: string): ReviewNode =>
  Object.values(review.kinds)
    .flat()
    .find((node) => node.id === id)!;

describe("a mention's context in the review file: its catalogue line around the name", () => {
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
    expect(mentionContext(line, "Comune di Angri")).toBe("Partner: il Comune di Angri e altri enti");
    expect(mentionContext("", "Comune di Angri")).toBeUndefined();
    const words = Array.from({ length: 60 }, (_, k) => `parola${k}`).join(" ");
    expect(mentionContext(words, "Comune di Angri")).toMatch(/^parola0 parola1 .* parola\d+…$/);
  });
});
