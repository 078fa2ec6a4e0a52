import { featureSignature } from "../../src/similarity/features";
import { LENSES, type Item, type LinkKind, type PracticeFeatures } from "../../src/similarity/model";
import {
  buildSimilarityIndex,
  candidateCap,
  computeNeighbourhoods,
  type Neighbourhood,
} from "../../src/similarity/neighbours";
import { SCORING_VERSION, rarities, scorePair, topMatches } from "../../src/similarity/score";

function practice(id: string, links: Partial<Record<LinkKind, string[]>>): PracticeFeatures {
  const items: Item[] = Object.entries(links).flatMap(([kind, keys]) =>
    keys!.map((key) => ({ kind: kind as LinkKind, key })),
  );
  return { id, items };
}

/** Ten practices that all involve ANPAL Servizi; `with` adds links to the first ones. */
function catalogueWith(practices: PracticeFeatures[]): PracticeFeatures[] {
  const filler = Array.from({ length: 10 - practices.length }, (_, n) =>
    practice(`filler-${n}`, { TARGET: [`own-${n}`] }),
  );
  return [...practices, ...filler].map((p) => ({
    ...p,
    items: [...p.items, { kind: "STAKEHOLDER", key: "anpal-servizi" }],
  }));
}

describe("rarity", () => {
  it("makes an item every practice has count for nothing and a rare one count most", () => {
    const practices = catalogueWith([practice("a", { TARGET: ["neet"] }), practice("b", { TARGET: ["neet"] })]);
    const rarity = rarities(practices);
    expect(rarity.get("STAKEHOLDER:anpal-servizi")).toBe(0);
    expect(rarity.get("TARGET:neet")).toBeCloseTo(Math.log(10 / 2));
  });

  it("ranks a practice sharing one rare item above one sharing only the ubiquitous actor", () => {
    const practices = catalogueWith([
      practice("a", { TARGET: ["neet"] }),
      practice("b", { TARGET: ["neet"] }),
      practice("c", {}),
    ]);
    const matches = topMatches(practices, "a", "BALANCED", 10);
    expect(matches.map((match) => match.practiceId)).toEqual(["b"]);
    const withC = scorePair(practices[0]!, practices[2]!, rarities(practices), "BALANCED");
    expect(withC).toMatchObject({ score: 0, reasons: [{ kind: "STAKEHOLDER", weight: 0 }] });
  });
});

describe("scorePair", () => {
  const practices = catalogueWith([
    practice("job-club", { LEP: ["F", "F1"], TARGET: ["disabled", "unemployed"], CPI: ["genova"], REGION: ["ITC3"] }),
    practice("speed-date", { LEP: ["F"], TARGET: ["disabled"], CPI: ["genova"], REGION: ["ITC3"], TOOL: ["teams"] }),
    practice("lab", { LEP: ["F"], TARGET: ["unemployed"] }),
  ]);
  const rarity = rarities(practices);
  const match = scorePair(practices[0]!, practices[1]!, rarity, "BALANCED");

  it("lets a sub-code meet its parent: F1 (expanded to F) shares F with a practice implementing F", () => {
    expect(match.reasons.find((reason) => reason.kind === "LEP")!.shared).toEqual([{ id: "F", name: "F" }]);
  });

  it("gives reasons that add up to the score, most telling first, omitting kinds with nothing shared", () => {
    const total = match.reasons.reduce((sum, reason) => sum + reason.weight, 0);
    expect(total).toBeCloseTo(match.score, 8);
    const weights = match.reasons.map((reason) => reason.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(match.reasons.map((reason) => reason.kind)).not.toContain("TOOL");
    expect(match.score).toBeGreaterThan(0);
    expect(match.score).toBeLessThanOrEqual(1);
  });

  it("is symmetric under a lens", () => {
    expect(scorePair(practices[1]!, practices[0]!, rarity, "ACTORS").score).toBeCloseTo(
      scorePair(practices[0]!, practices[1]!, rarity, "ACTORS").score,
      9,
    );
  });
});

describe("long lists", () => {
  const ownCpis = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
  const practices = catalogueWith([
    practice("q", { REGION: ["ITG2"], TARGET: ["rdc"] }),
    practice("lists-24", { REGION: ["ITG2"], TARGET: ["rdc"], CPI: ownCpis("a", 24) }),
    practice("lists-8", { REGION: ["ITG2"], TARGET: ["rdc"], CPI: ownCpis("b", 8) }),
    practice("lists-4", { REGION: ["ITG2"], TARGET: ["rdc"], CPI: ownCpis("c", 4) }),
  ]);
  const rarity = rarities(practices);
  const scoreWith = (id: string) =>
    scorePair(
      practices[0]!,
      practices.find((p) => p.id === id)!,
      rarity,
      "BALANCED",
    ).score;

  it("weigh no more than KIND_SATURATION items of their kind: 24 job centres of its own count against a match as 8 do", () => {
    expect(scoreWith("lists-24")).toBeCloseTo(scoreWith("lists-8"), 9);
    expect(scoreWith("lists-4")).toBeGreaterThan(scoreWith("lists-8"));
  });

  it("damp what each side shares by the square root of both dampings: a cosine, symmetric", () => {
    // x lists 24 job centres, y 12 of them: d_x = 8/24, d_y = 8/12.
    const both = catalogueWith([practice("x", { CPI: ownCpis("a", 24) }), practice("y", { CPI: ownCpis("a", 12) })]);
    const rarity = rarities(both);
    const [shared, own] = [rarity.get("CPI:a-0")!, rarity.get("CPI:a-23")!];
    const massX = ((12 * shared + 12 * own) * 8) / 24;
    const massY = (12 * shared * 8) / 12;
    const expected = (12 * shared * Math.sqrt((8 / 24) * (8 / 12))) / Math.sqrt(massX * massY);
    expect(scorePair(both[0]!, both[1]!, rarity, "BALANCED").score).toBeCloseTo(expected, 8);
    expect(scorePair(both[1]!, both[0]!, rarity, "BALANCED").score).toBeCloseTo(expected, 8);
  });

  it("damp what is shared too, so the score stays within 0..1 and its reasons add up", () => {
    const both = catalogueWith([practice("x", { CPI: ownCpis("a", 24) }), practice("y", { CPI: ownCpis("a", 24) })]);
    const match = scorePair(both[0]!, both[1]!, rarities(both), "BALANCED");
    expect(match.score).toBeCloseTo(1, 9);
    expect(match.reasons.reduce((sum, reason) => sum + reason.weight, 0)).toBeCloseTo(match.score, 9);
  });
});

describe("lenses", () => {
  // "services" shares two LEPs with p, "people" shares two target groups: equally rare, so BALANCED ties them.
  const practices = catalogueWith([
    practice("p", { LEP: ["O", "Q"], TARGET: ["neet", "women"] }),
    practice("services", { LEP: ["O", "Q"], TARGET: ["elderly"] }),
    practice("people", { LEP: ["A"], TARGET: ["neet", "women"] }),
    practice("other", { LEP: ["A"], TARGET: ["elderly"] }),
  ]);

  it("puts the practice sharing services first under SERVICES and the one sharing people first under TARGETS", () => {
    const balanced = topMatches(practices, "p", "BALANCED", 2);
    expect(balanced[0]!.score).toBeCloseTo(balanced[1]!.score, 9);
    expect(topMatches(practices, "p", "SERVICES", 1)[0]!.practiceId).toBe("services");
    expect(topMatches(practices, "p", "TARGETS", 1)[0]!.practiceId).toBe("people");
  });
});

describe("lineage", () => {
  it("joins a practice to the one it builds on, through the shared lineage item", () => {
    const practices = catalogueWith([
      practice("school-2023", { TARGET: ["students"], LINEAGE: ["school-2023"] }),
      practice("strait-network", { TARGET: ["companies"], LINEAGE: ["school-2023"] }),
    ]);
    const [match] = topMatches(practices, "strait-network", "BALANCED", 1);
    expect(match!.practiceId).toBe("school-2023");
    expect(match!.reasons[0]).toMatchObject({ kind: "LINEAGE", shared: [{ id: "school-2023" }] });
  });
});

describe("the indexed computation", () => {
  // A larger random catalogue: a ubiquitous actor, popular LEPs and regions above the candidate cap (50), a long tail.
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const next = random(7);
  const pick = (prefix: string, range: number) => `${prefix}-${Math.floor(next() ** 2 * range)}`;
  const practices = Array.from({ length: 400 }, (_, n) =>
    practice(`p-${String(n).padStart(3, "0")}`, {
      LEP: [pick("lep", 12), pick("lep", 12)],
      TARGET: [pick("target", 30), pick("target", 30)],
      STAKEHOLDER: ["anpal-servizi", pick("actor", 300)],
      REGION: [pick("region", 3)],
      // Every seventh practice draws 12 to 30 job centres (more than 8 distinct), so that the damping is compared too.
      CPI: Array.from({ length: n % 7 === 0 ? 12 + (n % 19) : 1 }, () => pick("cpi", 150)),
    }),
  );
  const rarity = rarities(practices);
  const sample = practices.slice(0, 40).map((p) => p.id);
  const balancedTop = (edges: Neighbourhood["edges"]) => edges.slice(0, 10).map((edge) => [edge.target, edge.score]);

  it("finds the exact top-K of every lens when no item is capped", () => {
    const index = buildSimilarityIndex(practices, Infinity);
    for (const neighbourhood of computeNeighbourhoods(index, sample, 10)) {
      const expected = topMatches(practices, neighbourhood.practiceId, "BALANCED", 10, rarity);
      expect(balancedTop(neighbourhood.edges)).toEqual(expected.map((match) => [match.practiceId, match.score]));
      const targets = new Set(neighbourhood.edges.map((edge) => edge.target));
      for (const lens of LENSES) {
        for (const match of topMatches(practices, neighbourhood.practiceId, lens, 10, rarity))
          expect(targets).toContain(match.practiceId);
      }
    }
  });

  it("with the cap, only misses practices that share nothing but capped (popular) items, and scores exactly", () => {
    const index = buildSimilarityIndex(practices);
    const popular = new Set(
      [...rarity].filter(([, value]) => value < Math.log(400 / candidateCap(400))).map(([id]) => id),
    );
    for (const neighbourhood of computeNeighbourhoods(index, sample, 10)) {
      const p = practices.find((candidate) => candidate.id === neighbourhood.practiceId)!;
      const stored = new Map(neighbourhood.edges.map((edge) => [edge.target, edge.score]));
      for (const match of topMatches(practices, p.id, "BALANCED", 10, rarity)) {
        if (stored.has(match.practiceId)) expect(stored.get(match.practiceId)).toBe(match.score);
        else
          expect(
            match.reasons
              .flatMap((reason) => reason.shared.map((item) => `${reason.kind}:${item.id}`))
              .every((id) => popular.has(id)),
          ).toBe(true);
      }
    }
  });
});

describe("featureSignature", () => {
  it("ignores item order and repeats, and changes when an item changes", () => {
    const a = practice("a", { LEP: ["F", "F1"], TARGET: ["neet"] });
    const reordered = practice("a", { TARGET: ["neet", "neet"], LEP: ["F1", "F"] });
    expect(featureSignature(reordered)).toBe(featureSignature(a));
    expect(featureSignature(practice("a", { LEP: ["F"], TARGET: ["neet"] }))).not.toBe(featureSignature(a));
  });

  it("changes with the scoring version, so that neighbourhoods stored by another formula are recomputed", () => {
    const a = practice("a", { LEP: ["F"] });
    expect(featureSignature(a)).toBe(featureSignature(a, SCORING_VERSION));
    expect(featureSignature(a, SCORING_VERSION - 1)).not.toBe(featureSignature(a));
  });
});
