import { ingest, runScript } from "../support/cli";
import { countGraph, testNeo4jUri, useTestDatabase } from "../support/database";

const REGIONAL = "tests/fixtures/catalogues/regional-without-year.md";
const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

describe("a second catalogue of an edition year already loaded", () => {
  const db = useTestDatabase();

  const practicesByCatalogue = async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Practice)-[:LISTED_IN]->(c:Catalog)
       WITH c, p ORDER BY p.id
       RETURN c.id AS catalogue, collect([p.id, p.title]) AS practices ORDER BY catalogue`,
    );
    return records.map((record) => record.toObject());
  };

  it("loads beside ANPAL's, its practice ids prefixed by its catalogue id, and a re-import keeps them", async () => {
    expect(ingest(SEED).status).toBe(0);
    const [anpal] = await practicesByCatalogue();
    expect(anpal?.practices[0]).toEqual(["2023-001", "Servizio Alte professionalità e Grandi reclutamenti"]);

    const first = ingest(REGIONAL, "--edition", "2023");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^Catalogue lazio-2023: .* \(Regione Lazio Direzione Lavoro, as of 2025-03-15\), 2 card/m,
    );
    expect(first.stdout).toMatch(/Similarity: \d+ SIMILAR_TO links for 18 practices/);
    expect(await practicesByCatalogue()).toEqual([
      anpal,
      {
        catalogue: "lazio-2023",
        practices: [
          ["lazio-2023-001", "Incontri Impresa–Lavoro"],
          ["lazio-2023-002", "Sportello ‘Primo impiego’"],
        ],
      },
    ]);
    const loaded = await countGraph(db.driver);

    const again = ingest(REGIONAL, "--edition", "2023");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nodes: 0 created, \d+ matched, 0 deleted/);
    expect(again.stdout).toMatch(/relationships: 0 created, \d+ matched, 0 deleted/);
    expect(await practicesByCatalogue()).toEqual([anpal, expect.objectContaining({ catalogue: "lazio-2023" })]);
    expect(await countGraph(db.driver)).toEqual(loaded);
  });

  it("piped, prints the report alone on stdout, the database's log lines on stderr and no progress", () => {
    // No NEO4J_URI: the import finds the "bundled" Neo4j running on its port and logs that it uses it.
    const port = new URL(testNeo4jUri()).port;
    const environment = { PRASSI_BOLT_PORT: port, LOG_LEVEL: "info" };
    const run = runScript("src/ingest/cli.ts", [REGIONAL, "--edition", "2023"], environment);
    expect(run.status).toBe(0);
    const logLines = run.stderr.split("\n").filter((line) => line.startsWith("{"));
    expect(logLines.map((line) => JSON.parse(line).msg)).toContain("using the bundled Neo4j that is already running");
    expect(run.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("{"))).toEqual([]);
    expect(run.stdout).not.toMatch(/^\{/m);
    expect(run.stdout.split("\n")[0]).toMatch(/^Catalogue lazio-2023: /);
    expect(run.stdout).toMatch(/Similarity: \d+ SIMILAR_TO links for 18 practices\n$/);
  });
});
