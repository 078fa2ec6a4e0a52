import { CARD_FIELDS, type CardFieldKey, type ParsedCard } from "../../src/ingest/card";
import { indexPracticeTitles } from "../../src/ingest/extract";
import { findDesignatedActors } from "../../src/ingest/extract/designated";
import { extractEntities } from "../../src/ingest/extract/entities";
import { resolveRegion } from "../../src/reference/regions";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import { cardField } from "../support/cardField";

const vocabulary = loadVocabulary();

function card(fields: Partial<Record<CardFieldKey, string>>): ParsedCard {
  const parsed: ParsedCard = { catalogNumber: 1, heading: "1 Regione", fields: {}, startLine: 100, endLine: 400 };
  for (const [key, text] of Object.entries(fields) as Array<[CardFieldKey, string]>) {
    parsed.fields[key] = cardField(key, text, 100 + 10 * CARD_FIELDS.indexOf(key));
  }
  return parsed;
}

function extract(fields: Partial<Record<CardFieldKey, string>>, words: Vocabulary = vocabulary) {
  const region = resolveRegion(fields.region ?? "")?.nuts;
  return extractEntities(card(fields), { vocabulary: words, practiceTitles: indexPracticeTitles(new Map()), region });
}

const ids = (text: string, region?: string) => findDesignatedActors(text, region).map((actor) => actor.id);

describe("actors named with a designator", () => {
  it("reads a job centre after every designator cards use, placed by the gazetteer", () => {
    for (const text of [
      "il CPI di Cantù",
      "Centro per l'impiego di Cantù",
      "Centro per l’Impiego (CPI) di Cantù",
      "Cpl di Cantù",
      "C.P.I. di Cantù",
      "CPI Cantù",
    ]) {
      expect({ text, ids: ids(text, "ITC4") }).toEqual({ text, ids: ["cpi-cantu"] });
    }
    expect(findDesignatedActors("il CPI di Cantù.", "ITC4")[0]).toMatchObject({
      label: "Cpi",
      name: "CPI di Cantù",
      place: {
        municipality: "Cantù",
        municipalityIstat: "013041",
        province: "CO",
        provinceName: "Como",
        region: "ITC4",
      },
    });
  });

  it("tells namesakes apart by a province in brackets or the card's region, ids keeping the ISTAT code", () => {
    expect(ids("Comune di Castro (LE)")).toEqual(["comune-castro-075096"]);
    expect(ids("Comune di Castro", "ITC4")).toEqual(["comune-castro-016065"]);
    expect(ids("Comune di Castro")).toEqual([]);
  });

  it("reads lists of towns, and no more than a town's name", () => {
    expect(ids("i Comuni di Avellino, Aiello del Sabato e Guardia Lombardi con il Terzo Settore", "ITF3")).toEqual([
      "comune-avellino",
      "comune-aiello-del-sabato",
      "comune-guardia-lombardi",
    ]);
    expect(ids("i CPI di Afragola, Pompei Scavi e Sorrento", "ITF3")).toEqual(["cpi-afragola"]);
    expect(ids("i CPI della Sardegna, il CPI di competenza, i CPI di altre regioni", "ITG2")).toEqual([]);
    expect(ids("il CPI della Spezia e il Comune dell'Aquila")).toEqual(["cpi-la-spezia", "comune-l-aquila"]);
  });

  it("reads branches by their territory, agencies by their region, funds by their name", () => {
    expect(
      findDesignatedActors("con Confartigianato Lecce e CNA Bari", "ITF4").map(({ id, partOf }) => [id, partOf]),
    ).toEqual([
      ["confartigianato-lecce", "confartigianato"],
      ["cna-bari", "cna"],
    ]);
    expect(findDesignatedActors("Confindustria Toscana Sud", "ITI1")[0]).toMatchObject({
      id: "confindustria-toscana-sud",
      place: { region: "ITI1" },
    });
    expect(ids("Arpal Umbria, Agenzia regionale per il lavoro della Toscana, Agenzia Molise Lavoro")).toEqual([
      "arpal-umbria",
      "agenzia-regionale-lavoro-toscana",
      "agenzia-molise-lavoro",
    ]);
    expect(findDesignatedActors("Fondo Regionale Disabili; risorse a fondo perduto")).toMatchObject([
      { id: "fondo-regionale-disabili", label: "FundingSource", kind: "REGIONAL_BUDGET" },
    ]);
    expect(
      ids(
        "Camera di Commercio di Bari, Università degli Studi di Bari Aldo Moro, Unione dei Comuni della Bassa Romagna",
      ),
    ).toEqual(["cciaa-bari", "universita-bari-aldo-moro", "unione-comuni-della-bassa-romagna"]);
  });
});

describe("what a designated name is not", () => {
  it("reads a fund's capitalised name whole, without a year or a lowercase tail, and no 'fondo perduto'", () => {
    const funds = "Fondo Sviluppo e Coesione; Fondo Asilo, Migrazione e Integrazione; Fondo per le Politiche Giovanili";
    expect(ids(funds)).toEqual([
      "fondo-sviluppo-e-coesione",
      "fondo-asilo-migrazione-e-integrazione",
      "fondo-per-le-politiche-giovanili",
    ]);
    expect(ids("Fondo Nuove Competenze 2021-2027 nell'ambito del PNRR")).toEqual(["fondo-nuove-competenze"]);
    expect(ids("contributi a Fondo Perduto regionale; FONDO PERDUTO")).toEqual([]);
  });

  it("links the fund the vocabulary knows, not a longer provisional one around its alias", () => {
    for (const funding of [
      "Fondo Sociale Europeo nell'ambito del POR Piemonte",
      "Risorse del Fondo Sociale Europeo 2014-2020",
      "Fondo Sociale Europeo Plus",
    ]) {
      const linked = extract({ region: "Piemonte", funding }).funding.map(({ id, curated }) => [id, curated]);
      expect({ funding, linked }).toEqual({ funding, linked: [["fse", undefined]] });
    }
  });

  it("reads no town in lowercase words", () => {
    const { stakeholders, cpis, actorWarnings } = extract({
      region: "Lazio",
      description: "Si rivolge ai comuni di zone montane e ai comuni di nove province. Il CPI di ora in poi.",
      activities: "Comuni di ponte, lago, stella, sale, vita, grado, meta, lettere, erba, arco, calcio, paese, canale",
    });
    expect([stakeholders.filter((stakeholder) => stakeholder.curated === false), cpis, actorWarnings]).toEqual([
      [],
      [],
      [],
    ]);
    expect(ids("Comune di Ponte, CPI di Ora", "ITH1")).toEqual(["comune-ponte", "cpi-ora-auer"]);
  });

  it("gives a branch or chamber one id whatever the spelling of its place", () => {
    for (const [spellings, id] of [
      [["Camera di Commercio di Reggio Calabria", "CCIAA di Reggio di Calabria"], "cciaa-reggio-calabria"],
      [["Confindustria Reggio Emilia", "Confindustria Reggio nell'Emilia"], "confindustria-reggio-emilia"],
      [["CNA Bolzano", "CNA Bolzano/Bozen"], "cna-bolzano"],
      [["Confcommercio Pesaro Urbino", "Confcommercio Pesaro e Urbino"], "confcommercio-pesaro-e-urbino"],
      [["CNA Monza e Brianza", "CNA Monza e della Brianza", "CNA Monza-Brianza"], "cna-monza-brianza"],
      [["Confindustria Toscana Sud"], "confindustria-toscana-sud"],
    ] as const) {
      for (const text of spellings) expect({ text, ids: ids(`con ${text}.`) }).toEqual({ text, ids: [id] });
    }
    expect(ids("Confartigianato Pesaro e Urbino e CNA Bari")).toEqual(["confartigianato-pesaro-e-urbino", "cna-bari"]);
  });

  it("keeps schools of one name apart: the kind of school, then its town, else the card's region", () => {
    expect(ids("Istituto Tecnico Enrico Fermi", "ITC4")).toEqual(["istituto-tecnico-enrico-fermi-lombardia"]);
    expect(ids("Istituto Tecnico Enrico Fermi", "ITF4")).toEqual(["istituto-tecnico-enrico-fermi-puglia"]);
    expect(ids("Istituto Professionale Enrico Fermi", "ITF4")).toEqual(["istituto-professionale-enrico-fermi-puglia"]);
    expect(findDesignatedActors("l'Istituto Tecnico Enrico Fermi di Lecce.", "ITF4")).toMatchObject([
      { id: "istituto-tecnico-enrico-fermi-lecce", place: { municipality: "Lecce", region: "ITF4" } },
    ]);
  });
});

describe("provisional nodes beside the vocabulary", () => {
  it("links an actor the vocabulary lacks as provisional, and one it knows (aliases included) as curated", () => {
    const { stakeholders } = extract({
      region: "Puglia",
      stakeholders: "Camera di Commercio di Bari; CCIAA di Salerno; Confindustria Benevento; Comune di Bitonto",
    });
    expect(stakeholders.map(({ id, curated }) => [id, curated])).toEqual([
      ["cciaa-salerno", undefined],
      ["confindustria-benevento", undefined],
      ["cciaa-bari", false],
      ["comune-bitonto", false],
      ["confindustria", undefined],
    ]);
    // The generic "Camera di Commercio" the card names only inside "Camera di Commercio di Bari" gives way to it.
    expect(
      extract({ region: "Puglia", stakeholders: "Comune di Bitonto; Consorzio Vetrofiore" }).unknownMentions,
    ).toEqual([{ field: "stakeholders", line: 230, text: "Consorzio Vetrofiore" }]);
    expect(stakeholders.find((stakeholder) => stakeholder.id === "camera-di-commercio")).toBeUndefined();
  });

  it("makes a branch its own node, part of its national organisation, which the practice involves too", () => {
    const { stakeholders } = extract({
      region: "Puglia",
      description: "Con Confindustria Bari sono stati aperti sportelli.",
    });
    expect(stakeholders).toEqual([
      expect.objectContaining({
        id: "confindustria-bari",
        curated: false,
        partOf: "confindustria",
        kind: "EMPLOYER_ASSOCIATION",
      }),
      expect.objectContaining({ id: "confindustria", source: { field: "description", line: 130 } }),
    ]);
  });

  it("keeps the id when an expert accepts the node into the vocabulary", () => {
    const accepted = {
      ...vocabulary,
      cpis: [...vocabulary.cpis, { id: "cpi-cantu", name: "CPI di Cantù", region: "ITC4", aliases: ["CPI Cantu'"] }],
    };
    const before = extract({ region: "Lombardia", employmentService: "Centro per l'impiego di Cantù" }).cpis;
    const after = extract({ region: "Lombardia", employmentService: "Centro per l'impiego di Cantù" }, accepted).cpis;
    expect(before.map(({ id, curated }) => [id, curated])).toEqual([["cpi-cantu", false]]);
    expect(after.map(({ id, curated }) => [id, curated])).toEqual([["cpi-cantu", undefined]]);
  });

  it("keeps the class of job centres among the stakeholders beside a job centre it names", () => {
    const extraction = extract({ region: "Lombardia", stakeholders: "Centro per l'impiego di Cantù; Comune di Cantù" });
    expect(extraction.cpis.map(({ id }) => id)).toEqual(["cpi-cantu"]);
    expect(extraction.stakeholders.map(({ id }) => id)).toEqual(["centri-per-l-impiego", "comune-cantu"]);
  });

  it("takes a longer designated name over a vocabulary alias inside it", () => {
    // "CPI Torino" is an alias of the curated cpi-torino (Piemonte); Torino di Sangro is in Abruzzo.
    const { cpis } = extract({ region: "Abruzzo", employmentService: "CPI Torino di Sangro" });
    expect(cpis.map(({ id, region, curated }) => [id, region, curated])).toEqual([
      ["cpi-torino-di-sangro", "ITF1", false],
    ]);
  });

  it("warns about a municipality, a chamber or a branch in another region, unless the card is national", () => {
    const fields = {
      region: "Lazio",
      stakeholders: "Comune di Cantù; Camera di Commercio di Bari; Confindustria Toscana Sud; Comune di Rieti",
    };
    const regional = extract({ ...fields, territorialScope: "Regionale" });
    expect(regional.stakeholders.filter((stakeholder) => stakeholder.curated === false).map(({ id }) => id)).toEqual([
      "comune-rieti",
    ]);
    expect(regional.actorWarnings.map(({ line, message }) => [line, message.slice(0, message.indexOf(","))])).toEqual([
      [230, '"Comune di Cantù" is in Cantù (CO)'],
      [230, '"Camera di Commercio di Bari" is in Puglia'],
      [230, '"Confindustria Toscana Sud" is in Toscana'],
    ]);
    const national = extract({ ...fields, territorialScope: "Nazionale" });
    expect(national.actorWarnings).toEqual([]);
    expect(national.stakeholders.filter((stakeholder) => stakeholder.curated === false).map(({ id }) => id)).toEqual([
      "comune-cantu",
      "cciaa-bari",
      "confindustria-toscana-sud",
      "comune-rieti",
    ]);
  });

  it("warns about a job centre in another region than the card's, and does not link it", () => {
    const extraction = extract({ region: "Lazio", activities: "Il modello nasce dal CPI di Cantù." });
    expect(extraction.cpis).toEqual([]);
    expect(extraction.actorWarnings).toEqual([
      {
        line: 100 + 10 * CARD_FIELDS.indexOf("activities"),
        message: expect.stringContaining('"CPI di Cantù" is in Cantù (CO), Lombardia'),
      },
    ]);
  });
});
