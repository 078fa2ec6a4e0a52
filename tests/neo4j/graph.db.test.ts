import type { Driver, Session } from "neo4j-driver";
import { graphOn } from "../../src/neo4j/graph";
import { connectTestDatabase } from "../support/database";

/** A Graph holds the driver and the database together, and says once whether a statement reads or writes. */
describe("a Graph", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = connectTestDatabase();
  });
  afterAll(async () => {
    await driver.executeQuery("MATCH (n:GraphTestNode) DELETE n");
    await driver.close();
  });

  it("reads on a reader, which refuses a write", async () => {
    const graph = graphOn(driver);
    expect((await graph.read("RETURN $n AS n", { n: 2 })).records[0]!.get("n")).toBe(2);
    await expect(graph.read("CREATE (:GraphTestNode)")).rejects.toThrow(/read/i);
    await expect(
      graph.withSession("READ", (session) => session.executeRead((tx) => tx.run("CREATE (:GraphTestNode)"))),
    ).rejects.toThrow(/read/i);
  });

  it("writes on the leader, in a session it closes", async () => {
    const graph = graphOn(driver);
    await graph.write("CREATE (:GraphTestNode)");
    let used: Session | undefined;
    const created = await graph.withSession("WRITE", (session) => {
      used = session;
      return session.executeWrite(async (tx) => (await tx.run("CREATE (:GraphTestNode) RETURN 1")).records.length);
    });
    expect(created).toBe(1);
    // A session left open would run it.
    await expect(Promise.resolve(used!.run("RETURN 1"))).rejects.toThrow(/closed/i);
    expect((await graph.read("MATCH (n:GraphTestNode) RETURN count(n) AS n")).records[0]!.get("n")).toBe(2);
  });

  it("names its database to every statement, and a reader it makes reads there too", async () => {
    const graph = graphOn(driver, "no-such-database");
    await expect(graph.read("RETURN 1")).rejects.toThrow(/no-such-database/);
    await expect(graph.write("RETURN 1")).rejects.toThrow(/no-such-database/);
    await expect(graph.reader().run("RETURN 1")).rejects.toThrow(/no-such-database/);
    expect(graph.reader({ timeoutMs: 500 }).scope).toMatchObject({ database: "no-such-database", timeoutMs: 500 });
  });
});
