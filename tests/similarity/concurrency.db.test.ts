import type { Driver } from "neo4j-driver";
import {
  coalesceRequests,
  LENSES,
  readSimilarPractices,
  recomputeSimilarity,
  refreshSimilarity,
  TOP_K,
  type Lens,
  type PracticeMatch,
} from "../../src/similarity";
import { useTestDatabase } from "../support/database";

/** Full recomputations run while the readers read: each rewrites every practice's edges. */
const REWRITES = 10;

/** Links a practice to a target group, as an editor's write would. */
async function linkTarget(driver: Driver, practice: string, targetGroup: string): Promise<void> {
  await driver.executeQuery(
    "MATCH (p:Practice {id: $practice}), (t:TargetGroup {id: $targetGroup}) MERGE (p)-[:TARGETS]->(t)",
    { practice, targetGroup },
  );
}

describe("similarity under concurrent refreshes", () => {
  const db = useTestDatabase({ seed: true });

  beforeAll(async () => {
    await recomputeSimilarity(db.graph);
  });

  it("serves every read made while refreshes rewrite the edges with one whole neighbourhood per practice", async () => {
    const { records } = await db.driver.executeQuery("MATCH (p:Practice) RETURN p.id AS id ORDER BY id");
    const ids = records.map((record) => record.get("id") as string);
    const quiet = new Map<Lens, Map<string, PracticeMatch[]>>();
    for (const lens of LENSES) quiet.set(lens, await readSimilarPractices(db.reader, ids, lens, TOP_K));

    // Recomputing an unchanged graph writes the same numbers again: any read is the quiet one, or half-written.
    let rewriting = true;
    const rewrites = (async () => {
      for (let run = 0; run < REWRITES; run++) await recomputeSimilarity(db.graph);
      rewriting = false;
    })();
    const read = async (lens: Lens) => {
      const differences: string[] = [];
      let reads = 0;
      for (; rewriting; reads++) {
        const served = await readSimilarPractices(db.reader, ids, lens, TOP_K);
        for (const id of ids) {
          if (JSON.stringify(served.get(id)) !== JSON.stringify(quiet.get(lens)!.get(id)))
            differences.push(`${lens} ${id}`);
        }
      }
      return { reads, differences };
    };
    const readers = await Promise.all(LENSES.map(read));
    await rewrites;

    expect(readers.reduce((total, reader) => total + reader.reads, 0)).toBeGreaterThan(readers.length);
    expect(readers.flatMap((reader) => reader.differences)).toEqual([]);
  });

  it("serves the requests made while a refresh runs with one next run, which sees the writes made before them", async () => {
    let clock = 0;
    let releaseFirstRun!: () => void;
    const firstRunHeld = new Promise<void>((resolve) => (releaseFirstRun = resolve));
    const runs: Array<{ started: number; refreshed: string[] }> = [];
    const refresh = coalesceRequests(async () => {
      const run = { started: ++clock, refreshed: [] as string[] };
      runs.push(run);
      run.refreshed = await refreshSimilarity(db.graph);
      if (runs.length === 1) await firstRunHeld;
      return run;
    });

    await linkTarget(db.driver, "2023-011", "donne");
    const first = refresh(undefined);
    while (runs.length === 0 || runs[0]!.refreshed.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // The first run has computed: a write committed now is not in it.
    await linkTarget(db.driver, "2023-003", "donne");
    const requests = Array.from({ length: 20 }, () => {
      const asked = ++clock;
      return refresh(undefined).then((run) => ({ asked, run }));
    });
    releaseFirstRun();
    const served = await Promise.all(requests);

    expect((await first).refreshed).toContain("2023-011");
    expect(runs).toHaveLength(2);
    for (const { asked, run } of served) {
      expect(run).toBe(runs[1]);
      expect(run.started).toBeGreaterThan(asked);
    }
    expect(runs[1]!.refreshed).toContain("2023-003");
    expect(await refreshSimilarity(db.graph)).toEqual([]);
  });
});
