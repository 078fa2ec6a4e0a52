import { NotFoundError } from "../../src/errors";
import { regionProfile } from "../../src/discovery/regionProfile";
import { findReplicableModels } from "../../src/discovery/replicable";
import { useTestDatabase } from "../support/database";

const TOP_LEVEL = "ABCDEFGHIJKLMNOPQRS".split("");

describe("a region's profile, on the 2023 catalogue", () => {
  const db = useTestDatabase({ seed: true });

  it("shows Liguria's two practices, the LEPs they cover against the other regions, and whom they reach", async () => {
    const profile = await regionProfile(db.reader, "liguria");
    expect(profile.region).toEqual({ nuts: "ITC3", name: "Liguria", istat: "07" });
    expect(profile.practiceIds).toEqual(["2023-004", "2023-005"]);
    expect(profile.lepCoverage.map((entry) => entry.code)).toEqual(TOP_LEVEL);
    expect(profile.lepCoverage.filter((entry) => entry.covered).map((entry) => entry.code)).toEqual([
      "E",
      "F",
      "M",
      "S",
    ]);
    expect(profile.lepCoverage.find((entry) => entry.code === "F")).toMatchObject({
      practicesHere: 2,
      regionsCovering: 4,
    });
    // Lombardia (M1-M3), Liguria and Lazio cover M.
    expect(profile.lepCoverage.find((entry) => entry.code === "M")).toMatchObject({
      covered: true,
      practicesHere: 1,
      regionsCovering: 3,
    });
    expect(profile.lepCoverage.find((entry) => entry.code === "H")).toMatchObject({
      covered: false,
      practicesHere: 0,
      regionsCovering: 0,
    });
    expect(profile.coverageRate).toBe(0.210526); // 4 / 19, rounded to 6 decimals
    expect(profile.regionsWithPractices).toBe(10);
    // Three regions cover more than Liguria's four services (Marche's seven among them).
    expect(profile.coverageRank).toBe(4);
    expect(profile.targetGroups.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { id: "persone-con-disabilita", name: expect.any(String), practices: 2 },
        { id: "disoccupati", name: expect.any(String), practices: 2 },
      ]),
    );
  });

  it("lists every uncovered LEP as a gap, with the best models elsewhere in replicableModels order", async () => {
    const profile = await regionProfile(db.reader, "ITC3");
    expect(profile.gaps.map((gap) => gap.code)).toEqual(
      TOP_LEVEL.filter((code) => !["E", "F", "M", "S"].includes(code)),
    );
    expect(profile.gaps.length).toBeGreaterThan(0);
    for (const gap of profile.gaps) {
      expect(gap.modelIds.length).toBeLessThanOrEqual(3);
      const { matches } = await findReplicableModels(db.reader, { region: "ITC3", leps: [gap.code], limit: 3 });
      expect(gap.modelIds).toEqual(matches.map((match) => match.practiceId));
    }
    expect(profile.gaps.find((gap) => gap.code === "O")?.modelIds).toHaveLength(3);
    expect(profile.gaps.find((gap) => gap.code === "H")?.modelIds).toEqual([]);
  });

  it("gives a region without practices every LEP as a gap and the last rank, shared with the others like it", async () => {
    const profile = await regionProfile(db.reader, "Umbria");
    expect(profile.practiceIds).toEqual([]);
    expect(profile.lepCoverage).toHaveLength(TOP_LEVEL.length);
    expect(profile.lepCoverage.every((entry) => !entry.covered && entry.practicesHere === 0)).toBe(true);
    expect(profile.coverageRate).toBe(0);
    expect(profile.gaps.map((gap) => gap.code)).toEqual(TOP_LEVEL);
    expect(profile.targetGroups).toEqual([]);
    expect(profile.coverageRank).toBe(profile.regionsWithPractices + 1);
    expect((await regionProfile(db.reader, "Veneto")).coverageRank).toBe(profile.coverageRank);
  });

  it("ranks the widest coverage first", async () => {
    // Marche's single card covers A B C D F G K: seven services, more than any other region.
    expect((await regionProfile(db.reader, "Marche")).coverageRank).toBe(1);
  });

  it("refuses an unknown region", async () => {
    await expect(regionProfile(db.reader, "Atlantide")).rejects.toBeInstanceOf(NotFoundError);
  });
});
