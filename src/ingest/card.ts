/**
 * A practice card as read from a catalogue file, before normalization.
 * The parser produces these; normalization and entity extraction consume them.
 */
import type { LineMap } from "./text/location";

/** Stable keys for the labelled fields of a card (the ANPAL "scheda di rilevazione"). */
export const CARD_FIELDS = [
  "cardNumber", // SCHEDA: number printed on the card (not unique)
  "region", // REGIONE
  "title", // TITOLO DELLA PRATICA
  "description", // DESCRIZIONE DELLA PRATICA
  "scope", // AMBITO DELLA PRATICA
  "leps", // TIPOLOGIA/LEP
  "territorialScope", // AMBITO TERRITORIALE DELLA PRATICA
  "stillOpen", // LA PRATICA È ANCORA APERTA?
  "anpalSupported", // PRATICA SUPPORTATA DA ANPAL SERVIZI?
  "anpalAssistance", // DESCRIZIONE ASSISTENZA DI ANPAL SERVIZI
  "employmentService", // NOME DEL SERVIZIO PER L'IMPIEGO
  "period", // QUANDO È STATA IMPLEMENTATA LA PRATICA? E/O PER QUANTO TEMPO?
  "driver", // QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? ...
  "stakeholders", // QUALI SONO STATI I SOGGETTI COINVOLTI ...
  "targets", // QUALI TARGET SONO STATI RAGGIUNTI DALLA PRATICA?
  "objectives", // QUALI ERANO GLI OBIETTIVI PRINCIPALI DELLA PRATICA?
  "activities", // QUALI SONO STATE LE ATTIVITÀ REALIZZATE?
  "humanResources", // QUALI RISORSE UMANE SONO STATE IMPIEGATE ...
  "funding", // QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?
  "results", // QUALI SONO STATI I RISULTATI DELLA PRATICA?
  "outcomes", // QUALI SONO STATI GLI OUTCOME REALIZZATI?
  "lessons", // QUALI SONO LE LEZIONI APPRESE, I FATTORI DI SUCCESSO E LE CRITICITÀ INCONTRATE?
  "conclusions", // QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE ...
] as const;

export type CardFieldKey = (typeof CARD_FIELDS)[number];

/** A table found inside a field value, kept as data (header row + body rows). */
export type CardTable = { header: string[]; rows: string[][] };

export type CardField = {
  key: CardFieldKey;
  /** The label as printed on the card, cleaned of markup. */
  label: string;
  /** Clean text: markup removed, list items on their own lines ("- item"), paragraphs separated by blank lines. */
  text: string;
  /** Where each part of `text` was read in the source file, so that a match is put on its line (text/location.ts). */
  lineMap: LineMap;
  tables: CardTable[];
  /** For each of `tables`, the source line of its header and of each of its rows. */
  tableLines: number[][];
  /** 1-based line numbers in the source file. */
  startLine: number;
  endLine: number;
};

export type ParsedCard = {
  /** Position in the catalogue's index ("Situazione Catalogo") and in card order: 1, 2, ... */
  catalogNumber: number;
  /** Heading line of the card, e.g. "4 Regione Liguria – Job Club". */
  heading: string;
  fields: Partial<Record<CardFieldKey, CardField>>;
  startLine: number;
  endLine: number;
};
