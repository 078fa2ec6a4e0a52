import type { CardField } from "../../src/ingest/card";
import { createLineLocator } from "../../src/ingest/extract/lines";
import { canonicalizeCpiDesignators } from "../../src/reference/cpiNames";
import { normalizePhrase } from "../../src/text/tokens";

/** A field whose text is its source lines, from line 10 on, without markup. */
const field = (...lines: string[]): CardField => ({
  key: "activities",
  label: "QUALI SONO STATE LE ATTIVITÀ REALIZZATE?",
  text: lines.join("\n"),
  tables: [],
  startLine: 10,
  endLine: 9 + lines.length,
});
const sourceOf = (card: CardField) => [...new Array<string>(card.startLine - 1).fill(""), ...card.text.split("\n")];
const words = (phrase: string) => normalizePhrase(phrase).split(" ");
/** The nth occurrence (from 0) of a phrase in the field's text. */
const nth = (card: CardField, phrase: string, n: number) => {
  let at = -1;
  for (let found = 0; found <= n; found += 1) at = card.text.indexOf(phrase, at + 1);
  return at;
};

describe("the source line of a match", () => {
  const towns = field("Regione Campania, Camera di Commercio di Salerno,", "Salerno e Avellino.");

  it("is the field's first line without the source lines", () => {
    expect(createLineLocator()(towns, words("Avellino"))).toBe(10);
  });

  it("is the first line holding the words when the match's position is not given", () => {
    expect(createLineLocator(sourceOf(towns))(towns, words("Avellino"))).toBe(11);
    expect(createLineLocator(sourceOf(towns))(towns, words("Salerno"))).toBe(10);
  });

  it("is the line of the same occurrence, not of an earlier line holding the same words", () => {
    const locate = createLineLocator(sourceOf(towns));
    expect(locate(towns, words("Salerno"), undefined, nth(towns, "Salerno", 0))).toBe(10);
    expect(locate(towns, words("Salerno"), undefined, nth(towns, "Salerno", 1))).toBe(11);
  });

  it("counts an earlier occurrence that a line break splits", () => {
    const scampia = field(
      "Il CPI di",
      "Napoli Scampia ha aperto lo Spazio Donna.",
      "Poi il CPI di Napoli Scampia ha firmato un accordo.",
    );
    const locate = createLineLocator(sourceOf(scampia));
    const cpi = words("CPI Napoli Scampia");
    expect(locate(scampia, cpi, canonicalizeCpiDesignators, nth(scampia, "CPI", 0))).toBe(10);
    expect(locate(scampia, cpi, canonicalizeCpiDesignators, nth(scampia, "CPI", 1))).toBe(12);
  });

  it("is the line where a match that a line break splits starts", () => {
    const eboli = field(
      "Il CPI di Maddaloni (CE) ha attivato una partnership;",
      "i CPI di Eboli-Oliveto",
      "",
      "Citra (SA) e Sala Consilina (SA) stanno procedendo. Il CPI di Eboli-Oliveto Citra apre a maggio.",
    );
    const locate = createLineLocator(sourceOf(eboli));
    const cpi = words("CPI Eboli-Oliveto Citra");
    expect(locate(eboli, cpi, canonicalizeCpiDesignators, nth(eboli, "CPI", 1))).toBe(11);
    expect(locate(eboli, cpi, canonicalizeCpiDesignators, nth(eboli, "CPI", 2))).toBe(13);
  });

  it("falls back to the first occurrence, then to the field's first line, where the source lines disagree with the text", () => {
    const twice = field("Avellino e Benevento,", "Salerno e Caserta,", "Salerno.");
    const locate = createLineLocator(sourceOf(field("Avellino e Benevento,", "Salerno e Caserta,", "Nola.")));
    expect(locate(twice, words("Salerno"), undefined, nth(twice, "Salerno", 1))).toBe(11);
    expect(locate(twice, words("Pompei"))).toBe(10);
  });
});
