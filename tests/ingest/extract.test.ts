import path from "node:path";
import { CARD_FIELDS, type CardFieldKey, type ParsedCard } from "../../src/ingest/card";
import { indexPracticeTitles } from "../../src/ingest/extract";
import { extractEntities, type ExtractionContext } from "../../src/ingest/extract/entities";
import { describesNoAssistance } from "../../src/ingest/normalize";
import { resolveRegion } from "../../src/reference/regions";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { cardField } from "../support/cardField";

const vocabulary = loadVocabulary(path.join(__dirname, "../../seed/vocabulary"));

/** Extracts as the pipeline does, given the region normalization resolves from the card's REGIONE field. */
function extract(parsed: ParsedCard, context: Partial<ExtractionContext> = {}) {
  const region = resolveRegion(parsed.fields.region?.text ?? "")?.nuts;
  return extractEntities(parsed, { vocabulary, practiceTitles: indexPracticeTitles(new Map()), region, ...context });
}

/**
 * A card built by hand from real catalogue sentences; field N (in CARD_FIELDS order) starts on line 100 + 10·N, each
 * line of its text on the next source line.
 */
function card(fields: Partial<Record<CardFieldKey, string>>, catalogNumber = 1): ParsedCard {
  const parsed: ParsedCard = {
    catalogNumber,
    heading: `${catalogNumber} Regione`,
    fields: {},
    startLine: 100,
    endLine: 400,
  };
  for (const [key, text] of Object.entries(fields) as Array<[CardFieldKey, string]>) {
    const startLine = 100 + 10 * CARD_FIELDS.indexOf(key);
    parsed.fields[key] = cardField(key, text, startLine);
  }
  return parsed;
}

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe("stakeholders", () => {
  it("merges the spellings of ANPAL Servizi into one stakeholder, keeping the first provenance", () => {
    const extraction = extract(
      card({
        stakeholders:
          "Il ruolo di pivot è stato agito dal Centro per l'impiego che, congiuntamente ad ANPAL Servizi S.p.A., ha valorizzato i rapporti territoriali.",
        anpalAssistance: "Anpal Servizi ha fornito assistenza tecnica al Cpl di Genova Centro.",
        activities: "con il supporto delle guide realizzate dagli operatori di Anpal Servizi Calabria",
      }),
    );
    const anpal = extraction.stakeholders.filter((item) => item.id === "anpal-servizi");
    expect(anpal).toEqual([
      {
        id: "anpal-servizi",
        name: "ANPAL Servizi S.p.A.",
        nameEn: expect.any(String),
        kind: "NATIONAL_AGENCY",
        source: { field: "stakeholders", line: 230 },
      },
    ]);
    for (const spelling of ["Anpal Servizi", "ANPAL Servizi S.p.A.", "Anpal Servizi Calabria"]) {
      expect(ids(extract(card({ stakeholders: spelling })).stakeholders)).toEqual(["anpal-servizi"]);
    }
  });

  it("keeps the chambers of commerce of Salerno and Caserta apart, and an unlocated chamber generic", () => {
    const campania = extract(
      card({
        region: "Campania",
        stakeholders:
          "Regione Campania, Anpal Servizi, CIS-Interporto Campano, Camera di Commercio di Salerno, ASI-Salerno, Camera di Commercio di Caserta, Confindustria Benevento, Confindustria Avellino, Ordine dei Consulenti del Lavoro di Napoli, Ordine dei Consulenti del Lavoro di Salerno, Fondazione Consulenti del Lavoro.",
      }),
    );
    expect(ids(campania.stakeholders)).toEqual([
      "regione-campania",
      "anpal-servizi",
      "cis-interporto-campano",
      "cciaa-salerno",
      "asi-salerno",
      "cciaa-caserta",
      "confindustria-benevento",
      "confindustria-avellino",
      "ordine-consulenti-lavoro-napoli",
      "ordine-consulenti-lavoro-salerno",
      "fondazione-consulenti-lavoro",
      "confindustria", // the national organisation of the two branches
    ]);
    const reggio = extract(
      card({ stakeholders: "Confindustria, Ordine dei Consulenti del Lavoro, Camera di Commercio." }),
    );
    expect(ids(reggio.stakeholders)).toEqual(["confindustria", "ordine-consulenti-lavoro", "camera-di-commercio"]);
  });

  it("reads card 1's list of actors with their kinds", () => {
    const extraction = extract(
      card({
        region: "Piemonte",
        stakeholders:
          "Agenzia Piemonte Lavoro; Comuni; Imprese del territorio regionale; Centri per l'impiego; Agenzie per il lavoro accreditate; Assessorato Lavoro e Formazione della Regione; Enti di formazione professionale; Università (job-placement universitari), Anpal Servizi.",
      }),
    );
    expect(extraction.stakeholders.map(({ id, kind }) => [id, kind])).toEqual([
      ["agenzia-piemonte-lavoro", "REGIONAL_AGENCY"],
      ["comuni", "MUNICIPALITY"],
      ["imprese", "COMPANY"],
      ["centri-per-l-impiego", "REGIONAL_AGENCY"],
      ["agenzie-per-il-lavoro", "EMPLOYMENT_AGENCY"],
      ["regione-piemonte", "REGION"],
      ["enti-di-formazione", "TRAINING_PROVIDER"],
      ["universita", "UNIVERSITY"],
      ["anpal-servizi", "NATIONAL_AGENCY"],
    ]);
    expect(extraction.unknownMentions).toEqual([]);
  });

  it("reads a region's own shorthand only on that region's cards", () => {
    const activities =
      "Piano di scouting della domanda coordinata dal Servizio Imprese APL, anche in collaborazione con i Comuni.";
    const piemonte = extract(card({ region: "Piemonte", activities }));
    const sicilia = extract(card({ region: "Sicilia", activities }));
    expect(ids(piemonte.stakeholders)).toEqual(["agenzia-piemonte-lavoro"]);
    expect(ids(sicilia.stakeholders)).toEqual([]);
  });

  it("takes generic classes only from the stakeholders field, named partners from the others", () => {
    const extraction = extract(
      card({
        stakeholders: "Servizi per l'impiego della Regione Lazio.",
        description:
          "sportelli ospitati presso distretti produttivi, Camere di Commercio, Confindustria e altre associazioni datoriali",
        activities: "Le azioni correttive le effettua LazioCrea in base alle segnalazioni ricevute.",
      }),
    );
    expect(ids(extraction.stakeholders)).toEqual(["centri-per-l-impiego", "regione-lazio", "laziocrea"]);
  });

  it("involves ANPAL Servizi whenever its assistance is described, and not when there was none", () => {
    const described = card({
      anpalAssistance: "Progettazione, realizzazione e messa a disposizione di un Tool Incentivi AUTOIMPIEGO.",
    });
    expect(extract(described).stakeholders).toEqual([
      expect.objectContaining({ id: "anpal-servizi", source: { field: "anpalAssistance", line: 190 } }),
    ]);
    expect(extract(card({ anpalAssistance: "Nessuna." })).stakeholders).toEqual([]);
  });

  it("agrees with normalization on which assistance answers describe none", () => {
    for (const none of ["N/A", "Non applicabile", "Non presente", "Non prevista.", "Nessuna", "No", "-", ""]) {
      expect(describesNoAssistance(none)).toBe(true);
      expect(extract(card({ anpalAssistance: none })).stakeholders).toEqual([]);
    }
    for (const some of ["Assistenza tecnica al CPI.", "Supporto alla progettazione"]) {
      expect(describesNoAssistance(some)).toBe(false);
      expect(ids(extract(card({ anpalAssistance: some })).stakeholders)).toEqual(["anpal-servizi"]);
    }
  });
});

describe("targets and funding", () => {
  it("reads card 4's funding as a regional budget co-financed by the ESF", () => {
    const extraction = extract(
      card({
        funding: "Risorse del bilancio regionale e cofinanziamento del FSE 2014-2020 per specifico appalto di servizi.",
      }),
    );
    expect(extraction.funding.map(({ id, kind }) => [id, kind])).toEqual([
      ["bilancio-regionale", "REGIONAL_BUDGET"],
      ["fse", "ESF"],
    ]);
  });

  it("does not read a negated target ('non percettori di ammortizzatori sociali')", () => {
    const extraction = extract(
      card({ targets: "Iscritti al Collocamento Mirato: disoccupati non percettori di ammortizzatori sociali." }),
    );
    expect(ids(extraction.targets)).toEqual(["persone-con-disabilita", "disoccupati"]);
  });

  it("reads the hyphenated target list of card 14", () => {
    const extraction = extract(
      card({ targets: "Beneficiari GOL-RDC-NEET-DONNE-Disoccupati-Lavoratori espulsi dalle crisi." }),
    );
    expect(ids(extraction.targets)).toEqual([
      "beneficiari-gol",
      "beneficiari-rdc",
      "neet",
      "donne",
      "disoccupati",
      "lavoratori-a-rischio",
    ]);
  });
});

describe("job centres, laws and tools", () => {
  it("recognises a job centre however it is designated", () => {
    const extraction = extract(
      card({
        employmentService: 'Servizio "Collocamento Mirato" (Cpl Genova Centro, Cpl Chiavari).',
        territorialScope: "Ambito territoriale di competenza del Cpl di Guidonia Montecelio",
        description: "Il Centro per l'impiego (Cpi) di Palermo, ha avviato l'innovazione dei Servizi alle Imprese",
      }),
    );
    expect(extraction.cpis.map(({ id, region }) => [id, region])).toEqual([
      ["cpi-genova-centro", "ITC3"],
      ["cpi-chiavari", "ITC3"],
      ["cpi-guidonia-montecelio", "ITI4"],
      ["cpi-palermo", "ITG1"],
    ]);
  });

  it("gives the spellings of Law 68/1999 one law, found first in the title", () => {
    const extraction = extract(
      card({
        title: "LABORATORI INFORMATIVI Legge 12 marzo 1999, n. 68 Norme per il diritto al lavoro dei disabili",
        description: "successivamente estesa anche ai bandi ex l.68/99 art. 1 (bandi per disabili)",
        employmentService: "attività specialistiche rivolte alle persone iscritte alla Legge 68/99",
        lessons: "ha garantito all'azienda il rispetto della normativa L. 68/99",
      }),
    );
    expect(extraction.laws).toEqual([
      { id: "l-68-1999", title: expect.stringContaining("n. 68"), year: 1999, source: { field: "title", line: 120 } },
    ]);
  });

  it("finds the Telegram channels of card 13", () => {
    const extraction = extract(
      card({
        description:
          "Il Centro per l'impiego (Cpi) di Palermo, ha avviato l'innovazione dei Servizi alle Imprese ... attivando due canali telegram dedicati che raggiungono gli iscritti in tempo reale",
      }),
    );
    expect(ids(extraction.tools)).toEqual(["telegram"]);
  });
});

describe("lineage", () => {
  const practiceTitles = indexPracticeTitles(
    new Map([
      ["A scuola di orientamento al lavoro con i CPI", "2023-009"],
      ["“Insieme creiamo il futuro” – La rete dello Stretto per le transizioni e il lavoro", "2023-012"],
    ]),
  );

  it("links card 12 to card 9 through the LAB PAL model", () => {
    const card12 = card(
      {
        title: "“Insieme creiamo il futuro” – La rete dello Stretto per le transizioni e il lavoro",
        driver:
          "L'impulso è stato determinato dall'interesse del Centro per l'Impiego di Reggio Calabria che, partendo dall'idea di ampliare il modello laboratoriale “LAB PAL CPI” realizzato con Anpal Servizi, ha posto le basi",
      },
      12,
    );
    expect(extract(card12, { practiceTitles }).buildsOn).toEqual([
      {
        id: "2023-009",
        title: "A scuola di orientamento al lavoro con i CPI",
        model: "LAB PAL",
        source: { field: "driver", line: 220 },
      },
    ]);
  });

  it("does not make the practice that introduced a model build on itself", () => {
    const card9 = card(
      {
        title: "A scuola di orientamento al lavoro con i CPI",
        anpalAssistance: "attuazione del modello LAB PAL con CPI",
      },
      9,
    );
    expect(extract(card9, { practiceTitles }).buildsOn).toEqual([]);
  });
});

describe("provenance and unknown mentions", () => {
  it("reports what the vocabulary does not know, with its exact source line", () => {
    const extraction = extract(
      card({ stakeholders: "Regione Campania, Anpal Servizi,\nFondazione Mediterranea per il Lavoro, psicologi." }),
    );
    expect(extraction.unknownMentions).toEqual([
      { field: "stakeholders", line: 231, text: "Fondazione Mediterranea per il Lavoro" },
    ]);
    expect(extraction.stakeholders.map((item) => item.source)).toEqual([
      { field: "stakeholders", line: 230 },
      { field: "stakeholders", line: 230 },
    ]);
  });

  it("locates a name on its own line, not on an earlier one where a longer name holds its words", () => {
    const extraction = extract(
      card({ stakeholders: "Camera di Commercio di Salerno, Regione Campania,\ne la Camera di Commercio." }),
    );
    expect(extraction.stakeholders.map(({ id, source }) => [id, source.line])).toEqual([
      ["cciaa-salerno", 230],
      ["regione-campania", 230],
      ["camera-di-commercio", 231],
    ]);
  });

  it("does not report the fragments of a prose sentence", () => {
    const extraction = extract(
      card({
        targets:
          "Le persone appartenenti ai target sopra riportati sono state coinvolte a seguito di un riscontro telefonico volto alla rilevazione, sia del bisogno, che dell'interesse e della possibilità di accesso agli strumenti informatici.",
      }),
    );
    expect(extraction.unknownMentions).toEqual([]);
  });
});
