import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSeedCatalogues, seedMissingCatalogues } from "../../src/ingest/seed";
import { createLogger } from "../../src/logger";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { useTestDatabase } from "../support/database";

const VOCABULARY = path.join(__dirname, "../../seed/vocabulary");

/** The entry `npm run vocabulary -- review` writes for the seed's provisional "Comune di Avellino" made an alias of it. */
const CITTA_AVELLINO = {
  id: "citta-avellino",
  name: "Città di Avellino",
  nameEn: "City of Avellino",
  kind: "MUNICIPALITY",
  municipality: "Avellino",
  aliases: ["Città di Avellino", "Comune di Avellino"],
  formerIds: ["comune-avellino"],
};

/** A copy of the seed vocabulary with that entry added to stakeholders.json. */
function vocabularyWithAlias(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-seed-alias-test-"));
  for (const name of fs.readdirSync(VOCABULARY)) fs.copyFileSync(path.join(VOCABULARY, name), path.join(dir, name));
  const file = path.join(dir, "stakeholders.json");
  const entries = JSON.parse(fs.readFileSync(file, "utf8")) as object[];
  fs.writeFileSync(file, `${JSON.stringify([...entries, CITTA_AVELLINO], null, 2)}\n`);
  return dir;
}

describe("the seed loaded at start, after a node was made an alias of a vocabulary entry", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(() => {
    dir = vocabularyWithAlias();
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
