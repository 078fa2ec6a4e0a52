import fs from "node:fs";
import { readSeedCatalogues, seedMissingCatalogues } from "../../src/ingest/seed";
import { createLogger } from "../../src/logger";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { useTestDatabase } from "../support/database";
import { CITTA_AVELLINO, vocabularyWith } from "../support/vocabulary";

describe("the seed loaded at start, after a node was made an alias of a vocabulary entry", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(() => {
    dir = vocabularyWith(CITTA_AVELLINO);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("does not create the aliased node again in a fresh database, and links the entry with the card's line", async () => {
    // The reviewed seed catalogue still names the provisional node: only the aliases keep it out of the graph.
    const card15 = readSeedCatalogues()[0]!.practices.find((practice) => practice.id === "2023-015")!;
    expect(card15.stakeholders.map((actor) => actor.id)).toContain("comune-avellino");

    expect(await seedMissingCatalogues(db.graph, createLogger("silent"), { vocabulary: loadVocabulary(dir) })).toBe(1);

    const { records } = await db.driver.executeQuery(
      `MATCH (n:Stakeholder) WHERE n.id IN ['comune-avellino', 'citta-avellino']
       OPTIONAL MATCH (p:Practice)-[link:INVOLVES]->(n)
       RETURN n.id AS id, n.curated AS curated, collect([p.id, link.field, link.line]) AS links`,
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { id: "citta-avellino", curated: true, links: [["2023-015", "ACTIVITIES", 996]] },
    ]);
  });
});
