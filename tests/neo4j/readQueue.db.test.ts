import type { Driver } from "neo4j-driver";
import { graphReader, readQueue } from "../../src/neo4j/reader";
import { connectTestDatabase } from "../support/database";

/** The process's queue of reads: a crowd's reads take turns in arrival order, and one abandoned while waiting never runs. */
describe("the queue of database reads", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = connectTestDatabase();
  });
  afterAll(async () => driver.close());

  it("runs at most its concurrency at once, in arrival order", async () => {
    const queue = readQueue(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const observed = (n: number) => {
      const inner = graphReader(driver);
      return queue(async () => {
        started.push(n);
        most = Math.max(most, ++running);
        try {
          return await inner.run("CALL apoc.util.sleep(50) RETURN $n AS n", { n });
        } finally {
          running--;
        }
      });
    };
    const answers = await Promise.all([0, 1, 2, 3, 4, 5].map(observed));
    expect(answers.map((answer) => answer.records[0]!.get("n"))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it("sends a reader's reads through its queue: none starts while the queue's turns are taken", async () => {
    const queue = readQueue(1);
    let release = () => {};
    const holding = queue(() => new Promise<void>((resolve) => (release = resolve)));
    let answered = false;
    const waiting = graphReader(driver, { queue })
      .run("RETURN 1 AS one")
      .then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    release();
    await holding;
    await expect(waiting).resolves.toMatchObject({ records: [expect.anything()] });
  });

  it("does not start a read whose request was abandoned while it waited", async () => {
    const queue = readQueue(1);
    const busy = graphReader(driver, { queue }).run("CALL apoc.util.sleep(400) RETURN 1 AS done");
    const abandoned = new AbortController();
    const waiting = graphReader(driver, { queue, signal: abandoned.signal, requestId: "abandoned-in-queue" }).run(
      "CALL apoc.util.sleep(2000) RETURN 2 AS never",
    );
    const refused = expect(waiting).rejects.toThrow("the client went away");
    abandoned.abort(new Error("the client went away"));
    await expect(busy).resolves.toMatchObject({ records: [expect.anything()] });
    await refused;
    // Its turn came when the first read ended: had it started then, its 2 s sleep would be running now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { records } = await driver.executeQuery(
      "SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId = 'abandoned-in-queue' RETURN count(*) AS seen",
    );
    expect(records[0]!.get("seen")).toBe(0);
  });
});
