import { settle, type StoredEdge } from "../../src/similarity/settle";

const PER_KIND = [1, 0, 0, 0, 0, 0, 0, 0, 0];
const NUMBERS = [...PER_KIND, ...PER_KIND, ...PER_KIND];
const NOTHING_SHARED = PER_KIND.map(() => []);

/** An edge as its computation wrote it: of `generation`, one of `size`. */
function edge(target: string, generation: string, size: number): StoredEdge {
  return { target, generation, neighbourhoodSize: size, numbers: NUMBERS, shared: NOTHING_SHARED };
}

/** An edge caught while a commit deletes it: the relationship is still there, its properties are gone. */
function emptied(target: string): StoredEdge {
  return { target, generation: null, neighbourhoodSize: null, numbers: null, shared: NOTHING_SHARED.map(() => null) };
}

describe("settle", () => {
  it("serves a neighbourhood read whole: one generation, every edge it wrote", () => {
    const edges = [edge("b", "g1", 2), edge("c", "g1", 2)];
    const intact = {
      generation: "g1",
      neighbourhoodSize: 2,
      contributions: PER_KIND,
      practiceMass: PER_KIND,
      neighbourMass: PER_KIND,
      shared: NOTHING_SHARED,
    };
    expect(settle(edges, 2)).toEqual({
      settled: true,
      edges: [
        { target: "b", ...intact },
        { target: "c", ...intact },
      ],
    });
  });

  it("reads again old and new edges seen side by side, even when their number is right", () => {
    expect(settle([edge("b", "g1", 2), edge("d", "g2", 2)], 2)).toEqual({ settled: false });
  });

  it("reads again a neighbourhood with an edge whose properties are gone", () => {
    expect(settle([edge("b", "g1", 2), emptied("c")], 2)).toEqual({ settled: false });
    expect(
      settle([edge("b", "g1", 2), { ...edge("c", "g1", 2), shared: [...NOTHING_SHARED.slice(1), null] }], 2),
    ).toEqual({ settled: false });
    expect(settle([edge("b", "g1", 2), { ...edge("c", "g1", 2), numbers: null }], 2)).toEqual({ settled: false });
  });

  it("reads again part of a generation, and serves it only when the next read finds the same part", () => {
    const first = settle([edge("b", "g2", 3), edge("c", "g2", 3)], 3);
    expect(first).toEqual({ settled: false, shortfall: expect.any(String) });
    const shortfall = first.settled ? undefined : first.shortfall;
    // A commit caught half-applied moves on: the next read differs.
    expect(settle([edge("b", "g2", 3), edge("c", "g2", 3), edge("d", "g2", 3)], 3, shortfall)).toMatchObject({
      settled: true,
    });
    // A neighbour deleted since the computation stays missing (until the next refresh): the same part is served.
    expect(settle([edge("c", "g2", 3), edge("b", "g2", 3)], 3, shortfall)).toMatchObject({ settled: true });
    expect(settle([edge("b", "g2", 3)], 3, shortfall)).toMatchObject({ settled: false });
  });

  it("serves no neighbours when the last computation wrote none, and reads again when it wrote some", () => {
    expect(settle([], 0)).toEqual({ settled: true, edges: [] });
    expect(settle([], null)).toEqual({ settled: true, edges: [] });
    const first = settle([], 12);
    expect(first).toMatchObject({ settled: false });
    expect(settle([], 12, first.settled ? undefined : first.shortfall)).toEqual({ settled: true, edges: [] });
  });
});
