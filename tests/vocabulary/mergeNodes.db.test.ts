import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";
import type { Prassi } from "../../src/app";
import { loadCatalogue } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { buildSchema } from "../../src/graphql/schema";
import { graphOn } from "../../src/neo4j/graph";
import { practicesTouched } from "../../src/graphql/writes/practicesTouched";
import { applyAliasesBeforeLoad, listNodeAliases } from "../../src/vocabulary/graphAliases";
import { writeMergesAsFormerIds } from "../../src/vocabulary/merges";
import { exportDatabase, ingest } from "../support/cli";
import { countGraph, resetDatabase } from "../support/database";
import { startOnFreshSeed } from "../support/service";
import { snapshotGraph } from "../support/graphSnapshot";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";
const EXAMPLE = fs.readFileSync(path.resolve(__dirname, "../../docs/queries/merge-nodes.graphql"), "utf8");
const MERGE = `mutation Merge($type: MergeableNodeType!, $from: ID!, $into: ID!) {
  mergeNodes(input: { type: $type, from: $from, into: $into }) {
    merge { type from into movedLinks droppedLinks mergedBy mergedAt }
    userErrors { code field message }
  }
}`;

const token = (roles: string[]) => editorToken({ roles, secret: TEST_SECRET, expires: "5m", subject: "redazione" });
const aliasesHeld = async (prassi: Prassi) => {
  const session = prassi.driver.session();
  return session.executeRead((tx) => listNodeAliases(tx)).finally(() => session.close());
};
const about = (id: string) => (line: string) => line.includes(`"${id}"`);

describe("mergeNodes: an editor merges two nodes through the API (docs/api.md)", () => {
  let prassi: Prassi;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-merge-"));

  async function post(query: string, variables: Record<string, unknown>, bearer?: string): Promise<Answer> {
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  }
  const stamp = async () =>
    (await prassi.driver.executeQuery("MATCH (v:GraphVersion) RETURN v.stamp AS stamp")).records[0]?.get("stamp");

  beforeAll(async () => {
    prassi = await startOnFreshSeed({ JWT_SECRET: TEST_SECRET });
  });
  afterAll(async () => {
    await resetDatabase(prassi.driver);
    await prassi.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("is refused without a token and without the editor role, changing nothing", async () => {
    const before = await snapshotGraph(prassi.driver);
    const variables = { type: "STAKEHOLDER", from: "comune-angri", into: "agro-solidale" };
    const anonymous = await post(MERGE, variables);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data).toBeNull();
    const reader = await post(MERGE, variables, await token(["reader"]));
    expect(reader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await snapshotGraph(prassi.driver)).toEqual(before);
  });

  it("answers unknown ids, nodes of another type and a node merged into itself with userErrors", async () => {
    const before = await countGraph(prassi.driver);
    const bearer = await token(["editor"]);
    const ask = async (variables: Record<string, unknown>) =>
      ((await post(MERGE, variables, bearer)).data as { mergeNodes: unknown }).mergeNodes;
    expect(await ask({ type: "STAKEHOLDER", from: "comune-nowhere", into: "agro-nowhere" })).toEqual({
      merge: null,
      userErrors: [
        { code: "NOT_FOUND", field: "from", message: "no Stakeholder has id 'comune-nowhere'" },
        { code: "NOT_FOUND", field: "into", message: "no Stakeholder has id 'agro-nowhere'" },
      ],
    });
    expect(await ask({ type: "STAKEHOLDER", from: "comune-angri", into: "cpi-torino" })).toEqual({
      merge: null,
      userErrors: [
        {
          code: "TYPE_MISMATCH",
          field: "into",
          message: "'cpi-torino' is a Cpi, not a Stakeholder: only nodes of one type merge",
        },
      ],
    });
    expect(await ask({ type: "CPI", from: "cpi-torino", into: "cpi-torino" })).toMatchObject({
      merge: null,
      userErrors: [{ code: "SAME_NODE", field: "into" }],
    });
    expect(await countGraph(prassi.driver)).toEqual(before);
  });

  it("moves the links with their provenance, deletes the node, records the alias, refreshes and advances the stamp", async () => {
    // An editor's link to the node that goes, beside the card's.
    await prassi.driver.executeQuery(
      `MATCH (p:Practice {id: '2023-001'}), (n:Stakeholder {id: 'comune-angri'})
       CREATE (p)-[:INVOLVES {field: 'STAKEHOLDERS'}]->(n)`,
    );
    const before = (await snapshotGraph(prassi.driver)).graph;
    const stampBefore = await stamp();

    const answer = await post(EXAMPLE, {}, await token(["editor"]));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      mergeNodes: {
        merge: {
          type: "STAKEHOLDER",
          from: "comune-angri",
          into: "agro-solidale",
          movedLinks: 1,
          droppedLinks: 2,
          mergedBy: "redazione",
          mergedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        userErrors: [],
      },
    });
    expect(await stamp()).not.toEqual(stampBefore);
    const after = (await snapshotGraph(prassi.driver)).graph;
    expect(after.filter(about("comune-angri")).filter((line) => !line.startsWith('[["NodeAlias"]'))).toEqual([]);
    // The editor's link moved with its provenance; the card's link of 2023-015 was one agro-solidale already had.
    expect(after.filter(about("agro-solidale")).filter((line) => line.includes("INVOLVES"))).toEqual([
      '["INVOLVES",["Practice"],"2023-001",["Stakeholder"],"agro-solidale",{"field":"STAKEHOLDERS"}]',
      expect.stringMatching(
        /^\["INVOLVES",\["Practice"\],"2023-015",\["Stakeholder"\],"agro-solidale",\{"field":"[A-Z]+","line":\d+\}\]$/,
      ),
    ]);
    const others = (lines: string[]) =>
      lines.filter((line) => !about("comune-angri")(line) && !about("agro-solidale")(line));
    expect(others(after)).toEqual(others(before));
    const aliases = await aliasesHeld(prassi);
    expect(aliases).toEqual([
      {
        type: "Stakeholder",
        from: "comune-angri",
        into: "agro-solidale",
        mergedBy: "redazione",
        mergedAt: expect.any(String),
      },
    ]);
    // Similarity was refreshed before the response: nothing names the node that went.
    const { records } = await prassi.driver.executeQuery(
      "MATCH ()-[s:SIMILAR_TO]->() WHERE apoc.convert.toJson(properties(s)) CONTAINS 'comune-angri' RETURN count(s) AS n",
    );
    expect(records[0]!.get("n")).toBe(0);
    // Because an unrecognised mutation gets the full similarity refresh (writes/practicesTouched.ts).
    const operation = parse(EXAMPLE).definitions[0] as OperationDefinitionNode;
    const { schema } = await buildSchema(prassi.driver);
    expect(practicesTouched(schema, operation, {})).toMatchObject({ kind: "unknown" });
  });

  it("a re-import of the catalogue does not make the merged node again, and changes nothing", async () => {
    const before = (await snapshotGraph(prassi.driver)).graph;
    const vocabulary = loadVocabulary();
    const reading = readCatalogue(SEED, { sourceName: SEED, vocabulary });
    const aliased = await applyAliasesBeforeLoad(graphOn(prassi.driver), reading.catalogue!, vocabulary);
    expect(aliased.applied).toEqual([{ label: "Stakeholder", from: "comune-angri", into: "agro-solidale", links: 1 }]);
    expect(aliased.merged).toEqual([]);
    const report = await loadCatalogue(graphOn(prassi.driver), aliased.catalogue);
    expect(report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    expect((await snapshotGraph(prassi.driver)).graph).toEqual(before);
  });

  it("the export carries the alias, the restore writes it back, and imports after the restore apply it", async () => {
    const dir = path.join(scratch, "export");
    expect(exportDatabase(dir).status).toBe(0);
    const vocabulary = JSON.parse(fs.readFileSync(path.join(dir, "vocabulary.json"), "utf8")) as {
      nodeAliases: unknown[];
    };
    expect(vocabulary.nodeAliases).toEqual([
      {
        type: "Stakeholder",
        from: "comune-angri",
        into: "agro-solidale",
        mergedBy: "redazione",
        mergedAt: expect.any(String),
      },
    ]);
    const exported = (await snapshotGraph(prassi.driver)).graph;
    await resetDatabase(prassi.driver);
    const restored = ingest(dir);
    expect({ status: restored.status, stderr: restored.stderr }).toMatchObject({ status: 0 });
    expect((await snapshotGraph(prassi.driver)).graph.filter((line) => !line.includes("GraphVersion"))).toEqual(
      exported,
    );

    const imported = ingest(SEED);
    expect(imported.status).toBe(0);
    expect((await snapshotGraph(prassi.driver)).graph.filter(about("comune-angri"))).toEqual([
      expect.stringMatching(/^\[\["NodeAlias"\]/),
    ]);
  });

  it("npm run vocabulary -- merges writes the alias into the vocabulary as formerIds", async () => {
    const dir = path.join(scratch, "vocabulary");
    fs.cpSync(path.resolve(__dirname, "../../seed/vocabulary"), dir, { recursive: true });
    const aliases = await aliasesHeld(prassi);
    const outcome = writeMergesAsFormerIds(aliases, dir);
    expect(outcome).toMatchObject({ written: 1, refused: false });
    const entry = (
      JSON.parse(fs.readFileSync(path.join(dir, "stakeholders.json"), "utf8")) as Array<{ id: string }>
    ).find((candidate) => candidate.id === "agro-solidale");
    expect(entry).toMatchObject({ formerIds: ["comune-angri"] });
    expect(loadVocabulary(dir).stakeholders.find((candidate) => candidate.id === "agro-solidale")?.formerIds).toEqual([
      "comune-angri",
    ]);
  });
});
