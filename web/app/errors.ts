/**
 * What a reader is told when the API cannot answer: one sentence in the page's language for each kind of failure,
 * never the API's own (English, technical) message, which goes to the console for whoever debugs the page.
 */
import { ApiError } from "../shared/api";
import { t, type Text } from "./i18n";

const LABELS: Record<string, Text> = {
  NOT_FOUND: {
    it: "Quello che la pagina cerca non c'è nel catalogo.",
    en: "What the page looks for is not in the catalogue.",
  },
  BAD_USER_INPUT: {
    it: "La richiesta non è valida: controllare i valori scritti nell'indirizzo o nel modulo.",
    en: "The request is not valid: check the values in the address or the form.",
  },
  RATE_LIMITED: {
    it: "Troppe richieste in poco tempo: riprova tra un minuto.",
    en: "Too many requests in a short time: try again in a minute.",
  },
  QUERY_TIMEOUT: {
    it: "La risposta ha richiesto troppo tempo: riprova tra poco.",
    en: "The answer took too long: try again shortly.",
  },
  SERVICE_UNAVAILABLE: {
    it: "Il servizio non è disponibile in questo momento: riprova tra poco.",
    en: "The service is not available right now: try again shortly.",
  },
  unreachable: {
    it: "Il servizio non risponde: controllare la connessione e riprovare tra poco.",
    en: "The service does not answer: check the connection and try again shortly.",
  },
  other: {
    it: "Il servizio non ha potuto rispondere: riprova tra poco.",
    en: "The service could not answer: try again shortly.",
  },
};

/**
 * The sentence for `error`; `missing` says, in the page's language, what is not there when the API answers
 * NOT_FOUND ("Nessuna buona prassi ha il codice «2099-999»").
 */
export function readableError(error: unknown, missing?: string): string {
  console.warn(`Prassi: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof ApiError)) return t(LABELS.other!);
  if (error.code === "NOT_FOUND") return missing ?? t(LABELS.NOT_FOUND!);
  const label =
    (error.code && LABELS[error.code]) || (error.failure === "unreachable" ? LABELS.unreachable : LABELS.other);
  return t(label!);
}
