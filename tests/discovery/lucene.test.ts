import { readEvidence } from "../../src/discovery/evidence";
import { escapeLucene, familyPrefix, italianLightStem, parseSearchText, toLuceneQuery } from "../../src/discovery/lucene";

describe("reading search text for Lucene", () => {
  it("escapes every character Lucene's syntax gives a meaning to, and keeps operators as words", () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^"g~h*i?j:k\\l/m&n|o')).toBe('a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^\\"g\\~h\\*i\\?j\\:k\\\\l\\/m\\&n\\|o');
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
    expect(toLuceneQuery("collocamento mirato")).toBe('"collocamento mirato"^2 collocamento collocament*^0.5 mirato mirat*^0.5');
    expect(toLuceneQuery('"job club"')).toBe('+"job club"');
  });
});

describe("transferability evidence on a card", () => {
  const card = { ongoing: false, fundingKinds: ["ESF"], results: null, outcomes: null, lessons: null, conclusions: null, humanResources: null };

  it("reads replication, declared transferability, numbers, low cost and ongoing from the card texts", () => {
    expect(readEvidence(card)).toEqual([]);
    expect(readEvidence({ ...card, outcomes: "Il servizio è stato replicato in altri Cpi" })).toEqual(["ALREADY_REPLICATED"]);
    expect(readEvidence({ ...card, conclusions: "la prassi è trasferibile" })).toEqual(["DECLARED_TRANSFERABLE"]);
    expect(readEvidence({ ...card, results: "hanno partecipato 1023 utenti" })).toEqual(["QUANTIFIED_RESULTS"]);
    expect(readEvidence({ ...card, results: "N. 5 Istituti scolastici" })).toEqual(["QUANTIFIED_RESULTS"]);
    expect(readEvidence({ ...card, results: "da marzo 2020 ad aprile 2021" })).toEqual([]);
    expect(readEvidence({ ...card, lessons: "realizzato a costo zero dalla Regione" })).toEqual(["LOW_COST"]);
    expect(readEvidence({ ...card, fundingKinds: ["ORDINARY", "NONE"], ongoing: true })).toEqual(["LOW_COST", "ONGOING"]);
  });
});
