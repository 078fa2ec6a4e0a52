import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadCatalogue } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { useTestDatabase } from "../support/database";
import { acceptedStakeholder, snapshotGraph } from "../support/graphSnapshot";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";
const VOCABULARY = path.join(__dirname, "../../seed/vocabulary");

/** The seed vocabulary with entries added to stakeholders.json, as an expert accepting provisional nodes edits it. */
function vocabularyAccepting(...entries: object[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-accepted-"));
  for (const name of fs.readdirSync(VOCABULARY)) fs.copyFileSync(path.join(VOCABULARY, name), path.join(dir, name));
  const file = path.join(dir, "stakeholders.json");
  fs.writeFileSync(file, JSON.stringify([...JSON.parse(fs.readFileSync(file, "utf8")), ...entries]));
  try {
    return loadVocabulary(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("accepting a provisional stakeholder of the 2023 seed into the vocabulary (docs/actors.md)", () => {
  const db = useTestDatabase();

  it("keeps its id, place, links and their provenance on re-import, and makes it curated", async () => {
    const provisional = readCatalogue(SEED, { sourceName: SEED }).catalogue!;
    await loadCatalogue(db.graph, provisional);
    const before = (await snapshotGraph(db.driver)).graph;
    const node = (lines: string[]) => lines.filter((line) => line.includes('"comune-maddaloni"'));
    expect(node(before).join("\n")).toContain(
      '"municipality":"Maddaloni","municipalityIstat":"061048","name":"Comune di Maddaloni","province":"CE"',
    );

    const vocabulary = vocabularyAccepting({
      id: "comune-maddaloni",
      name: "Comune di Maddaloni",
      nameEn: "Municipality of Maddaloni",
      kind: "MUNICIPALITY",
      aliases: ["Comune di Maddaloni"],
      municipality: "Maddaloni",
    });
    const accepted = readCatalogue(SEED, { sourceName: SEED, vocabulary });
    expect(accepted.errors).toEqual([]);
    const report = await loadCatalogue(db.graph, accepted.catalogue!);
    expect(report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });

    const after = (await snapshotGraph(db.driver)).graph;
    // The node's one change is being curated, with the English name its entry gives; every link is the same.
    expect(after).toEqual(
      acceptedStakeholder(before, "comune-maddaloni", "Comune di Maddaloni", "Municipality of Maddaloni"),
    );
    expect(node(after).filter((line) => line.includes("INVOLVES") || line.includes("IN_REGION"))).toEqual([
      expect.stringMatching(/"INVOLVES".*"2023-015".*"comune-maddaloni".*"line":1006/),
      expect.stringMatching(/"IN_REGION".*"comune-maddaloni".*"ITF3"/),
    ]);
    expect(node(after).find((line) => line.startsWith('[["Stakeholder"],'))).toContain('"curated":true');
  });
});
