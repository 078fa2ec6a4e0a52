import { InvalidArgumentError, NotFoundError } from "../../src/errors";
import { practicePath } from "../../src/discovery/path";
import { useTestDatabase } from "../support/database";

describe("the path between two practices, on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("joins Liguria's two practices in 2 hops through a node they share", async () => {
    const steps = await practicePath(db.reader, { from: "2023-004", to: "2023-005", maxHops: 4 });
    expect(steps).toHaveLength(3);
    expect(steps[0]).toEqual({ position: 0, kind: "PRACTICE", id: "2023-004", name: "JOB CLUB" });
    expect(steps[2]).toMatchObject({ position: 2, kind: "PRACTICE", id: "2023-005" });
    expect(steps[1]!.kind).not.toBe("PRACTICE");
    expect(steps[1]!.link).toBe(steps[2]!.link);
    const { records } = await db.driver.executeQuery(
      "MATCH (:Practice {id: '2023-004'})-[a]-(n)-[b]-(:Practice {id: '2023-005'}) WHERE coalesce(n.id, n.code, n.nuts) = $id RETURN type(a) AS a",
      { id: steps[1]!.id },
    );
    expect(records.map((record) => record.get("a"))).toContain(steps[1]!.link);
  });

  it("follows explicit lineage directly", async () => {
    expect(await practicePath(db.reader, { from: "2023-012", to: "2023-009", maxHops: 4 })).toEqual([
      { position: 0, kind: "PRACTICE", id: "2023-012", name: expect.any(String) },
      { position: 1, kind: "PRACTICE", id: "2023-009", name: expect.any(String), link: "BUILDS_ON" },
    ]);
  });

  it("prefers, among the shortest, the path through the rarest node", async () => {
    // 2023-003 and 2023-013 share LEP S and the target group imprese; S is implemented by fewer practices.
    const steps = await practicePath(db.reader, { from: "2023-003", to: "2023-013", maxHops: 4 });
    expect(steps.map((step) => step.id)).toEqual(["2023-003", "S", "2023-013"]);
    expect(steps[1]).toMatchObject({ kind: "LEP", link: "IMPLEMENTS" });
  });

  it("never goes through the catalogue or computed similarity", async () => {
    await db.driver.executeQuery(
      "MATCH (a:Practice {id: '2023-004'}), (b:Practice {id: '2023-016'}) MERGE (a)-[:SIMILAR_TO {score: 1.0}]->(b)",
    );
    const steps = await practicePath(db.reader, { from: "2023-004", to: "2023-016", maxHops: 8 });
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.map((step) => step.link)).not.toContain("SIMILAR_TO");
    expect(steps.map((step) => step.link)).not.toContain("LISTED_IN");
    await db.driver.executeQuery("MATCH ()-[r:SIMILAR_TO]->() DELETE r");
  });

  it("answers [] when the practices are further apart than maxHops, or not connected at all", async () => {
    expect(await practicePath(db.reader, { from: "2023-004", to: "2023-005", maxHops: 1 })).toEqual([]);
    await db.driver.executeQuery(
      "MATCH (c:Catalog {id: 'anpal-2023'}) CREATE (p:Practice {id: '2099-001', title: 'Isolated'})-[:LISTED_IN]->(c)",
    );
    try {
      expect(await practicePath(db.reader, { from: "2023-004", to: "2099-001", maxHops: 8 })).toEqual([]);
    } finally {
      await db.driver.executeQuery("MATCH (p:Practice {id: '2099-001'}) DETACH DELETE p");
    }
  });

  it("answers the single step for the same practice", async () => {
    expect(await practicePath(db.reader, { from: "2023-007", to: "2023-007", maxHops: 4 })).toEqual([
      { position: 0, kind: "PRACTICE", id: "2023-007", name: expect.any(String) },
    ]);
  });

  it("names an unknown practice and refuses maxHops outside 1..8", async () => {
    await expect(practicePath(db.reader, { from: "2023-004", to: "2023-999", maxHops: 4 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { kind: "PRACTICE", value: "2023-999" },
      message: "no practice has id '2023-999'",
    });
    await expect(practicePath(db.reader, { from: "2023-999", to: "2023-004", maxHops: 4 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(practicePath(db.reader, { from: "2023-004", to: "2023-005", maxHops: 9 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(practicePath(db.reader, { from: "2023-004", to: "2023-005", maxHops: 0 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});
