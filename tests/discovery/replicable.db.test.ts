import type { Driver } from "neo4j-driver";
import { NotFoundError } from "../../src/errors";
import { findReplicableModels, type ReplicableMatch } from "../../src/discovery/replicable";
import { useTestDatabase } from "../support/database";

async function ids(driver: Driver, cypher: string, parameters: Record<string, unknown> = {}): Promise<string[]> {
  const { records } = await driver.executeQuery(cypher, parameters);
  return records.map((record) => record.get("id") as string);
}

function expectBestFirst(matches: ReplicableMatch[]): void {
  const scores = matches.map((match) => match.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe("replicable models for a region, on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("returns only other regions' practices implementing the asked LEP, best first", async () => {
    const { region, matches } = await findReplicableModels(db.reader, { region: "Veneto", leps: ["M"], limit: 10 });
    expect(region).toEqual({ nuts: "ITH3", name: "Veneto" });
    const implementingM = await ids(
      db.driver,
      "MATCH (p:Practice)-[:IMPLEMENTS]->(l:Lep) WHERE l.code = 'M' OR (l)-[:PART_OF]->(:Lep {code: 'M'}) RETURN DISTINCT p.id AS id",
    );
    expect(implementingM.length).toBeGreaterThan(0);
    expect(matches.map((match) => match.practiceId).sort()).toEqual(implementingM.sort());
    expectBestFirst(matches);
    for (const match of matches) {
      expect(match.reasons).toEqual([
        { kind: "LEP", weight: 0.9, shared: [{ id: "M", name: expect.stringMatching(/Collocamento mirato/) }] },
      ]);
    }
    // All cover M alike: the card that says it was already replicated and is transferable leads.
    expect(matches[0]).toMatchObject({
      practiceId: "2023-011",
      evidence: expect.arrayContaining(["ALREADY_REPLICATED", "DECLARED_TRANSFERABLE"]),
    });
  });

  it("never proposes the asking region's own practices", async () => {
    const { matches } = await findReplicableModels(db.reader, { region: "Liguria", leps: ["M", "F"], limit: 50 });
    expect(matches.map((match) => match.practiceId)).not.toEqual(expect.arrayContaining(["2023-004"]));
    expect(matches.map((match) => match.practiceId)).not.toContain("2023-005");
    expect(matches.length).toBeGreaterThan(0);
  });

  it("weighs what the region lacks more than what it already offers", async () => {
    // Liguria covers F but not O: a practice covering O alone outranks one covering F alone.
    const { matches } = await findReplicableModels(db.reader, { region: "ITC3", leps: ["F", "O"], limit: 50 });
    const onlyO = matches.find((match) => match.practiceId === "2023-016")!;
    const onlyF = matches.find((match) => match.practiceId === "2023-001")!;
    expect(onlyO.reasons).toEqual([{ kind: "LEP", weight: 0.6, shared: [{ id: "O", name: expect.any(String) }] }]);
    expect(onlyF.reasons).toEqual([{ kind: "LEP", weight: 0.3, shared: [{ id: "F", name: expect.any(String) }] }]);
    expect(onlyO.score).toBeGreaterThan(onlyF.score);
  });

  it("reads a sub-code as covering its parent, and asking a sub-code finds only that sub-code", async () => {
    // 2023-003 (Lombardia) implements M1, M2, M3 and M; asking M1 from Toscana finds it alone.
    const { matches } = await findReplicableModels(db.reader, { region: "Toscana", leps: ["M1"], limit: 10 });
    expect(matches.map((match) => match.practiceId)).toEqual(["2023-003"]);
  });

  it("matches asked target groups, splitting the coverage between LEPs and targets", async () => {
    const { matches } = await findReplicableModels(db.reader, {
      region: "Veneto",
      leps: ["M"],
      targets: ["persone-con-disabilita", "neet"],
      limit: 20,
    });
    const targeting = await ids(
      db.driver,
      "MATCH (p:Practice)-[:TARGETS]->(t:TargetGroup) WHERE t.id IN ['persone-con-disabilita', 'neet'] RETURN DISTINCT p.id AS id",
    );
    expect(targeting.length).toBeGreaterThan(0);
    expect(matches.length).toBeGreaterThan(0);
    for (const id of targeting) expect(matches.map((match) => match.practiceId)).toContain(id);
    expectBestFirst(matches);
    for (const match of matches) {
      const coverage = match.reasons.reduce((sum, reason) => sum + reason.weight, 0);
      expect(coverage).toBeLessThanOrEqual(0.9 + 1e-9);
      expect(match.score - coverage).toBeGreaterThanOrEqual(0);
      expect(match.score - coverage).toBeLessThanOrEqual(0.1 + 1e-9);
    }
    // Lazio's 2023-011 covers M and the disability group: half of the LEP part and half of the target part.
    expect(matches.find((match) => match.practiceId === "2023-011")?.reasons).toEqual([
      { kind: "LEP", weight: 0.45, shared: [{ id: "M", name: expect.any(String) }] },
      { kind: "TARGET", weight: 0.225, shared: [{ id: "persone-con-disabilita", name: expect.any(String) }] },
    ]);
  });

  it("asks for the region's gaps when given neither LEPs nor targets", async () => {
    const { asked, matches } = await findReplicableModels(db.reader, { region: "Liguria", limit: 50 });
    expect(asked.mode).toBe("GAPS");
    const gapCodes = asked.leps.map((lep) => lep.id);
    expect(gapCodes).not.toEqual(expect.arrayContaining(["E"]));
    for (const covered of ["E", "F", "M", "S"]) expect(gapCodes).not.toContain(covered);
    expect(gapCodes).toEqual(expect.arrayContaining(["A", "C", "O", "Q"]));
    expect(matches.length).toBeGreaterThan(0);
    expectBestFirst(matches);
    for (const match of matches) {
      for (const item of match.reasons.flatMap((reason) => reason.shared)) expect(gapCodes).toContain(item.id);
    }
    // Marche's digitalisation covers seven of the gaps (A B C D F G K minus F): the widest.
    expect(matches[0]!.practiceId).toBe("2023-006");
  });

  it("limits the answer and finds nothing for a LEP no card implements", async () => {
    expect((await findReplicableModels(db.reader, { region: "Veneto", leps: ["O"], limit: 2 })).matches).toHaveLength(
      2,
    );
    expect((await findReplicableModels(db.reader, { region: "Veneto", leps: ["H"], limit: 10 })).matches).toEqual([]);
  });

  it("names what it cannot find: region, LEP code, target group", async () => {
    const unknownRegion = findReplicableModels(db.reader, { region: "Atlantide", leps: ["M"], limit: 5 });
    await expect(unknownRegion).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknownRegion).rejects.toMatchObject({
      details: { kind: "REGION", value: "Atlantide" },
      message: "no region matches 'Atlantide'",
    });
    await expect(findReplicableModels(db.reader, { region: "Veneto", leps: ["Z9"], limit: 5 })).rejects.toMatchObject({
      details: { kind: "LEP", value: "Z9" },
    });
    await expect(
      findReplicableModels(db.reader, { region: "Veneto", targets: ["unicorni"], limit: 5 }),
    ).rejects.toMatchObject({
      details: { kind: "TARGET_GROUP", value: "unicorni" },
    });
  });
});
