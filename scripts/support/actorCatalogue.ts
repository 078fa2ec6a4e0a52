/**
 * A catalogue the vocabulary has never seen, in the 2023 card format: each card names its job centre after a town of
 * its region drawn from the gazetteer (allMunicipalities), with the designators cards use ("CPI di", "Centro per
 * l'impiego di", "Centro per l'Impiego (CPI) di", "Cpl", "C.P.I."), a municipality, a local branch of a national
 * association ("Confartigianato Lecce"), the region's labour agency under a name the vocabulary lacks ("Arpal
 * Umbria"), a named fund, the same-named school "Istituto Tecnico Enrico Fermi", and, in a sentence, lowercase words
 * that are also towns elsewhere ("ai comuni di zone montane"). One card in three names the Fondo Sociale Europeo in
 * running text ("nell'ambito del POR ..."); cards of regions with a province spelled several ways ("Reggio di
 * Calabria", "Pesaro Urbino", "Monza e Brianza") name its chamber and a Confagricoltura branch under one spelling;
 * one card in twenty is national and names a municipality of another region; one card in ten otherwise names actors
 * the vocabulary knows, under their aliases. Seeded: two runs write the same catalogue. `expected` says what a
 * reader should find, for the measures of tests/ingest/actors.db.test.ts and scripts/measure-actors.ts
 * (docs/actors.md).
 */
import { allMunicipalities, findMunicipalities, type Municipality } from "../../src/reference/gazetteer";
import { REGIONS } from "../../src/reference/regions";
import { catalogueText } from "./catalogueText";
import { randomSource } from "./syntheticCatalogue";

export type ExpectedActors = {
  /** Per practice id, the job centre's town (ISTAT code) and region. */
  cpis: Map<string, { istat: string; region: string }>;
  /** Per practice id, the branch's national organisation (its curated id) and the card's region. */
  branches: Map<string, { national: string; region: string }>;
  /** Per practice id, the curated ids of the actors the card names under the vocabulary's aliases. */
  known: Map<string, string[]>;
  /** The practices whose funding names the Fondo Sociale Europeo in running text (the curated `fse`). */
  fse: Set<string>;
  /** Per practice id, the province (sigla) whose chamber and Confagricoltura branch it names under some spelling. */
  spelled: Map<string, string>;
  /** Per national practice id, the municipality (ISTAT code) of another region it names. */
  national: Map<string, string>;
  /** Per practice id, the lowercase words its description reads "comuni di" and "CPI di" before. */
  commonWords: Map<string, string[]>;
};

const CPI_FORMS: ReadonlyArray<(town: string) => string> = [
  (town) => `CPI di ${town}`,
  (town) => `Centro per l'impiego di ${town}`,
  (town) => `Centro per l’Impiego (CPI) di ${town}`,
  (town) => `Cpl di ${town}`,
  (town) => `C.P.I. di ${town}`,
  (town) => `CPI ${town}`,
];
const NATIONALS: ReadonlyArray<{ id: string; name: string }> = [
  { id: "confindustria", name: "Confindustria" },
  { id: "confartigianato", name: "Confartigianato" },
  { id: "confcommercio", name: "Confcommercio" },
  { id: "confesercenti", name: "Confesercenti" },
  { id: "cna", name: "CNA" },
  { id: "legacoop", name: "Legacoop" },
  { id: "coldiretti", name: "Coldiretti" },
];
const AGENCY_FORMS: ReadonlyArray<(region: string) => string> = [
  (region) => `Arpal ${region}`,
  (region) => `Agenzia regionale per il lavoro ${region}`,
];
/** Aliases of seed/vocabulary/ and the curated ids they stand for. */
const KNOWN: ReadonlyArray<{ alias: string; id: string }> = [
  { alias: "CCIAA di Salerno", id: "cciaa-salerno" },
  { alias: "Confindustria Benevento", id: "confindustria-benevento" },
  { alias: "Agenzia Piemonte Lavoro", id: "agenzia-piemonte-lavoro" },
  { alias: "Camera di Commercio di Reggio Calabria", id: "cciaa-reggio-calabria" },
];

/** Ways cards spell provinces, by sigla: one branch or chamber, one id (docs/actors.md). */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  RC: ["Reggio Calabria", "Reggio di Calabria"],
  RE: ["Reggio Emilia", "Reggio nell'Emilia"],
  BZ: ["Bolzano", "Bolzano/Bozen"],
  PU: ["Pesaro e Urbino", "Pesaro Urbino"],
  MB: ["Monza e della Brianza", "Monza e Brianza", "Monza-Brianza"],
  MS: ["Massa-Carrara", "Massa Carrara"],
  FC: ["Forlì-Cesena", "Forlì Cesena"],
};
/** Lowercase words that are towns somewhere (Zone, Nove, Ora/Auer, ...), as a sentence uses them. */
const COMMON_WORDS = [
  "zone",
  "nove",
  "cento",
  "ponte",
  "lago",
  "stella",
  "sale",
  "vita",
  "grado",
  "meta",
  "lettere",
  "erba",
  "arco",
  "calcio",
  "paese",
  "canale",
  "scala",
];
const FSE_FORMS: ReadonlyArray<(region: string) => string> = [
  (region) => `Fondo Sociale Europeo nell'ambito del POR ${region}`,
  () => "Risorse del Fondo Sociale Europeo 2014-2020",
  () => "Fondo Sociale Europeo Plus",
];

const regionOf = (k: number) => REGIONS[k % REGIONS.length]!.name;

export function actorCatalogue(year: number, count: number, seed = 7): { text: string; expected: ExpectedActors } {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const towns = new Map(
    REGIONS.map((region) => [region.nuts, allMunicipalities().filter((town) => town.region.nuts === region.nuts)]),
  );
  const expected: ExpectedActors = {
    cpis: new Map(),
    branches: new Map(),
    known: new Map(),
    fse: new Set(),
    spelled: new Map(),
    national: new Map(),
    commonWords: new Map(),
  };
  // A national card's partner elsewhere has a name no other town shares, so that no card's region is needed to read it.
  const unique = new Map(
    REGIONS.map((region) => [
      region.nuts,
      towns.get(region.nuts)!.filter((town) => findMunicipalities(town.name).length === 1),
    ]),
  );
  const padded = (n: number) => String(n).padStart(3, "0");
  const id = (n: number) => `${year}-${padded(n)}`;
  const cards = Array.from({ length: count }, (_, k) => {
    const n = k + 1;
    const region = REGIONS.find((candidate) => candidate.name === regionOf(k))!;
    const town: Municipality = pick(towns.get(region.nuts)!);
    const partner: Municipality = pick(towns.get(region.nuts)!);
    const national = pick(NATIONALS);
    const cpi = pick(CPI_FORMS)(town.name);
    const spellable = Object.keys(SPELLINGS).filter((sigla) =>
      towns.get(region.nuts)!.some((candidate) => candidate.province.sigla === sigla),
    );
    const spelled = spellable.length > 0 ? pick(spellable) : undefined;
    const spelling = spelled === undefined ? undefined : pick(SPELLINGS[spelled]!);
    const elsewhere = n % 20 === 5 ? pick(unique.get(REGIONS[(k + 7) % REGIONS.length]!.nuts)!) : undefined;
    const words = [pick(COMMON_WORDS), pick(COMMON_WORDS)];
    const fse = n % 3 === 0 ? pick(FSE_FORMS)(region.name) : undefined;
    // A card naming a spelled chamber names no known alias, so its chamber is the only one it names.
    const known = n % 10 === 0 && spelled === undefined ? [pick(KNOWN)] : [];
    expected.cpis.set(id(n), { istat: town.istat, region: region.nuts });
    expected.branches.set(id(n), { national: national.id, region: region.nuts });
    if (known.length > 0)
      expected.known.set(
        id(n),
        known.map((entry) => entry.id),
      );
    if (fse) expected.fse.add(id(n));
    if (spelled) expected.spelled.set(id(n), spelled);
    if (elsewhere) expected.national.set(id(n), elsewhere.istat);
    expected.commonWords.set(id(n), words);
    const fields = {
      description:
        `Lo sportello è gestito dal ${cpi} con la ${pick(AGENCY_FORMS)(region.name)}. Si rivolge ai comuni di ` +
        `${words[0]} montane e ai comuni di ${words[1]} province; il CPI di ora in poi li segue.`,
      employmentService: cpi,
      stakeholders: [
        `Comune di ${partner.name}`,
        `${national.name} ${town.province.name}`,
        "Istituto Tecnico Enrico Fermi",
        ...(spelling ? [`Camera di Commercio di ${spelling}`, `Confagricoltura ${spelling}`] : []),
        ...(elsewhere ? [`Comune di ${elsewhere.name}`] : []),
        ...known.map((entry) => entry.alias),
      ].join("; "),
      funding: `Fondo Lavoro Territori ${padded(n % 40)}; ${fse ? `${fse}; ` : ""}risorse regionali.`,
      territorialScope: elsewhere ? "Nazionale" : "Provinciale",
    };
    return card(n, year, region.name, `Sportello territoriale ${n}`, fields);
  });
  const index = Array.from(
    { length: count },
    (_, k) => `${padded(k + 1)}\t«Sportello territoriale ${k + 1}» - <u>${regionOf(k)}</u>\t<i>Generata.</i>`,
  );
  return { text: catalogueText(year, index, cards), expected };
}

type Fields = {
  description: string;
  employmentService: string;
  stakeholders: string;
  funding: string;
  territorialScope: string;
};

function card(n: number, year: number, region: string, title: string, fields: Fields): string {
  return `## ${n} Regione ${region} – ${title}

SCHEDA\t${String(n).padStart(3, "0")}
REGIONE\t${region}
TITOLO DELLA PRATICA\t${title}
DESCRIZIONE DELLA PRATICA\t${fields.description}
AMBITO DELLA PRATICA\tProgetto pilota
TIPOLOGIA/LEP\tLEP C; LEP F
AMBITO TERRITORIALE DELLA PRATICA\t${fields.territorialScope}
LA PRATICA È ANCORA APERTA?\tSì
PRATICA SUPPORTATA DA ANPAL SERVIZI?\tNo
DESCRIZIONE ASSISTENZA DI ANPAL SERVIZI\tNessuna.
NOME DEL SERVIZIO PER L'IMPIEGO\t${fields.employmentService}
QUANDO È STATA IMPLEMENTATA LA PRATICA? E/O PER QUANTO TEMPO?\tDal ${year - 1}.
QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? E' STATO INTERNO O ESTERNO ALLO SPI?\tInterno.
QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?\t${fields.stakeholders}
QUALI TARGET SONO STATI RAGGIUNTI DALLA PRATICA?\tDisoccupati.
QUALI ERANO GLI OBIETTIVI PRINCIPALI DELLA PRATICA?\tAvvicinare i servizi.
QUALI SONO STATE LE ATTIVITÀ REALIZZATE?\tColloqui.
QUALI RISORSE UMANE SONO STATE IMPIEGATE E QUALI SONO STATI GLI ASPETTI ORGANIZZATIVI RILEVANTI?\tDue operatori.
QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?\t${fields.funding}
QUALI SONO STATI I RISULTATI DELLA PRATICA?\tCento colloqui.
QUALI SONO STATI GLI OUTCOME REALIZZATI?\tPiù iscritti.
QUALI SONO LE LEZIONI APPRESE, I FATTORI DI SUCCESSO E LE CRITICITÀ INCONTRATE?\tServe tempo.
QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE DALLA REALIZZAZIONE DELLA PRATICA?\tSi può replicare.
`;
}
