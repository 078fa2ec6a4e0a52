import { coalesce } from "../../src/similarity/coalesce";

describe("coalesce", () => {
  it("lets a failed run reject its own requests only, and runs the next one", async () => {
    let calls = 0;
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const request = coalesce(async () => {
      calls++;
      if (calls > 1) return calls;
      firstStarted();
      throw new Error("the database went away");
    });
    const failing = request();
    await started;
    const following = request();
    await expect(failing).rejects.toThrow("the database went away");
    await expect(following).resolves.toBe(2);
  });
});
