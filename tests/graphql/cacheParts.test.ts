import { pollVersionStamp } from "../../src/graphql/cache/versionStamp";
import { createLogger } from "../../src/logger";

const log = createLogger("silent");

describe("the graph version stamp as one instance knows it", () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it("is read once a second whatever the traffic, and vouched for only while its read is fresh", async () => {
    let reads = 0;
    let stamp = "e:7";
    let answering = true;
    const poller = pollVersionStamp({
      read: async () => {
        reads++;
        if (!answering) throw new Error("database down");
        return stamp;
      },
      log,
    });
    await jest.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 1000; i++) expect(poller.current()).toBe("e:7");
    expect(reads).toBe(1);
    stamp = "e:8";
    await jest.advanceTimersByTimeAsync(1_000);
    expect(poller.current()).toBe("e:8");
    expect(reads).toBe(2);
    // A failed read: the stamp is unknown (the cache is bypassed) until a read succeeds.
    answering = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(poller.current()).toBeUndefined();
    answering = true;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(poller.current()).toBe("e:8");
    poller.stop();
  });

  it("waits for a slow read up to a second more, then bypasses the cache until it ends", async () => {
    let release: (stamp: string) => void = () => {};
    let reads = 0;
    const poller = pollVersionStamp({
      read: () =>
        ++reads === 2
          ? new Promise<string>((resolve) => (release = resolve))
          : Promise.resolve(reads === 1 ? "e:1" : "e:3"),
      log,
    });
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(1_000); // the second read hangs
    await jest.advanceTimersByTimeAsync(999);
    expect(poller.current()).toBe("e:1");
    await jest.advanceTimersByTimeAsync(2);
    expect(poller.current()).toBeUndefined();
    expect(reads).toBe(2); // a hung read is not stacked on
    release("e:2");
    await jest.advanceTimersByTimeAsync(1_000); // the next read, on time
    expect(poller.current()).toBe("e:3");
    poller.stop();
  });

  it("takes a stamp this instance advanced at once; a read started before cannot take it back; a lower one is a change", async () => {
    let stamp = "e:3";
    let release: (stamp: string) => void = () => {};
    let slow = false;
    const poller = pollVersionStamp({
      read: () => (slow ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve(stamp)),
      log,
    });
    await jest.advanceTimersByTimeAsync(0);
    slow = true;
    await jest.advanceTimersByTimeAsync(1_000); // a read starts, while the database holds e:3
    poller.observe("e:4"); // this instance writes
    release("e:3"); // the read that started before the write ends
    await jest.advanceTimersByTimeAsync(0);
    expect(poller.current()).toBe("e:4");
    slow = false;
    stamp = "f:1"; // the database emptied and loaded again: a new epoch
    await jest.advanceTimersByTimeAsync(1_000);
    expect(poller.current()).toBe("f:1");
    poller.stop();
  });
});
