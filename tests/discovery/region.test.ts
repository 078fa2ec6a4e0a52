import { NotFoundError } from "../../src/errors";
import { findRegion } from "../../src/discovery/region";

describe("finding the region a caller means", () => {
  it("accepts a NUTS code or a name, whatever the case, accents, hyphens, and the aliases of seed/regions.json", () => {
    const cases: Array<[string, string]> = [
      ["ITC3", "ITC3"],
      ["itc3", "ITC3"],
      [" ith3 ", "ITH3"],
      ["liguria", "ITC3"],
      ["Emilia Romagna", "ITH5"],
      ["EMILIA-ROMAGNA", "ITH5"],
      ["Sicilia", "ITG1"],
      ["Regione Siciliana", "ITG1"],
      ["Vallée d'Aoste", "ITC2"],
    ];
    for (const [text, nuts] of cases) expect(findRegion(text).nuts).toBe(nuts);
    expect(findRegion("liguria")).toEqual({ nuts: "ITC3", name: "Liguria", istat: "07" });
  });

  it("names what it cannot find", () => {
    for (const text of ["Atlantide", "", "   ", "ITZ9"]) {
      expect(() => findRegion(text)).toThrow(NotFoundError);
    }
    expect(() => findRegion("Atlantide")).toThrow("no region matches 'Atlantide'");
  });
});
