import { randomUUID } from "node:crypto";
import { regionCoverage } from "../../src/discovery/regionCoverage";
import { findReplicableModels } from "../../src/discovery/replicable";
import type { GraphReader } from "../../src/neo4j/reader";
import { useTestDatabase } from "../support/database";

/** A reader served under `version()` that counts the statements it runs. */
function versioned(
  reader: GraphReader,
  version: () => string | undefined,
  signal?: AbortSignal,
): GraphReader & { statements: number } {
  const counted = {
    scope: { ...reader.scope, graphVersion: version, signal },
    statements: 0,
    run: (cypher: string, parameters?: Record<string, unknown>) => {
      counted.statements++;
      signal?.throwIfAborted();
      return reader.run(cypher, parameters);
    },
  };
  return counted;
}

const umbria = (coverage: Awaited<ReturnType<typeof regionCoverage>>) =>
  coverage.find((entry) => entry.nuts === "ITI2")!;

describe("the discovery reads memoised on the graph version, on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("reads the coverage of all territories once per version, and again once the version moves", async () => {
    let version = randomUUID();
    const reader = versioned(db.reader, () => version);
    const first = await regionCoverage(reader);
    expect(await regionCoverage(reader)).toEqual(first);
    expect(reader.statements).toBe(1);
    expect(umbria(first).practiceCount).toBe(0);

    await db.driver.executeQuery(
      `MATCH (r:Region {nuts: 'ITI2'}), (l:Lep {code: 'H'})
       CREATE (:Practice {id: 'memo-1', title: 'Memo'})-[:IN_REGION]->(r), (l)<-[:IMPLEMENTS]-(:Practice {id: 'memo-2', title: 'Memo'})-[:IN_REGION]->(r)`,
    );
    try {
      // Same version: the memo (a write always advances the version; this one, made behind the API's back, did not).
      expect(umbria(await regionCoverage(reader)).practiceCount).toBe(0);
      version = randomUUID();
      expect(umbria(await regionCoverage(reader))).toMatchObject({ practiceCount: 2, lepsCovered: 1 });
      expect(reader.statements).toBe(2);
    } finally {
      await db.driver.executeQuery("MATCH (p:Practice) WHERE p.id STARTS WITH 'memo-' DETACH DELETE p");
    }
  });

  it("reads every time without a version it can vouch for", async () => {
    const reader = versioned(db.reader, () => undefined);
    await regionCoverage(reader);
    await regionCoverage(reader);
    expect(reader.statements).toBe(2);
  });

  it("shares one read between the askers of a version, and a failed one is not handed to the others", async () => {
    const version = randomUUID();
    const abandoned = new AbortController();
    abandoned.abort();
    const failing = regionCoverage(versioned(db.reader, () => version, abandoned.signal));
    const waiting = [1, 2, 3].map(() => versioned(db.reader, () => version));
    const answered = waiting.map((reader) => regionCoverage(reader));
    await expect(failing).rejects.toThrow();
    for (const answer of answered) expect(await answer).toHaveLength(21);
    // The three waiters share the next read: one statement among them, not one each.
    expect(waiting.reduce((total, reader) => total + reader.statements, 0)).toBe(1);

    // The waiters' read filled the memo in place of the failed one: later askers of the version read nothing.
    const later = [versioned(db.reader, () => version), versioned(db.reader, () => version)];
    await Promise.all(later.map((reader) => regionCoverage(reader)));
    expect(later.map((reader) => reader.statements)).toEqual([0, 0]);
  });

  it("answers replicableModels alike with and without the memos (LEP vocabulary, cards' evidence), reading cards again under a new version", async () => {
    const ask = { region: "Veneto", leps: ["M"], targets: ["persone-con-disabilita"], limit: 10 };
    const plain = await findReplicableModels(db.reader, ask);
    let version = randomUUID();
    const first = versioned(db.reader, () => version);
    expect(await findReplicableModels(first, ask)).toEqual(plain);
    const second = versioned(db.reader, () => version);
    expect(await findReplicableModels(second, ask)).toEqual(plain);
    expect(second.statements).toBe(first.statements - 2); // neither the vocabulary nor the cards read again

    const evidenceOf2023011 = async () =>
      (await findReplicableModels(second, ask)).matches.find((match) => match.practiceId === "2023-011")!.evidence;
    expect(await evidenceOf2023011()).toContain("ONGOING");
    await db.driver.executeQuery("MATCH (p:Practice {id: '2023-011'}) SET p.ongoing = false");
    try {
      expect(await evidenceOf2023011()).toContain("ONGOING");
      version = randomUUID();
      expect(await evidenceOf2023011()).not.toContain("ONGOING");
    } finally {
      await db.driver.executeQuery("MATCH (p:Practice {id: '2023-011'}) SET p.ongoing = true");
    }
  });
});
