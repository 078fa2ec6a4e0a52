/**
 * /: the Italian full-text search (docs/queries/search-practices.graphql) as a form whose words are in the URL
 * (/?q=collocamento+mirato), and the catalogue to browse by region, LEP service and target group
 * (docs/queries/browse-catalogue.graphql); a LEP or a target group lists its practices (/?lep=M, /?target=<id>,
 * docs/queries/practices-linked.graphql). Every state of the page is a URL.
 */
import "../styles/pages.css";
import { askDocumented } from "../api";
import { h } from "../dom";
import { readableError } from "../errors";
import { LANG, href, localName, practiceHref, regionHref, t } from "../i18n";
import { showView } from "../loading";

const LABELS = {
  title: { it: "Buone prassi dei servizi per il lavoro", en: "Good practices of public employment services" },
  intro: {
    it: "Cerca tra le schede del catalogo ANPAL Servizi, oppure sfoglia le buone prassi per regione, servizio (LEP) e destinatari.",
    en: "Search the cards of ANPAL Servizi's catalogue, or browse the practices by region, service (LEP) and target group.",
  },
  searchLabel: { it: "Parole da cercare", en: "Words to look for" },
  searchHint: {
    it: "Ricerca in italiano su titoli e testi delle schede; le virgolette cercano una frase.",
    en: "Italian full-text search over the cards' titles and texts; quotes search a phrase.",
  },
  searchButton: { it: "Cerca", en: "Search" },
  results: { it: "Risultati per", en: "Results for" },
  noResults: { it: "Nessuna buona prassi corrisponde alla ricerca.", en: "No practice matches the search." },
  matched: { it: "trovato in", en: "found in" },
  browse: { it: "Sfoglia il catalogo", en: "Browse the catalogue" },
  regions: { it: "Per regione", en: "By region" },
  leps: { it: "Per servizio (LEP, DM 4/2018)", en: "By service (LEP, DM 4/2018)" },
  targets: { it: "Per destinatari", en: "By target group" },
  practicesOfLep: { it: "Buone prassi del servizio", en: "Practices of the service" },
  practicesOfTarget: { it: "Buone prassi rivolte a", en: "Practices reaching" },
  none: { it: "Nessuna buona prassi.", en: "No practice." },
  clear: { it: "Torna all'elenco completo", en: "Back to the full list" },
  practices: { it: "buone prassi", en: "practices" },
  ongoing: { it: "in corso", en: "ongoing" },
  since: { it: "dal", en: "since" },
  unknownLep: { it: "Nessun servizio LEP ha il codice", en: "No LEP service has the code" },
  unknownTarget: { it: "Nessun gruppo di destinatari ha il codice", en: "No target group has the id" },
  firstOf: {
    it: (shown: number, total: number) => `Le prime ${shown} di ${total} buone prassi, per codice.`,
    en: (shown: number, total: number) => `The first ${shown} of ${total} practices, by id.`,
  },
};

/** The longest list of linked practices the page asks for (practices-linked's limit); the heading says when there are more. */
const LINKED_LIMIT = 50;

const MATCHED_FIELDS: Record<string, { it: string; en: string }> = {
  TITLE: { it: "titolo", en: "title" },
  SUMMARY: { it: "descrizione", en: "summary" },
  CARD_TEXT: { it: "testo della scheda", en: "card text" },
};

type Counted = { practicesConnection: { totalCount: number } };
type Browse = {
  regions: Array<{ nuts: string; name: string } & Counted>;
  leps: Array<{ code: string; name: string; nameEn: string; group: string } & Counted>;
  targetGroups: Array<{ id: string; name: string; nameEn: string } & Counted>;
};
type Hit = {
  score: number;
  matchedFields: string[];
  practice: { id: string; title: string; regions: Array<{ name: string }> };
};
type LinkedPractice = {
  id: string;
  title: string;
  startYear: number | null;
  ongoing: boolean;
  regions: Array<{ nuts: string; name: string }>;
};

export async function render(main: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const words = (params.get("q") ?? "").trim();
  const lep = params.get("lep") ?? "";
  const target = params.get("target") ?? "";
  document.title = words ? `${words} · Prassi` : "Prassi";

  const [browse, hits, linked] = await Promise.all([
    askDocumented<Browse>("browse-catalogue"),
    words
      ? askDocumented<{ searchPractices: Hit[] }>("search-practices", { text: words }).catch((error: unknown) =>
          readableError(error),
        )
      : undefined,
    lep || target
      ? askDocumented<{ practices: LinkedPractice[] }>("practices-linked", {
          lep: lep ? [lep] : [],
          target: target ? [target] : [],
          limit: LINKED_LIMIT,
        })
      : undefined,
  ]);

  showView(
    main,
    h("h1", {}, t(LABELS.title)),
    h("p", { class: "lead" }, t(LABELS.intro)),
    searchForm(words),
    hits !== undefined && searchResults(words, hits),
    linked && filteredList(browse, lep, target, linked.practices),
    browseLists(browse),
  );
}

function searchForm(words: string): HTMLFormElement {
  return h(
    "form",
    { role: "search", action: "/", method: "get", class: "prassi-search my-4" },
    LANG === "en" && h("input", { type: "hidden", name: "lang", value: "en" }),
    h(
      "div",
      { class: "form-group mb-2" },
      h("label", { for: "search-words", class: "active" }, t(LABELS.searchLabel)),
      h("input", {
        type: "search",
        id: "search-words",
        name: "q",
        class: "form-control",
        value: words,
        required: true,
        maxlength: 200,
        "aria-describedby": "search-hint",
      }),
      h("small", { id: "search-hint", class: "form-text" }, t(LABELS.searchHint)),
    ),
    h("button", { type: "submit", class: "btn btn-primary" }, t(LABELS.searchButton)),
  );
}

function searchResults(words: string, hits: { searchPractices: Hit[] } | string): HTMLElement {
  const body =
    typeof hits === "string"
      ? h("div", { class: "alert alert-warning", role: "alert" }, hits)
      : hits.searchPractices.length === 0
        ? h("p", {}, t(LABELS.noResults))
        : h(
            "ol",
            { class: "prassi-hits" },
            hits.searchPractices.map((hit) =>
              h(
                "li",
                { "data-practice": hit.practice.id },
                h(
                  "a",
                  { href: practiceHref(hit.practice.id), class: "fw-semibold" },
                  `${hit.practice.id} · ${hit.practice.title}`,
                ),
                h(
                  "div",
                  { class: "small text-muted" },
                  hit.practice.regions.map((region) => region.name).join(", "),
                  ` · ${t(LABELS.matched)} `,
                  hit.matchedFields.map((field) => MATCHED_FIELDS[field]?.[LANG] ?? field).join(", "),
                ),
              ),
            ),
          );
  return h(
    "section",
    { id: "results", class: "mb-5", "aria-labelledby": "results-heading" },
    h("h2", { id: "results-heading" }, `${t(LABELS.results)} «${words}»`),
    body,
  );
}

function filteredList(browse: Browse, lep: string, target: string, practices: LinkedPractice[]): HTMLElement {
  const lepNode = browse.leps.find((candidate) => candidate.code === lep);
  const targetNode = browse.targetGroups.find((candidate) => candidate.id === target);
  const heading = lep
    ? lepNode
      ? `${t(LABELS.practicesOfLep)} ${lepNode.code} · ${localName(lepNode)}`
      : `${t(LABELS.unknownLep)} «${lep}»`
    : targetNode
      ? `${t(LABELS.practicesOfTarget)}: ${localName(targetNode)}`
      : `${t(LABELS.unknownTarget)} «${target}»`;
  const total = (lepNode ?? targetNode)?.practicesConnection.totalCount ?? practices.length;
  return h(
    "section",
    { id: "results", class: "mb-5", "aria-labelledby": "results-heading" },
    h("h2", { id: "results-heading" }, heading),
    total > practices.length &&
      h("p", { id: "results-count", class: "small text-muted" }, LABELS.firstOf[LANG](practices.length, total)),
    practices.length === 0
      ? h("p", {}, t(LABELS.none))
      : h(
          "ul",
          { class: "prassi-hits" },
          practices.map((practice) =>
            h(
              "li",
              { "data-practice": practice.id },
              h("a", { href: practiceHref(practice.id), class: "fw-semibold" }, `${practice.id} · ${practice.title}`),
              h(
                "div",
                { class: "small text-muted" },
                practice.regions.map((region) => region.name).join(", "),
                practice.startYear !== null && ` · ${t(LABELS.since)} ${practice.startYear}`,
                practice.ongoing && ` · ${t(LABELS.ongoing)}`,
              ),
            ),
          ),
        ),
    h("p", {}, h("a", { href: href("/") }, t(LABELS.clear))),
  );
}

function browseLists(browse: Browse): HTMLElement {
  const count = (node: Counted) =>
    h(
      "span",
      { class: "badge bg-primary" },
      String(node.practicesConnection.totalCount),
      h("span", { class: "visually-hidden" }, ` ${t(LABELS.practices)}`),
    );
  const entry = (text: string, link: string | null, node: Counted) =>
    h("li", {}, link ? h("a", { href: link }, text) : h("span", {}, text), count(node));
  return h(
    "section",
    { class: "prassi-browse mt-5", "aria-labelledby": "browse-heading" },
    h("h2", { id: "browse-heading", class: "h3" }, t(LABELS.browse)),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        { class: "col-md-4", id: "browse-regions" },
        h("h3", { class: "h5" }, t(LABELS.regions)),
        h(
          "ul",
          {},
          browse.regions.map((region) => entry(region.name, regionHref(region.nuts), region)),
        ),
      ),
      h(
        "div",
        { class: "col-md-4", id: "browse-leps" },
        h("h3", { class: "h5" }, t(LABELS.leps)),
        h(
          "ul",
          {},
          browse.leps.map((lep) =>
            entry(
              `${lep.code} · ${localName(lep)}`,
              lep.practicesConnection.totalCount > 0 ? `${href("/", { lep: lep.code })}#results` : null,
              lep,
            ),
          ),
        ),
      ),
      h(
        "div",
        { class: "col-md-4", id: "browse-targets" },
        h("h3", { class: "h5" }, t(LABELS.targets)),
        h(
          "ul",
          {},
          browse.targetGroups.map((group) =>
            entry(
              localName(group),
              group.practicesConnection.totalCount > 0 ? `${href("/", { target: group.id })}#results` : null,
              group,
            ),
          ),
        ),
      ),
    ),
  );
}
