import { coalesceRequests } from "../../src/similarity/coalesce";

describe("coalesce", () => {
  it("lets a failed run reject its own requests only, and runs the next one", async () => {
    let calls = 0;
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const request = coalesceRequests(async () => {
      calls++;
      if (calls > 1) return calls;
      firstStarted();
      throw new Error("the database went away");
    });
    const failing = request(undefined);
    await started;
    const following = request(undefined);
    await expect(failing).rejects.toThrow("the database went away");
    await expect(following).resolves.toBe(2);
  });

  it("hands each run what the requests it serves asked, those made while a run is in progress to the next", async () => {
    const runs: string[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = coalesceRequests(async (asked: string[]) => {
      runs.push(asked);
      if (runs.length === 1) await held;
      return runs.length;
    });
    const first = request("a");
    await Promise.resolve(); // the first run has started: what follows waits for the next one
    const later = [request("b"), request("c")];
    release();
    expect(await first).toBe(1);
    expect(await Promise.all(later)).toEqual([2, 2]);
    expect(runs).toEqual([["a"], ["b", "c"]]);
  });
});
