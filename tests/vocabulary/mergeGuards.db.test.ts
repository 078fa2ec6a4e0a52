import { readGraphVersion } from "../../src/neo4j/graphVersion";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import { readCatalogue } from "../../src/ingest/pipeline";
import { mergeNodes } from "../../src/vocabulary/editorMerge";
import { applyAliasesBeforeLoad, listNodeAliases } from "../../src/vocabulary/graphAliases";
import { pendingInGraph } from "../../src/vocabulary/pendingInGraph";
import { runScript } from "../support/cli";
import { useTestDatabase } from "../support/database";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

/** The seed vocabulary with former ids given to one stakeholder entry. */
function withFormerIds(vocabulary: Vocabulary, id: string, formerIds: string[]): Vocabulary {
  return {
    ...vocabulary,
    stakeholders: vocabulary.stakeholders.map((entry) => (entry.id === id ? { ...entry, formerIds } : entry)),
  };
}

describe("merging nodes: what an editor's merge and an import's merge must not do (src/vocabulary/)", () => {
  const db = useTestDatabase({ seed: true });
  const merge = (from: string, into: string, label: "Stakeholder" | "Cpi" = "Stakeholder") =>
    mergeNodes(db.graph, { label, from, into, editor: "redazione" });
  const one = async <T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> =>
    (await db.driver.executeQuery(query, params)).records.map((record) => record.get(0) as T);

  it("refuses a curated entry merged into a provisional node, and nodes of different kinds, changing nothing", async () => {
    expect(await one<boolean>("MATCH (n:Stakeholder {id: 'comune-angri'}) RETURN n.curated")).toEqual([false]);
    const curated = await merge("anpal-servizi", "comune-angri");
    expect(curated.merge).toBeNull();
    expect(curated.userErrors.map((error) => error.code).sort()).toEqual(["CURATED_INTO_PROVISIONAL", "KIND_MISMATCH"]);
    const kinds = await merge("anpal-servizi", "confindustria");
    expect(kinds).toMatchObject({ merge: null, userErrors: [{ code: "KIND_MISMATCH", field: "into" }] });
    expect(await one<number>("MATCH (n:Stakeholder {id: 'anpal-servizi'}) RETURN count { (n)--() }")).not.toEqual([0]);
    expect(await one<number>("MATCH (a:NodeAlias) RETURN count(a)")).toEqual([0]);
  });

  it("does not double an editor's link a practice has to both nodes", async () => {
    await db.driver.executeQuery(
      `MATCH (p:Practice {id: '2023-001'}), (n:Stakeholder) WHERE n.id IN ['comune-corbara', 'agro-solidale']
       CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(n)`,
    );
    const result = await merge("comune-corbara", "agro-solidale");
    expect(result.userErrors).toEqual([]);
    const links = await one<Record<string, unknown>>(
      "MATCH (:Practice {id: '2023-001'})-[r:INVOLVES]->(:Stakeholder {id: 'agro-solidale'}) RETURN properties(r)",
    );
    expect(links).toEqual([{ field: "STAKEHOLDERS" }]);
  });

  it("never records an alias of a node into itself when a node is merged back into the one merged into it", async () => {
    // comune-angri into comune-maddaloni, then comune-maddaloni back into comune-angri.
    await db.driver.executeQuery("MERGE (:Stakeholder {id: 'comune-maddaloni', curated: false, kind: 'MUNICIPALITY'})");
    expect((await merge("comune-angri", "comune-maddaloni")).userErrors).toEqual([]);
    await db.driver.executeQuery("MERGE (:Stakeholder {id: 'comune-angri', curated: false, kind: 'MUNICIPALITY'})");
    await db.driver.executeQuery("MATCH (a:NodeAlias {from: 'comune-angri'}) SET a.into = 'comune-maddaloni'");
    expect((await merge("comune-maddaloni", "comune-angri")).userErrors).toEqual([]);
    const session = db.driver.session();
    const aliases = await session.executeRead((tx) => listNodeAliases(tx)).finally(() => session.close());
    const pairs = aliases.map(({ from, into }) => [from, into]);
    expect(pairs).toContainEqual(["comune-maddaloni", "comune-angri"]);
    expect(pairs.filter(([from, into]) => from === into)).toEqual([]);
    expect(pairs.filter(([from]) => from === "comune-angri")).toEqual([]);
    // And an import reads the graph's aliases without finding a cycle.
    const vocabulary = loadVocabulary();
    const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary }).catalogue!;
    await expect(applyAliasesBeforeLoad(db.graph, catalogue, vocabulary)).resolves.toBeDefined();
  });

  it("an import's merge advances the graph version in its transaction; one that merges nothing does not", async () => {
    const vocabulary = loadVocabulary();
    const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary }).catalogue!;
    const before = await readGraphVersion(db.graph);
    const nothing = await applyAliasesBeforeLoad(db.graph, catalogue, vocabulary);
    expect(nothing.merged).toEqual([]);
    expect(await readGraphVersion(db.graph)).toBe(before);
    await db.driver.executeQuery("MERGE (:Stakeholder {id: 'comune-nocera', curated: false, kind: 'MUNICIPALITY'})");
    const merged = withFormerIds(vocabulary, "agro-solidale", ["comune-nocera"]);
    const result = await applyAliasesBeforeLoad(db.graph, catalogue, merged);
    expect(result.merged).toMatchObject([{ from: "comune-nocera", into: "agro-solidale" }]);
    expect(await readGraphVersion(db.graph)).not.toBe(before);
  });

  it("an import merging an old node into an entry the graph lacks gives it the entry's properties, none of the old node's", async () => {
    const vocabulary = loadVocabulary();
    const held = new Set(await one<string>("MATCH (n:Stakeholder) RETURN n.id"));
    const entry = vocabulary.stakeholders.find(
      (candidate) => !held.has(candidate.id) && candidate.partOf === undefined,
    )!;
    await db.driver.executeQuery(
      `MATCH (r:Region {nuts: 'ITC4'})
       CREATE (old:Stakeholder {id: 'old-node', name: 'Old', curated: false, kind: $kind, municipality: 'Oldtown', stray: 1})
       CREATE (old)-[:IN_REGION]->(r)`,
      { kind: entry.kind },
    );
    const catalogue = readCatalogue(SEED, { sourceName: SEED, vocabulary }).catalogue!;
    const result = await applyAliasesBeforeLoad(db.graph, catalogue, withFormerIds(vocabulary, entry.id, ["old-node"]));
    expect(result.merged).toMatchObject([{ from: "old-node", into: entry.id }]);
    const [node] = await one<Record<string, unknown>>("MATCH (n:Stakeholder {id: $id}) RETURN properties(n)", {
      id: entry.id,
    });
    expect(node).toMatchObject({ id: entry.id, name: entry.name, curated: true });
    expect(node).not.toHaveProperty("stray");
    expect(node!.municipality).not.toBe("Oldtown");
    expect(
      await one<string>("MATCH (:Stakeholder {id: $id})-[:IN_REGION]->(r) RETURN r.nuts", { id: entry.id }),
    ).not.toContain("ITC4");
  });

  it("pending --database lists a node with two regions once, and refuses the options it would ignore", async () => {
    await db.driver.executeQuery(
      `MATCH (n:Stakeholder {curated: false})-[:IN_REGION]->(r:Region)
       WITH n, r ORDER BY n.id LIMIT 1
       MATCH (other:Region) WHERE other <> r
       WITH n, other LIMIT 1
       CREATE (n)-[:IN_REGION]->(other)
       SET n.twoRegions = true`,
    );
    const [id] = await one<string>("MATCH (n:Stakeholder {twoRegions: true}) RETURN n.id");
    const session = db.driver.session();
    const review = await session.executeRead((tx) => pendingInGraph(tx, "test")).finally(() => session.close());
    const listed = Object.values(review.kinds)
      .flat()
      .filter((node) => node.id === id);
    expect(listed).toHaveLength(1);
    const refused = runScript("src/vocabulary/cli.ts", ["pending", "--database", "--edition", "2023"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("pending takes no --edition");
  });
});
