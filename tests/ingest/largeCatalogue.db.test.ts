import fs from "node:fs";
import path from "node:path";
import { loadCatalogue } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { generatedCatalogueFile } from "../support/catalogues";
import { useTestDatabase } from "../support/database";

describe("a catalogue of 1,100 cards", () => {
  const db = useTestDatabase();
  const file = generatedCatalogueFile(2099, 1_100);
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it("imports, its ids keeping 3 digits up to 999 and growing past it", async () => {
    const reading = readCatalogue(file, { sourceName: "generated-2099.md" });
    expect(reading.errors).toEqual([]);
    const ids = reading.catalogue!.practices.map((practice) => practice.id);
    expect([ids[0], ids[3], ids[98], ids[998], ids[999], ids.at(-1)]).toEqual([
      "2099-001",
      "2099-004",
      "2099-099",
      "2099-999",
      "2099-1000",
      "2099-1100",
    ]);
    // The vocabulary has never seen the generated names: they stay mentions to review, not links.
    expect(reading.unknownMentions).toContainEqual(
      expect.objectContaining({ practice: "2099-1100", text: "Consorzio Vetrofiore 1100" }),
    );

    const report = await loadCatalogue(db.graph, reading.catalogue!);
    expect(report.practices).toBe(1_100);
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: 'anpal-2099'})
       WITH count(p) AS practices
       MATCH (fourth:Practice {id: '2099-004'}), (last:Practice {id: '2099-1100'})
       RETURN practices, fourth.catalogNumber AS fourth, last.title AS last`,
    );
    expect(records[0]!.toObject()).toEqual({ practices: 1_100, fourth: 4, last: "Sportello Quarzoluce numero 1100" });
  });
});
