/**
 * Recognises the labels of a practice card however they are spelled: the cards write
 * "TIPOLOGIA/LEP" or "TIPOLOGIA LEP", "NELL'IMPLEMENTAZIONE" or "NELLA IMPLEMENTAZIONE",
 * "È" or "E'", "SCHEDA", "Scheda" or "Schede". Labels are compared by their folded form
 * (see foldForMatch) against the opening words of each label, which are stable across cards.
 */
import { foldForMatch } from "../../text/inline";
import type { CardFieldKey } from "../card";

type LabelRule = { key: CardFieldKey; opening: RegExp; canonical: string };

const LABEL_RULES: readonly LabelRule[] = [
  { key: "cardNumber", opening: /^sched[ae]$/, canonical: "SCHEDA" },
  { key: "region", opening: /^regione$/, canonical: "REGIONE" },
  { key: "title", opening: /^titolo( della pratica)?$/, canonical: "TITOLO DELLA PRATICA" },
  { key: "description", opening: /^descrizione( della pratica)?$/, canonical: "DESCRIZIONE DELLA PRATICA" },
  { key: "scope", opening: /^ambito( della pratica)?$/, canonical: "AMBITO DELLA PRATICA" },
  { key: "leps", opening: /^(tipologia )?lep$/, canonical: "TIPOLOGIA/LEP" },
  { key: "territorialScope", opening: /^ambito territoriale/, canonical: "AMBITO TERRITORIALE DELLA PRATICA" },
  { key: "stillOpen", opening: /^(la )?pratica e ancora aperta/, canonical: "LA PRATICA È ANCORA APERTA?" },
  {
    key: "anpalSupported",
    opening: /^(pratica )?supportata da anpal/,
    canonical: "PRATICA SUPPORTATA DA ANPAL SERVIZI?",
  },
  {
    key: "anpalAssistance",
    opening: /^descrizione (dell )?assistenza/,
    canonical: "DESCRIZIONE ASSISTENZA DI ANPAL SERVIZI",
  },
  { key: "employmentService", opening: /^nome del servizio/, canonical: "NOME DEL SERVIZIO PER L'IMPIEGO" },
  {
    key: "period",
    opening: /^quando e stata implementata/,
    canonical: "QUANDO È STATA IMPLEMENTATA LA PRATICA? E/O PER QUANTO TEMPO?",
  },
  {
    key: "driver",
    opening: /^qual e stato l impulso/,
    canonical: "QUAL È STATO L'IMPULSO A REALIZZARE LA PRATICA? E' STATO INTERNO O ESTERNO ALLO SPI?",
  },
  {
    key: "stakeholders",
    opening: /^quali sono stati i soggetti coinvolti/,
    canonical: "QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?",
  },
  { key: "targets", opening: /^quali target/, canonical: "QUALI TARGET SONO STATI RAGGIUNTI DALLA PRATICA?" },
  {
    key: "objectives",
    opening: /^quali erano gli obiettivi/,
    canonical: "QUALI ERANO GLI OBIETTIVI PRINCIPALI DELLA PRATICA?",
  },
  {
    key: "activities",
    opening: /^quali sono state le attivita/,
    canonical: "QUALI SONO STATE LE ATTIVITÀ REALIZZATE?",
  },
  {
    key: "humanResources",
    opening: /^quali risorse umane/,
    canonical: "QUALI RISORSE UMANE SONO STATE IMPIEGATE E QUALI SONO STATI GLI ASPETTI ORGANIZZATIVI RILEVANTI?",
  },
  {
    key: "funding",
    opening: /^qual[ei]?\b.{0,20}\bfonti di finanziamento/,
    canonical: "QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?",
  },
  {
    key: "results",
    opening: /^quali sono stati i risultati/,
    canonical: "QUALI SONO STATI I RISULTATI DELLA PRATICA?",
  },
  { key: "outcomes", opening: /^quali sono stati gli outcome/, canonical: "QUALI SONO STATI GLI OUTCOME REALIZZATI?" },
  {
    key: "lessons",
    opening: /^quali sono le lezioni apprese/,
    canonical: "QUALI SONO LE LEZIONI APPRESE, I FATTORI DI SUCCESSO E LE CRITICITÀ INCONTRATE?",
  },
  {
    key: "conclusions",
    opening: /^quali (principali )?conclusioni/,
    canonical: "QUALI PRINCIPALI CONCLUSIONI POSSONO ESSERE TRATTE DALLA REALIZZAZIONE DELLA PRATICA?",
  },
];

/** Longer texts are prose that happens to start like a label. */
const MAX_LABEL_LENGTH = 160;

/** The field a label names, if the text is a label. */
export function matchLabel(text: string): CardFieldKey | undefined {
  const folded = foldForMatch(text);
  if (!folded || folded.length > MAX_LABEL_LENGTH) return undefined;
  return LABEL_RULES.find((rule) => rule.opening.test(folded))?.key;
}

/** The label as the card template prints it. */
export function canonicalLabel(key: CardFieldKey): string {
  return LABEL_RULES.find((rule) => rule.key === key)?.canonical ?? key;
}

/**
 * Whether `tail` carries on a label that the page broke in two
 * ("QUAL È STATO L'IMPULSO ... E' STATO" + "INTERNO O ESTERNO ALLO SPI?").
 */
export function continuesLabel(key: CardFieldKey, labelSoFar: string, tail: string): boolean {
  const canonical = foldForMatch(canonicalLabel(key));
  const head = foldForMatch(labelSoFar);
  const folded = foldForMatch(tail);
  if (!folded || canonical === head || head.endsWith(folded)) return false;
  return canonical.startsWith(`${head} ${folded}`) || canonical.endsWith(folded);
}
