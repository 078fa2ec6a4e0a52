/** The region page's words, Italian first. */
import type { Text } from "../../i18n";

export const LABELS = {
  lead: {
    it: (practices: number, covered: number, services: number, percent: string, rank: number, territories: number) =>
      `${practices === 1 ? "1 buona prassi" : `${practices} buone prassi`} nel catalogo, che coprono ${covered} dei ${services} servizi LEP (${percent}): ${rank}° posto tra i ${territories} territori.`,
    en: (practices: number, covered: number, services: number, percent: string, rank: number, territories: number) =>
      `${practices === 1 ? "1 practice" : `${practices} practices`} in the catalogue, covering ${covered} of the ${services} LEP services (${percent}): ranked ${rank} of ${territories} territories.`,
  },
  none: {
    it: "Il catalogo non ha ancora buone prassi di questo territorio: ogni servizio LEP è una lacuna, con i modelli di altre regioni qui sotto.",
    en: "The catalogue has no practice from this territory yet: every LEP service is a gap, with models from other regions below.",
  },
  lep: {
    it: "I LEP sono i livelli essenziali delle prestazioni dei servizi per il lavoro (DM 4/2018).",
    en: "LEP are the essential service levels of public employment services (DM 4/2018).",
  },
  mapHeading: { it: "La copertura dei LEP in Italia", en: "LEP coverage across Italy" },
  mapTitle: {
    it: "Mappa dei 21 territori colorati per numero di servizi LEP coperti; la tabella accanto riporta gli stessi dati",
    en: "Map of the 21 territories coloured by the number of LEP services covered; the table beside it gives the same data",
  },
  mapHelp: {
    it: "Più scuro, più servizi coperti. Ogni territorio porta alla sua pagina.",
    en: "Darker means more services covered. Each territory leads to its page.",
  },
  legend: { it: "Legenda", en: "Legend" },
  services: {
    it: (from: number, to: number) => (from === to ? `${from} servizi` : `${from}–${to} servizi`),
    en: (from: number, to: number) => (from === to ? `${from} services` : `${from}–${to} services`),
  },
  currentRegion: { it: "Bordo spesso: il territorio di questa pagina", en: "Thick outline: this page's territory" },
  stripes: {
    it: "Righe: il Trentino-Alto Adige, diviso nelle province autonome di Bolzano (BZ) e Trento (TN), ciascuna col suo colore e il suo segno",
    en: "Stripes: Trentino-Alto Adige, split into the autonomous provinces of Bolzano (BZ) and Trento (TN), each with its colour and its marker",
  },
  territoryLabel: {
    it: (name: string, covered: number, services: number) => `${name}: ${covered} servizi LEP su ${services}`,
    en: (name: string, covered: number, services: number) => `${name}: ${covered} LEP services of ${services}`,
  },
  tableCaption: {
    it: "I 21 territori per numero di servizi LEP coperti (i dati della mappa)",
    en: "The 21 territories by number of LEP services covered (the map's data)",
  },
  territory: { it: "Territorio", en: "Territory" },
  rank: { it: "Posizione", en: "Rank" },
  lepsCovered: { it: "Servizi LEP coperti", en: "LEP services covered" },
  practices: { it: "Buone prassi", en: "Practices" },
  thisPage: { it: "(questa pagina)", en: "(this page)" },
  of: { it: (n: number, total: number) => `${n} su ${total}`, en: (n: number, total: number) => `${n} of ${total}` },

  servicesHeading: {
    it: "Servizi LEP: qui e negli altri territori",
    en: "LEP services: here and in the other territories",
  },
  servicesCaption: {
    it: (region: string) =>
      `Ogni servizio LEP: se le buone prassi di ${region} lo coprono, e quanti territori lo coprono`,
    en: (region: string) => `Each LEP service: whether ${region}'s practices cover it, and how many territories do`,
  },
  service: { it: "Servizio LEP", en: "LEP service" },
  here: { it: (region: string) => `In ${region}`, en: (region: string) => `In ${region}` },
  covering: { it: "Territori che lo coprono", en: "Territories covering it" },
  yes: {
    it: (practices: number) => `Sì, ${practices === 1 ? "1 buona prassi" : `${practices} buone prassi`}`,
    en: (practices: number) => `Yes, ${practices === 1 ? "1 practice" : `${practices} practices`}`,
  },
  no: { it: "No", en: "No" },
  practiceCount: {
    it: (n: number) => (n === 1 ? "1 buona prassi" : `${n} buone prassi`),
    en: (n: number) => (n === 1 ? "1 practice" : `${n} practices`),
  },

  gapsHeading: { it: "Lacune e modelli da replicare", en: "Gaps and models to replicate" },
  gapsIntro: {
    it: "Per ogni servizio LEP che le buone prassi di questo territorio non coprono, le buone prassi di altre regioni che lo offrono, le più trasferibili prima.",
    en: "For every LEP service this territory's practices do not cover, the practices of other regions that offer it, the most transferable first.",
  },
  noGaps: {
    it: "Le buone prassi di questo territorio coprono ogni servizio LEP.",
    en: "This territory's practices cover every LEP service.",
  },
  noModels: {
    it: "Nessuna buona prassi del catalogo offre questi servizi:",
    en: "No practice in the catalogue offers these services:",
  },

  targetsHeading: { it: "Chi raggiungono le sue buone prassi", en: "Whom its practices reach" },
  ownPractices: { it: "Le sue buone prassi", en: "Its practices" },

  unknown: {
    it: (name: string) => `Nessun territorio si chiama «${name}». I 21 territori del catalogo sono questi:`,
    en: (name: string) => `No territory is called “${name}”. These are the catalogue's 21 territories:`,
  },
  unknownTitle: { it: "Territorio non trovato", en: "Territory not found" },

  credit: {
    it: [
      "Mappa: ",
      "«Italy» di MapSVG",
      ", nella versione ",
      "@svg-maps/italy",
      " di Victor Cazanave, licenza ",
      "CC BY 4.0",
      ". Modifiche di Prassi: colori per copertura, righe sul Trentino-Alto Adige e segni delle due province autonome.",
    ],
    en: [
      "Map: ",
      "“Italy” by MapSVG",
      ", as ",
      "@svg-maps/italy",
      " by Victor Cazanave, licensed ",
      "CC BY 4.0",
      ". Changed by Prassi: colours by coverage, stripes over Trentino-Alto Adige and markers of the two autonomous provinces.",
    ],
  },
} satisfies Record<string, Text | { it: unknown; en: unknown }>;
