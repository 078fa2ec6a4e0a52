/** The words of the practice page: the card's labelled fields and the values of its closed sets, in both languages. */
import type { Text } from "../../i18n";

export const PAGE = {
  home: { it: "Ricerca", en: "Search" },
  breadcrumb: { it: "Percorso di navigazione", en: "Breadcrumb" },
  ongoing: { it: "In corso", en: "Ongoing" },
  ended: { it: "Conclusa", en: "Ended" },
  /** The card's "ongoing" fact. */
  stillOngoing: { it: "Sì", en: "Yes" },
  notOngoing: { it: "No, conclusa", en: "No, ended" },
  card: { it: "La scheda", en: "The card" },
  facts: { it: "Dati della scheda", en: "Card details" },
  texts: { it: "Il racconto della scheda", en: "What the card tells" },
  links: { it: "Collegamenti e dove sono stati letti", en: "Links, and where they were read" },
  linksIntro: {
    it: "Ogni collegamento indica il campo della scheda e la riga del file sorgente del catalogo da cui è stato letto.",
    en: "Each link names the card field and the line of the catalogue's source file it was read from.",
  },
  readFrom: { it: "letto dal campo", en: "read from the field" },
  line: { it: "riga", en: "line" },
  addedByEditor: { it: "aggiunto da un curatore", en: "added by a curator" },
  none: { it: "nessuno", en: "none" },
  lineage: { it: "Da cosa nasce", en: "What it builds on" },
  buildsOn: { it: "Si basa su", en: "Builds on" },
  inspired: { it: "Ha ispirato", en: "Inspired" },
  noLineage: {
    it: "La scheda non dichiara buone prassi da cui nasce, né altre ne dichiarano di nascere da questa.",
    en: "The card names no practice it grows out of, and no card names this one.",
  },
  transferability: { it: "Trasferibilità", en: "Transferability" },
  sourceLines: { it: "Righe del file sorgente", en: "Lines of the source file" },
  notFound: { it: "Nessuna buona prassi ha il codice", en: "No practice has the id" },
} satisfies Record<string, Text>;

export const FACTS: Record<string, Text> = {
  catalog: { it: "Catalogo", en: "Catalogue" },
  catalogNumber: { it: "Posizione nell'indice", en: "Position in the index" },
  printedNumber: { it: "Numero stampato sulla scheda", en: "Number printed on the card" },
  startYear: { it: "Anno di avvio", en: "Start year" },
  period: { it: "Periodo", en: "Period" },
  scope: { it: "Tipo di iniziativa", en: "Kind of initiative" },
  territorialLevel: { it: "Ambito territoriale", en: "Territorial level" },
  ongoing: { it: "Ancora attiva", en: "Still running" },
  anpalSupport: { it: "Supporto di ANPAL Servizi", en: "Support of ANPAL Servizi" },
  anpalAssistance: { it: "Assistenza di ANPAL Servizi", en: "Assistance of ANPAL Servizi" },
};

/** The card's long texts, in the card's order. */
export const TEXTS: Record<string, Text> = {
  driver: { it: "Impulso", en: "Driver" },
  objectives: { it: "Obiettivi", en: "Objectives" },
  activities: { it: "Attività", en: "Activities" },
  humanResources: { it: "Risorse umane e organizzazione", en: "Human resources and organisation" },
  results: { it: "Risultati", en: "Results" },
  outcomes: { it: "Esiti", en: "Outcomes" },
  lessons: { it: "Lezioni apprese", en: "Lessons learnt" },
  conclusions: { it: "Conclusioni", en: "Conclusions" },
};

export const LINK_SECTIONS: Record<string, Text> = {
  regions: { it: "Regioni", en: "Regions" },
  cpis: { it: "Centri per l'impiego", en: "Job centres" },
  leps: { it: "Servizi (LEP, DM 4/2018)", en: "Services (LEP, DM 4/2018)" },
  targets: { it: "Destinatari", en: "Target groups" },
  stakeholders: { it: "Soggetti coinvolti", en: "Stakeholders" },
  funding: { it: "Fonti di finanziamento", en: "Funding" },
  laws: { it: "Norme richiamate", en: "Laws referred to" },
  tools: { it: "Strumenti e piattaforme", en: "Tools and platforms" },
};

/** CardField in schema/practice.graphql: the card's labels as the catalogue prints them. */
export const CARD_FIELDS: Record<string, Text> = {
  CARD_NUMBER: { it: "Numero scheda", en: "Card number" },
  REGION: { it: "Regione", en: "Region" },
  TITLE: { it: "Titolo", en: "Title" },
  DESCRIPTION: { it: "Descrizione", en: "Description" },
  SCOPE: { it: "Tipo di iniziativa", en: "Scope" },
  LEPS: { it: "LEP", en: "LEP" },
  TERRITORIAL_SCOPE: { it: "Ambito territoriale", en: "Territorial scope" },
  STILL_OPEN: { it: "Ancora attiva", en: "Still open" },
  ANPAL_SUPPORTED: { it: "Supporto ANPAL Servizi", en: "ANPAL Servizi support" },
  ANPAL_ASSISTANCE: { it: "Assistenza ANPAL Servizi", en: "ANPAL Servizi assistance" },
  EMPLOYMENT_SERVICE: { it: "Servizio per l'impiego", en: "Employment service" },
  PERIOD: { it: "Periodo", en: "Period" },
  DRIVER: { it: "Impulso", en: "Driver" },
  STAKEHOLDERS: { it: "Soggetti coinvolti", en: "Stakeholders" },
  TARGETS: { it: "Target raggiunti", en: "Targets reached" },
  OBJECTIVES: { it: "Obiettivi", en: "Objectives" },
  ACTIVITIES: { it: "Attività", en: "Activities" },
  HUMAN_RESOURCES: { it: "Risorse umane", en: "Human resources" },
  FUNDING: { it: "Fonti di finanziamento", en: "Funding" },
  RESULTS: { it: "Risultati", en: "Results" },
  OUTCOMES: { it: "Esiti", en: "Outcomes" },
  LESSONS: { it: "Lezioni apprese", en: "Lessons learnt" },
  CONCLUSIONS: { it: "Conclusioni", en: "Conclusions" },
};

export const TERRITORIAL_LEVELS: Record<string, Text> = {
  NATIONAL: { it: "Nazionale", en: "National" },
  REGIONAL: { it: "Regionale", en: "Regional" },
  PROVINCIAL: { it: "Provinciale", en: "Provincial" },
  METROPOLITAN: { it: "Città metropolitana", en: "Metropolitan" },
  LOCAL: { it: "Locale", en: "Local" },
};

export const ANPAL_SUPPORT: Record<string, Text> = {
  YES: { it: "Sì", en: "Yes" },
  NO: { it: "No", en: "No" },
  PARTIAL: { it: "In parte", en: "Partly" },
};

export const TRANSFERABILITY: Record<string, Text> = {
  ALREADY_REPLICATED: { it: "Già replicata", en: "Already replicated" },
  DECLARED_TRANSFERABLE: { it: "Dichiarata trasferibile", en: "Declared transferable" },
  QUANTIFIED_RESULTS: { it: "Risultati quantificati", en: "Quantified results" },
  LOW_COST: { it: "Costi contenuti", en: "Low cost" },
  ONGOING: { it: "Ancora attiva", en: "Still running" },
};

/** LinkKind in schema/discovery.graphql: the kinds of reasons two practices are similar. */
export const REASON_KINDS: Record<string, Text> = {
  LEP: { it: "Servizi (LEP)", en: "Services (LEP)" },
  TARGET: { it: "Destinatari", en: "Target groups" },
  STAKEHOLDER: { it: "Soggetti", en: "Stakeholders" },
  FUNDING: { it: "Finanziamento", en: "Funding" },
  REGION: { it: "Regione", en: "Region" },
  CPI: { it: "Centri per l'impiego", en: "Job centres" },
  LAW: { it: "Norme", en: "Laws" },
  TOOL: { it: "Strumenti", en: "Tools" },
  LINEAGE: { it: "Discendenza", en: "Lineage" },
};

export const LENSES: Record<string, Text> = {
  BALANCED: { it: "Equilibrata", en: "Balanced" },
  SERVICES: { it: "Servizi", en: "Services" },
  TARGETS: { it: "Destinatari", en: "Target groups" },
  ACTORS: { it: "Attori", en: "Actors" },
  FUNDING: { it: "Finanziamento", en: "Funding" },
};

export function label(table: Record<string, Text>, key: string, lang: "it" | "en"): string {
  return table[key]?.[lang] ?? key;
}
