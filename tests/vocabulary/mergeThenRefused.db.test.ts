import fs from "node:fs";
import path from "node:path";
import { recomputeSimilarity } from "../../src/similarity";
import { ingest } from "../support/cli";
import { catalogue2023Without } from "../support/catalogues";
import { useTestDatabase } from "../support/database";

describe("an import whose merge of old nodes commits and whose load is then refused (src/ingest/cli.ts)", () => {
  const db = useTestDatabase({ seed: true });
  const edition = catalogue2023Without(16);
  afterAll(() => fs.rmSync(path.dirname(edition), { recursive: true, force: true }));

  const sharing = async (id: string) =>
    (
      await db.driver.executeQuery(
        "MATCH ()-[s:SIMILAR_TO]->() WHERE any(key IN s.shared WHERE key ENDS WITH $id) RETURN count(s) AS n",
        {
          id: `:${id}`,
        },
      )
    ).records[0]!.get("n") as number;

  it("says the merge stayed, and recomputes similarity so that no SIMILAR_TO names the node that went", async () => {
    // A provisional stakeholder editors linked to more practices, so that similarity shares it; then merged through
    // an alias an editor recorded.
    const from = "comune-angri";
    await db.driver.executeQuery(
      `MATCH (p:Practice) WHERE p.id IN ['2023-001', '2023-002', '2023-003'] MATCH (n:Stakeholder {id: $from})
       CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(n)`,
      { from },
    );
    await recomputeSimilarity(db.graph);
    expect(await sharing(from)).toBeGreaterThan(0);
    await db.driver.executeQuery(
      "CREATE (:NodeAlias {type: 'Stakeholder', from: $from, into: 'anpal-merged', mergedBy: 'redazione', mergedAt: '2026-12-01T10:00:00Z'})",
      { from },
    );
    const run = ingest(edition);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Stakeholder ${from} -> anpal-merged`);
    expect(run.stderr).toContain("committed before the load (they stay), although the catalogue is not loaded");
    expect(run.stderr).toContain("similarity recomputed after the merge");
    expect(await sharing(from)).toBe(0);
  });
});
