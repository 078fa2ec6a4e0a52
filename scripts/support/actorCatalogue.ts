/**
 * A catalogue the vocabulary has never seen, in the 2023 card format: each card names its job centre after a town of
 * its region drawn from the gazetteer (allMunicipalities), with the designators cards use ("CPI di", "Centro per
 * l'impiego di", "Centro per l'Impiego (CPI) di", "Cpl", "C.P.I."), a municipality, a local branch of a national
 * association ("Confartigianato Lecce"), the region's labour agency under a name the vocabulary lacks ("Arpal
 * Umbria"), and a named fund; one card in ten also names actors the vocabulary knows, under their aliases. Seeded:
 * two runs write the same catalogue. `expected` says what a reader should find, for the measures of
 * tests/ingest/actors.db.test.ts and scripts/measure-actors.ts (docs/actors.md).
 */
import { allMunicipalities, type Municipality } from "../../src/reference/gazetteer";
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

const regionOf = (k: number) => REGIONS[k % REGIONS.length]!.name;

export function actorCatalogue(year: number, count: number, seed = 7): { text: string; expected: ExpectedActors } {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const towns = new Map(
    REGIONS.map((region) => [region.nuts, allMunicipalities().filter((town) => town.region.nuts === region.nuts)]),
  );
  const expected: ExpectedActors = { cpis: new Map(), branches: new Map(), known: new Map() };
  const padded = (n: number) => String(n).padStart(3, "0");
  const id = (n: number) => `${year}-${padded(n)}`;
  const cards = Array.from({ length: count }, (_, k) => {
    const n = k + 1;
    const region = REGIONS.find((candidate) => candidate.name === regionOf(k))!;
    const town: Municipality = pick(towns.get(region.nuts)!);
    const partner: Municipality = pick(towns.get(region.nuts)!);
    const national = pick(NATIONALS);
    const cpi = pick(CPI_FORMS)(town.name);
    const known = n % 10 === 0 ? [pick(KNOWN)] : [];
    expected.cpis.set(id(n), { istat: town.istat, region: region.nuts });
    expected.branches.set(id(n), { national: national.id, region: region.nuts });
    if (known.length > 0)
      expected.known.set(
        id(n),
        known.map((entry) => entry.id),
      );
    const fields = {
      description: `Lo sportello è gestito dal ${cpi} con la ${pick(AGENCY_FORMS)(region.name)}.`,
      employmentService: cpi,
      stakeholders: [
        `Comune di ${partner.name}`,
        `${national.name} ${town.province.name}`,
        ...known.map((entry) => entry.alias),
      ].join("; "),
      funding: `Fondo Lavoro Territori ${padded(n % 40)}; risorse regionali.`,
    };
    return card(n, year, region.name, `Sportello territoriale ${n}`, fields);
  });
  const index = Array.from(
    { length: count },
    (_, k) => `${padded(k + 1)}\t«Sportello territoriale ${k + 1}» - <u>${regionOf(k)}</u>\t<i>Generata.</i>`,
  );
  return { text: catalogueText(year, index, cards), expected };
}

type Fields = { description: string; employmentService: string; stakeholders: string; funding: string };

function card(n: number, year: number, region: string, title: string, fields: Fields): string {
  return `## ${n} Regione ${region} – ${title}

SCHEDA\t${String(n).padStart(3, "0")}
REGIONE\t${region}
TITOLO DELLA PRATICA\t${title}
DESCRIZIONE DELLA PRATICA\t${fields.description}
AMBITO DELLA PRATICA\tProgetto pilota
TIPOLOGIA/LEP\tLEP C; LEP F
AMBITO TERRITORIALE DELLA PRATICA\tProvinciale
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
