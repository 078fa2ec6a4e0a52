/** The widget's words, Italian first; `lang="en"` (or any `en-…`) switches to English. */
export type Lang = "it" | "en";

export function widgetLang(attribute: string | null): Lang {
  return attribute?.toLowerCase().startsWith("en") ? "en" : "it";
}

export type Labels = {
  heading: string;
  loading: string;
  empty: string;
  region: (count: number) => string;
  shared: string;
  more: (count: number) => string;
  noPractice: string;
  notFound: (id: string) => string;
  unreachable: string;
  failed: string;
};

export const LABELS: Record<Lang, Labels> = {
  it: {
    heading: "Buone prassi simili",
    loading: "Caricamento delle buone prassi simili…",
    empty: "Nessuna buona prassi simile a questa.",
    region: (count) => (count === 1 ? "Regione:" : "Regioni:"),
    shared: "In comune:",
    more: (count) => `e altri ${count}`,
    noPractice: "Manca la buona prassi di partenza: indicarla nell'attributo practice (ad esempio 2023-004).",
    notFound: (id) => `Nessuna buona prassi del catalogo ha il codice «${id}».`,
    unreachable: "Il servizio Prassi non è raggiungibile in questo momento. Riprovare più tardi.",
    failed: "Il servizio Prassi non ha potuto rispondere. Riprovare più tardi.",
  },
  en: {
    heading: "Similar good practices",
    loading: "Loading similar good practices…",
    empty: "No practice is similar to this one.",
    region: (count) => (count === 1 ? "Region:" : "Regions:"),
    shared: "In common:",
    more: (count) => `and ${count} more`,
    noPractice: "No practice to start from: name one in the practice attribute (for example 2023-004).",
    notFound: (id) => `No practice of the catalogue has the id “${id}”.`,
    unreachable: "Prassi cannot be reached right now. Please try again later.",
    failed: "Prassi could not answer. Please try again later.",
  },
};
