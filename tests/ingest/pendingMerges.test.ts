import { practiceLinksAfter, sharedLinksAfter, type PendingMerge } from "../../src/ingest/load/pendingMerges";

const card = (to: string, line: number) => ({ type: "INVOLVES", to, field: "ACTIVITIES", line });
const editors = (to: string) => ({ type: "INVOLVES", to, field: "STAKEHOLDERS", line: null });
const merge = (from: string, into: string, intoHeld = true): PendingMerge => ({
  label: "Stakeholder",
  from,
  into,
  intoHeld,
});

describe("a practice's links as the merges of old nodes leave them (mergeNodes.ts's rules)", () => {
  it("are the links held when nothing is merged", () => {
    const links = [card("a", 3), editors("a"), card("b", 4)];
    expect(practiceLinksAfter(links, [])).toEqual(links);
  });

  it("lead to the new node, with their provenance, unless the practice has such a link to it already", () => {
    const target = { type: "TARGETS", to: "old", field: "TARGET", line: 2 };
    // A target group that happens to have the old node's id is no stakeholder.
    expect(practiceLinksAfter([card("new", 9), card("old", 5), target], [merge("old", "new")])).toEqual([
      card("new", 9),
      target,
    ]);
    expect(practiceLinksAfter([editors("old")], [merge("old", "new")])).toEqual([editors("new")]);
    expect(practiceLinksAfter([editors("new"), editors("old")], [merge("old", "new")])).toEqual([editors("new")]);
    // A card's link is no double of an editor's.
    expect(practiceLinksAfter([editors("new"), card("old", 5)], [merge("old", "new")])).toEqual([
      editors("new"),
      card("new", 5),
    ]);
  });

  it("keep one card link when two old nodes become one: the first merged moves, the second is its double", () => {
    const links = [card("old-b", 7), card("old-a", 5)];
    expect(practiceLinksAfter(links, [merge("old-a", "new", false), merge("old-b", "new")])).toEqual([card("new", 5)]);
  });
});

describe("a shared node's links as the merges of old nodes leave them", () => {
  const link = (elementId: string, to: string) => ({ elementId, to });
  const stakeholder = { label: "Stakeholder", key: "id" };
  const inRegion = { type: "IN_REGION", from: stakeholder, to: { label: "Region", key: "nuts" } };
  const partOf = { type: "PART_OF", from: stakeholder, to: stakeholder };

  it("a node the merge makes from its vocabulary entry has the entry's, not the old node's; one made from the old node has the old node's", () => {
    const held = new Map([["old", [link("r1", "ITF3")]]]);
    const entryRegion = { ...inRegion, links: [{ from: "new", to: "ITC1" }] };
    const fromEntry = {
      ...merge("old", "new", false),
      intoEntry: { properties: { name: "New" }, links: [entryRegion] },
    };
    // Written by the merge: not in the graph yet, no element id.
    expect(sharedLinksAfter(inRegion, "new", held, [fromEntry])).toEqual([link("", "ITC1")]);
    expect(sharedLinksAfter(partOf, "new", held, [fromEntry])).toEqual([]);
    expect(sharedLinksAfter(inRegion, "new", held, [merge("old", "new", false)])).toEqual([link("r1", "ITF3")]);
  });

  it("a node held keeps its own link of the type, or takes the old node's when it has none", () => {
    const held = new Map([
      ["old", [link("r1", "ITF3")]],
      ["new", [link("r2", "ITC1")]],
      ["bare", []],
    ]);
    expect(sharedLinksAfter(inRegion, "new", held, [merge("old", "new")])).toEqual([link("r2", "ITC1")]);
    expect(sharedLinksAfter(inRegion, "bare", held, [merge("old", "bare")])).toEqual([link("r1", "ITF3")]);
  });

  it("a link to an old node leads to its new node, once", () => {
    const held = new Map([
      ["branch", [link("p1", "old-national")]],
      ["both", [link("p2", "old-national"), link("p3", "national")]],
    ]);
    const merges = [merge("old-national", "national")];
    expect(sharedLinksAfter(partOf, "branch", held, merges)).toEqual([link("p1", "national")]);
    expect(sharedLinksAfter(partOf, "both", held, merges)).toEqual([link("p3", "national")]);
  });

  it("a link from the node merged into to the old one goes, as mergeNodes.ts deletes it: no link to itself", () => {
    const held = new Map([
      ["branch", [link("p1", "org")]],
      ["org", [link("p2", "national")]],
    ]);
    // The branch had a link of the type (to the old node) when the merge came: the old node's own does not move.
    expect(sharedLinksAfter(partOf, "branch", held, [merge("org", "branch")])).toEqual([]);
    // A region of the old node's id is another node.
    expect(sharedLinksAfter(inRegion, "branch", held, [merge("org", "branch")])).toEqual([link("p1", "org")]);
  });
});
