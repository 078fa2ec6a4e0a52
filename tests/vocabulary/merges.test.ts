import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadVocabulary } from "../../src/reference/vocabulary";
import type { NodeAliasRecord } from "../../src/vocabulary/graphAliases";
import { writeMergesAsFormerIds } from "../../src/vocabulary/merges";

const SEED_VOCABULARY = path.resolve(__dirname, "../../seed/vocabulary");
type Entry = { id: string; formerIds?: string[] };

const alias = (from: string, into: string): NodeAliasRecord => ({
  type: "Stakeholder",
  from,
  into,
  mergedBy: "redazione",
  mergedAt: "2026-12-01T10:00:00.000Z",
});

describe("npm run vocabulary -- merges: the graph's aliases as formerIds (src/vocabulary/merges.ts)", () => {
  let dir: string;
  const stakeholders = () => JSON.parse(fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8")) as Entry[];
  const entry = (id: string) => stakeholders().find((candidate) => candidate.id === id);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-merges-test-"));
    fs.cpSync(SEED_VOCABULARY, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("moves a former id an entry holds to the entry the graph's alias now names (a chain re-pointed)", () => {
    // p merged into agro-solidale, written as its formerIds; then agro-solidale merged into anpal-servizi through
    // the API, which re-pointed p's alias.
    const entries = stakeholders().map((held) =>
      held.id === "agro-solidale" ? { ...held, formerIds: ["comune-p"] } : held,
    );
    fs.writeFileSync(path.join(dir, "stakeholders.json"), `${JSON.stringify(entries, null, 2)}\n`);
    const outcome = writeMergesAsFormerIds(
      [alias("agro-solidale", "anpal-servizi"), alias("comune-p", "anpal-servizi")],
      dir,
    );
    expect(outcome.refused).toBe(true); // agro-solidale is an entry: by hand
    expect(outcome.lines).toEqual([
      expect.stringMatching(/agro-solidale -> anpal-servizi .*left out/),
      expect.stringMatching(
        /comune-p -> anpal-servizi .*formerIds of "anpal-servizi".*moved from the formerIds of "agro-solidale"/,
      ),
    ]);
    expect(entry("anpal-servizi")?.formerIds).toEqual(["comune-p"]);
    expect(entry("agro-solidale")).not.toHaveProperty("formerIds");
    expect(() => loadVocabulary(dir)).not.toThrow();
  });

  it("tells a vocabulary that would not load with the real file's path, writing nothing", () => {
    const cpis = path.join(dir, "cpis.json");
    const broken = JSON.parse(fs.readFileSync(cpis, "utf8")) as Entry[];
    fs.writeFileSync(cpis, JSON.stringify([...broken, broken[0]], null, 2));
    const before = fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8");
    const outcome = writeMergesAsFormerIds([alias("comune-angri", "agro-solidale")], dir);
    expect(outcome).toMatchObject({ refused: true, written: 0 });
    const last = outcome.lines.at(-1)!;
    expect(last).toContain(`${dir}/cpis.json`);
    expect(last).not.toContain(os.tmpdir() + "/prassi-vocabulary-");
    expect(fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8")).toBe(before);
  });

  it("copies a vocabulary directory holding a subdirectory, and leaves no temporary file beside the written one", () => {
    fs.mkdirSync(path.join(dir, "notes"));
    fs.writeFileSync(path.join(dir, "notes", "readme.txt"), "not the vocabulary");
    const outcome = writeMergesAsFormerIds([alias("comune-angri", "agro-solidale")], dir);
    expect(outcome).toMatchObject({ refused: false, written: 1 });
    expect(entry("agro-solidale")?.formerIds).toEqual(["comune-angri"]);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(".") || name.endsWith(".tmp"))).toEqual([]);
  });
});
