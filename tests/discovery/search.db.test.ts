import { toLuceneQuery } from "../../src/discovery/lucene";
import { searchPractices } from "../../src/discovery/search";
import { useTestDatabase } from "../support/database";

describe("full-text search over the 2023 cards", () => {
  const db = useTestDatabase({ seed: true });

  it("finds the Liguria and Lazio targeted-placement practices first for 'collocamento mirato'", async () => {
    const hits = await searchPractices(db.reader, { text: "collocamento mirato", limit: 5 });
    expect(hits.slice(0, 2).map((hit) => hit.practiceId)).toEqual(["2023-005", "2023-011"]);
    expect(hits[0]!.matchedFields).toEqual(["TITLE", "SUMMARY", "CARD_TEXT"]);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("says which texts matched", async () => {
    const [jobClub] = await searchPractices(db.reader, { text: "job club", limit: 1 });
    expect(jobClub).toMatchObject({ practiceId: "2023-004", matchedFields: expect.arrayContaining(["TITLE"]) });
    const tirocini = await searchPractices(db.reader, { text: "tirocini", limit: 10 });
    expect(tirocini.length).toBeGreaterThan(0);
    expect(tirocini.every((hit) => hit.matchedFields.length > 0)).toBe(true);
  });

  it("says a text matched exactly when the index finds the query in that property", async () => {
    // matchedFields comes from the hits' stored texts, read in TS: check it against the index queried one property at a time.
    const properties = [
      "title",
      "summary",
      "scope",
      "anpalAssistance",
      "period",
      "driver",
      "objectives",
      "activities",
      "humanResources",
      "results",
      "outcomes",
      "lessons",
      "conclusions",
    ];
    const field = (property: string) =>
      property === "title" ? "TITLE" : property === "summary" ? "SUMMARY" : "CARD_TEXT";
    let compared = 0;
    for (const text of [
      "collocamento mirato",
      "disabili",
      "tirocini formativi",
      "inserimento lavorativo dei giovani",
      "job club",
    ]) {
      const hits = await searchPractices(db.reader, { text, limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      const query = toLuceneQuery(text)!;
      const expected = new Map<string, Set<string>>(hits.map((hit) => [hit.practiceId, new Set()]));
      for (const property of properties) {
        const { records } = await db.driver.executeQuery(
          "CALL db.index.fulltext.queryNodes('practice_card_text', $query) YIELD node RETURN node.id AS id",
          { query: `${property}:(${query})` },
        );
        for (const record of records) expected.get(record.get("id") as string)?.add(field(property));
      }
      for (const hit of hits) {
        expect({ text, id: hit.practiceId, fields: [...hit.matchedFields].sort() }).toEqual({
          text,
          id: hit.practiceId,
          fields: [...expected.get(hit.practiceId)!].sort(),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("orders hits tied at the cut-off by id, whatever order the index holds them in", async () => {
    const ids = ["2099-008", "2099-007", "2099-006", "2099-005", "2099-004", "2099-003", "2099-002", "2099-001"];
    await db.driver.executeQuery("UNWIND $ids AS id CREATE (:Practice {id: id, title: 'Zebrario comunale'})", { ids });
    try {
      const hits = await searchPractices(db.reader, { text: "zebrario", limit: 3 });
      expect(hits.map((hit) => hit.practiceId)).toEqual(["2099-001", "2099-002", "2099-003"]);
      expect(new Set(hits.map((hit) => hit.score)).size).toBe(1);
      expect(hits[0]!.matchedFields).toEqual(["TITLE"]);
    } finally {
      await db.driver.executeQuery("MATCH (p:Practice) WHERE p.id IN $ids DETACH DELETE p", { ids });
    }
  });

  it("finds 'disabilità' from 'disabili' and the other way round, through the Italian stem family", async () => {
    const fromAdjective = (await searchPractices(db.reader, { text: "disabili", limit: 20 })).map(
      (hit) => hit.practiceId,
    );
    const fromNoun = (await searchPractices(db.reader, { text: "disabilità", limit: 20 })).map((hit) => hit.practiceId);
    expect(fromAdjective.length).toBeGreaterThan(0);
    expect(fromAdjective).toEqual(expect.arrayContaining(["2023-003", "2023-008", "2023-011"]));
    expect(fromNoun.sort()).toEqual([...fromAdjective].sort());
  });

  it("requires a quoted phrase", async () => {
    const hits = await searchPractices(db.reader, { text: '"job club" online', limit: 10 });
    expect(hits.map((hit) => hit.practiceId)).toEqual(["2023-004"]);
  });

  it("treats Lucene's special characters and operators in the text as plain words, without error", async () => {
    for (const text of [
      'collocamento: (mirato) AND [disabili] OR "NOT" ~ ^ * ? \\ / {}',
      "a TO b",
      '"',
      "title:job",
      "!!!",
    ]) {
      await expect(searchPractices(db.reader, { text, limit: 5 })).resolves.toEqual(expect.any(Array));
    }
    const hits = await searchPractices(db.reader, { text: "collocamento: (mirato) AND [disabili]", limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(await searchPractices(db.reader, { text: "collocamento mirato and disabili", limit: 5 }));
  });

  it("finds nothing for blank text or text of stop words only", async () => {
    expect(await searchPractices(db.reader, { text: "   ", limit: 5 })).toEqual([]);
    expect(await searchPractices(db.reader, { text: "per la", limit: 5 })).toEqual([]);
  });
});
