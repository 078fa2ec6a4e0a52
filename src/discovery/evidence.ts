/**
 * What a practice card says about how well the practice travels: the transferability evidence that
 * replicableModels weighs after coverage. Read from the card's own texts, never guessed from elsewhere.
 */

export const TRANSFERABILITY_EVIDENCE = [
  "ALREADY_REPLICATED",
  "DECLARED_TRANSFERABLE",
  "QUANTIFIED_RESULTS",
  "LOW_COST",
  "ONGOING",
] as const;
export type TransferabilityEvidence = (typeof TRANSFERABILITY_EVIDENCE)[number];

/** How much each kind of evidence counts; they sum to 1 (the transferability of a card that has them all). */
const EVIDENCE_WEIGHTS: Readonly<Record<TransferabilityEvidence, number>> = {
  ALREADY_REPLICATED: 0.3,
  DECLARED_TRANSFERABLE: 0.2,
  QUANTIFIED_RESULTS: 0.2,
  LOW_COST: 0.2,
  ONGOING: 0.1,
};

/** The card facts the evidence is read from. */
export type CardFacts = {
  ongoing: boolean | null;
  fundingKinds: string[];
  results: string | null;
  outcomes: string | null;
  lessons: string | null;
  conclusions: string | null;
  humanResources: string | null;
};

/** "replicato", "estesa", "l'estensione della pratica", "trasferito": it already ran somewhere else. */
const REPLICATED = /\b(replicat[aeio]|estes[aeio]|estensione|trasferit[aeio]|trasferimenti)\b/iu;
/** "la prassi è trasferibile", "replicabile", "riproducibilità": the card says it can travel. */
const TRANSFERABLE = /\b(trasferibil\p{L}*|replicabil\p{L}*|riproducibil\p{L}*|esportabil\p{L}*)/iu;
/** "a costo zero", "senza costi aggiuntivi", "senza dover attingere ad eventuali fondi", "nessun onere". */
const NO_EXTRA_COST =
  /\b(a\s+costo\s+zero|senza\s+(?:alcun\p{L}*\s+|ulterior\p{L}+\s+)?(?:costi|oneri|spes\p{L}+)|nessun\p{L}*\s+(?:costo|onere|spesa)|senza\s+(?:dover\s+)?attingere)/iu;
/** Funding kinds that ask nothing beyond the service's ordinary resources. */
const LOW_COST_FUNDING = new Set(["ORDINARY", "NONE"]);
/** What a number counts: people, companies, internships, hires, students, workshops, CVs... */
const COUNTABLE =
  "(?:persone|utenti|partecipanti|candidat\\p{L}*|aziende|imprese|lavorator\\p{L}*|tirocin\\p{L}*|assunzion\\p{L}*|contratt\\p{L}*|studenti|disoccupat\\p{L}*|beneficiari|colloqui|inseriment\\p{L}*|laboratori|iscritti|cv|opportunit\\p{L}*|giovani|donne|session\\p{L}*|sportell\\p{L}*|scuole|istituti|moduli|prese\\s+in\\s+carico|percorsi|avviament\\p{L}*|posti|offerte|vacanc\\p{L}*|candidature|dipendenti|disabili|destinatari|soggetti|cittadini|operatori|incontri|eventi|giornate|cpi|centri)";
/** A number shaped like a year, 1900..2099 (not part of a longer number such as 2.022 or 20234). */
const YEAR = "(?:19|20)\\d{2}(?![.,]?\\d)";
/**
 * A count of people, companies or activities: "1023 utenti", "n. 354 tirocini", "N. 5 Istituti", "208 assunzioni",
 * "dal 59% al 63%". Years are not counts: "nel 2022 i giovani" counts nothing. A number must be followed (within
 * two words) by what it counts, or be a "n." number or a percentage; a number shaped like a year counts only when
 * what it counts follows at once ("2000 utenti").
 */
const COUNTED = new RegExp(
  [
    "\\bn(?:umero|r)?\\.?\\s*\\d[\\d.,]*",
    "\\b\\d[\\d.,]*\\s*%",
    `\\b(?!${YEAR})\\d[\\d.,]*\\s+(?:\\p{L}+\\s+){0,2}${COUNTABLE}`,
    `\\b${YEAR}\\s+${COUNTABLE}`,
  ].join("|"),
  "iu",
);

const text = (...parts: Array<string | null>) => parts.filter((part): part is string => part !== null).join("\n");

/** The evidence a card carries, most telling first. */
export function readEvidence(card: CardFacts): TransferabilityEvidence[] {
  const evidence: TransferabilityEvidence[] = [];
  if (REPLICATED.test(text(card.results, card.outcomes, card.lessons, card.conclusions, card.humanResources))) {
    evidence.push("ALREADY_REPLICATED");
  }
  if (TRANSFERABLE.test(text(card.outcomes, card.lessons, card.conclusions))) evidence.push("DECLARED_TRANSFERABLE");
  if (COUNTED.test(text(card.results, card.outcomes))) evidence.push("QUANTIFIED_RESULTS");
  const ordinaryFunding = card.fundingKinds.length > 0 && card.fundingKinds.every((kind) => LOW_COST_FUNDING.has(kind));
  if (ordinaryFunding || NO_EXTRA_COST.test(text(card.lessons, card.conclusions, card.humanResources, card.outcomes))) {
    evidence.push("LOW_COST");
  }
  if (card.ongoing === true) evidence.push("ONGOING");
  return evidence;
}

/** 0..1: the sum of the weights of the evidence found. */
export function transferability(evidence: readonly TransferabilityEvidence[]): number {
  return evidence.reduce((sum, kind) => sum + EVIDENCE_WEIGHTS[kind], 0);
}
