import { searchPractices } from "../../src/discovery/search";
import { useTestDatabase } from "../support/database";

describe("full-text search over the 2023 cards", () => {
  const db = useTestDatabase({ seed: true });

  it("finds the Liguria and Lazio targeted-placement practices first for 'collocamento mirato'", async () => {
    const hits = await searchPractices(db.driver, { text: "collocamento mirato", limit: 5 });
    expect(hits.slice(0, 2).map((hit) => hit.practiceId)).toEqual(["2023-005", "2023-011"]);
    expect(hits[0]!.matchedFields).toEqual(["TITLE", "SUMMARY", "CARD_TEXT"]);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("says which texts matched", async () => {
    const [jobClub] = await searchPractices(db.driver, { text: "job club", limit: 1 });
    expect(jobClub).toMatchObject({ practiceId: "2023-004", matchedFields: expect.arrayContaining(["TITLE"]) });
    const tirocini = await searchPractices(db.driver, { text: "tirocini", limit: 10 });
    expect(tirocini.length).toBeGreaterThan(0);
    expect(tirocini.every((hit) => hit.matchedFields.length > 0)).toBe(true);
  });

  it("finds 'disabilità' from 'disabili' and the other way round, through the Italian stem family", async () => {
    const fromAdjective = (await searchPractices(db.driver, { text: "disabili", limit: 20 })).map((hit) => hit.practiceId);
    const fromNoun = (await searchPractices(db.driver, { text: "disabilità", limit: 20 })).map((hit) => hit.practiceId);
    expect(fromAdjective).toEqual(expect.arrayContaining(["2023-003", "2023-008", "2023-011"]));
    expect(fromNoun.sort()).toEqual([...fromAdjective].sort());
  });

  it("requires a quoted phrase", async () => {
    const hits = await searchPractices(db.driver, { text: '"job club" online', limit: 10 });
    expect(hits.map((hit) => hit.practiceId)).toEqual(["2023-004"]);
  });

  it("treats Lucene's special characters and operators in the text as plain words, without error", async () => {
    for (const text of ['collocamento: (mirato) AND [disabili] OR "NOT" ~ ^ * ? \\ / {}', "a TO b", '"', "title:job", "!!!"]) {
      await expect(searchPractices(db.driver, { text, limit: 5 })).resolves.toEqual(expect.any(Array));
    }
    const hits = await searchPractices(db.driver, { text: "collocamento: (mirato) AND [disabili]", limit: 3 });
    expect(hits[0]!.practiceId).toBe("2023-005");
  });

  it("finds nothing for blank text or text of stop words only", async () => {
    expect(await searchPractices(db.driver, { text: "   ", limit: 5 })).toEqual([]);
    expect(await searchPractices(db.driver, { text: "per la", limit: 5 })).toEqual([]);
  });
});
