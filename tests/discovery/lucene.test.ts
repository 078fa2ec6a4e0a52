import { readEvidence } from "../../src/discovery/evidence";
import {
  analyzeItalian,
  escapeLucene,
  familyPrefix,
  italianLightStem,
  parseSearchText,
  textMatcher,
  toLuceneQuery,
} from "../../src/discovery/lucene";

describe("reading search text for Lucene", () => {
  it("escapes every character Lucene's syntax gives a meaning to, and keeps operators as words", () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^"g~h*i?j:k\\l/m&n|o')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^\\"g\\~h\\*i\\?j\\:k\\\\l\\/m\\&n\\|o',
    );
    expect(escapeLucene("AND")).toBe("and");
    expect(escapeLucene("OR")).toBe("or");
  });

  it("keeps only words and quoted phrases, so no user character becomes syntax", () => {
    expect(parseSearchText('collocamento: (mirato) "job club" dell\'impiego')).toEqual({
      phrases: [["job", "club"]],
      words: ["collocamento", "mirato", "impiego"],
    });
    expect(toLuceneQuery("title:(x) AND y*")).toBe('"title and"^2 title title*^0.5 and');
    expect(toLuceneQuery("  ?! ")).toBeNull();
  });

  it("stems like Lucene's Italian light stemmer and widens the stem to the word family", () => {
    expect(italianLightStem("disabili")).toBe("disabil");
    expect(italianLightStem("disabilità")).toBe("disabilit");
    expect(italianLightStem("città")).toBe("città");
    expect(familyPrefix("disabilità")).toBe("disabil");
    expect(familyPrefix("disabili")).toBe("disabil");
    expect(familyPrefix("attività")).toBe("attiv");
    expect(familyPrefix("neet")).toBeNull();
  });

  it("asks for the phrase, each word, and each word's family", () => {
    expect(toLuceneQuery("collocamento mirato")).toBe(
      '"collocamento mirato"^2 collocamento collocament*^0.5 mirato mirat*^0.5',
    );
    expect(toLuceneQuery('"job club"')).toBe('+"job club"');
  });
});

describe("transferability evidence on a card", () => {
  const card = {
    ongoing: false,
    fundingKinds: ["ESF"],
    results: null,
    outcomes: null,
    lessons: null,
    conclusions: null,
    humanResources: null,
  };

  it("reads replication, declared transferability, numbers, low cost and ongoing from the card texts", () => {
    expect(readEvidence(card)).toEqual([]);
    expect(readEvidence({ ...card, outcomes: "Il servizio è stato replicato in altri Cpi" })).toEqual([
      "ALREADY_REPLICATED",
    ]);
    expect(readEvidence({ ...card, conclusions: "la prassi è trasferibile" })).toEqual(["DECLARED_TRANSFERABLE"]);
    expect(readEvidence({ ...card, results: "hanno partecipato 1023 utenti" })).toEqual(["QUANTIFIED_RESULTS"]);
    expect(readEvidence({ ...card, results: "N. 5 Istituti scolastici" })).toEqual(["QUANTIFIED_RESULTS"]);
    expect(readEvidence({ ...card, results: "da marzo 2020 ad aprile 2021" })).toEqual([]);
    expect(readEvidence({ ...card, lessons: "realizzato a costo zero dalla Regione" })).toEqual(["LOW_COST"]);
    expect(readEvidence({ ...card, fundingKinds: ["ORDINARY", "NONE"], ongoing: true })).toEqual([
      "LOW_COST",
      "ONGOING",
    ]);
  });

  it("does not take a year followed by words for a number of people", () => {
    const counted = (results: string) => readEvidence({ ...card, results }).includes("QUANTIFIED_RESULTS");
    expect(counted("Nel 2022 i giovani presi in carico sono aumentati")).toBe(false);
    expect(counted("Dal 1999 le aziende del territorio collaborano")).toBe(false);
    expect(counted("nel 2021, giovani e imprese")).toBe(false);
    // Counts still count, percentages and "n." numbers too, and a year-shaped number directly naming what it counts.
    expect(counted("Nel 2022 sono stati coinvolti 350 giovani")).toBe(true);
    expect(counted("208 nuove assunzioni")).toBe(true);
    expect(counted("1.023 utenti")).toBe(true);
    expect(counted("dal 59% al 63%")).toBe(true);
    expect(counted("n. 354 tirocini")).toBe(true);
    expect(counted("2000 utenti raggiunti")).toBe(true);
  });
});

describe("which stored texts a search matched", () => {
  const stopwords = new Set(["il", "la", "per", "di", "a", "e", "dei"]);

  it("analyzes a text like the italian analyzer: elision, lowercase, stop words kept as positions, light stem", () => {
    expect(analyzeItalian("Il Collocamento mirato dell'impiego", stopwords)).toEqual([
      null,
      "collocament",
      "mirat",
      "impieg",
    ]);
  });

  it("matches a free word by its stem, or a word of its family by the prefix", () => {
    const disabili = textMatcher("disabili", stopwords);
    expect(disabili("Servizi per persone disabili")).toBe(true);
    expect(disabili("Inclusione delle persone con disabilità")).toBe(true);
    expect(disabili("Tirocini formativi")).toBe(false);
    expect(textMatcher("tirocinio", stopwords)("Attivati 40 tirocini")).toBe(true);
  });

  it("matches a quoted phrase only with its words in order, a stop word standing for any word", () => {
    const phrase = textMatcher('"centro per impiego"', stopwords);
    expect(phrase("Il centro per l'impiego di Genova")).toBe(true);
    expect(phrase("Il centro di impiego")).toBe(true);
    expect(phrase("L'impiego nel centro")).toBe(false);
    expect(phrase("centro impiego")).toBe(false);
  });

  it("ignores stop words of the search text", () => {
    const matches = textMatcher("per disabili", stopwords);
    expect(matches("Un servizio per tutti")).toBe(false);
    expect(matches("Per i disabili")).toBe(true);
  });
});
