/** The card of a practice: every field of the Practice type, and every link with the card field and line it was read from. */
import { h } from "../../dom";
import { LANG, href, localName, practiceHref, regionHref, t } from "../../i18n";
import {
  ANPAL_SUPPORT,
  CARD_FIELDS,
  FACTS,
  LINK_SECTIONS,
  PAGE,
  TERRITORIAL_LEVELS,
  TEXTS,
  TRANSFERABILITY,
  label,
} from "./labels";

type Provenance = { field: string; line: number | null };
type Edges<N> = { edges: Array<{ properties: Provenance; node: N }> };
type Named = { id: string; name: string; nameEn?: string | null };

/** The answer of docs/queries/practice-card.graphql. */
export type PracticeCard = {
  id: string;
  title: string;
  summary: string;
  catalogNumber: number;
  printedNumber: string;
  scope: string | null;
  territorialLevel: string;
  ongoing: boolean;
  anpalSupport: string;
  anpalAssistance: string | null;
  startYear: number | null;
  period: string | null;
  driver: string | null;
  objectives: string | null;
  activities: string | null;
  humanResources: string | null;
  results: string | null;
  outcomes: string | null;
  lessons: string | null;
  conclusions: string | null;
  transferability: string[];
  sourceStartLine: number;
  sourceEndLine: number;
  catalog: { id: string; title: string; publisher: string; year: number; asOf: string; source: string } | null;
  regionsConnection: Edges<{ nuts: string; name: string }>;
  cpisConnection: Edges<{ id: string; name: string }>;
  lepsConnection: Edges<{ code: string; name: string; nameEn: string }>;
  targetsConnection: Edges<Named>;
  stakeholdersConnection: Edges<Named & { kind: string }>;
  fundingConnection: Edges<{ id: string; name: string; kind: string }>;
  lawsConnection: Edges<{ id: string; title: string; year: number | null }>;
  toolsConnection: Edges<{ id: string; name: string }>;
  buildsOnConnection: Edges<{ id: string; title: string }>;
  inspiredConnection: Edges<{ id: string; title: string }>;
};

/** The heading of the page: title, summary, and what a reader looks for first. */
export function cardHeader(card: PracticeCard): HTMLElement {
  return h(
    "header",
    { class: "mb-4" },
    h("p", { class: "prassi-practice-id text-muted mb-1" }, card.id),
    h("h1", { class: "h2" }, card.title),
    h(
      "p",
      { class: "prassi-badges" },
      h(
        "span",
        { class: card.ongoing ? "badge bg-success" : "badge bg-secondary" },
        t(card.ongoing ? PAGE.ongoing : PAGE.ended),
      ),
      h("span", { class: "badge bg-primary" }, label(TERRITORIAL_LEVELS, card.territorialLevel, LANG)),
      card.regionsConnection.edges.map((edge) =>
        h("a", { class: "badge bg-primary prassi-badge-link", href: regionHref(edge.node.nuts) }, edge.node.name),
      ),
    ),
    h("p", { class: "lead" }, card.summary),
    card.transferability.length > 0 &&
      h(
        "p",
        {},
        h("span", { class: "fw-semibold me-2" }, `${t(PAGE.transferability)}:`),
        card.transferability.map((evidence) =>
          h("span", { class: "badge bg-success me-1" }, label(TRANSFERABILITY, evidence, LANG)),
        ),
      ),
  );
}

/** The rest of the card: its facts, its texts, and its links with their provenance. */
export function cardBody(card: PracticeCard): HTMLElement {
  const facts: Array<[string, string | null]> = [
    ["catalog", card.catalog ? `${card.catalog.title} (${card.catalog.publisher}, ${card.catalog.asOf})` : null],
    ["catalogNumber", String(card.catalogNumber)],
    ["printedNumber", card.printedNumber],
    ["startYear", card.startYear === null ? null : String(card.startYear)],
    ["period", card.period],
    ["scope", card.scope],
    ["territorialLevel", label(TERRITORIAL_LEVELS, card.territorialLevel, LANG)],
    ["ongoing", t(card.ongoing ? PAGE.stillOngoing : PAGE.notOngoing)],
    ["anpalSupport", label(ANPAL_SUPPORT, card.anpalSupport, LANG)],
    ["anpalAssistance", card.anpalAssistance],
  ];
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "card-heading" },
    h("h2", { id: "card-heading" }, t(PAGE.card)),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        { class: "col-lg-5" },
        h("h3", { class: "h4" }, t(PAGE.facts)),
        h(
          "dl",
          { class: "prassi-facts" },
          facts
            .filter(([, value]) => value !== null && value !== "")
            .flatMap(([key, value]) => [h("dt", {}, t(FACTS[key]!)), h("dd", {}, value)]),
          h("dt", {}, t(PAGE.sourceLines)),
          h(
            "dd",
            {},
            `${card.sourceStartLine}–${card.sourceEndLine}${card.catalog ? ` (${card.catalog.source})` : ""}`,
          ),
        ),
      ),
      h("div", { class: "col-lg-7" }, linkSections(card)),
    ),
    h("h3", { class: "h4 mt-4" }, t(PAGE.texts)),
    Object.entries(TEXTS).map(([key, title]) => {
      const text = card[key as keyof PracticeCard] as string | null;
      return text
        ? h(
            "section",
            { class: "prassi-card-text" },
            h("h4", { class: "h5" }, t(title)),
            text.split(/\n+/).map((paragraph) => h("p", {}, paragraph)),
          )
        : null;
    }),
  );
}

function linkSections(card: PracticeCard): HTMLElement {
  type Item = { text: string; link?: string; provenance: Provenance };
  const edges = <N>(connection: Edges<N>, item: (node: N) => Omit<Item, "provenance">): Item[] =>
    connection.edges.map((edge) => ({ ...item(edge.node), provenance: edge.properties }));
  const sections: Array<[string, Item[]]> = [
    ["regions", edges(card.regionsConnection, (node) => ({ text: node.name, link: regionHref(node.nuts) }))],
    ["cpis", edges(card.cpisConnection, (node) => ({ text: node.name }))],
    [
      "leps",
      edges(card.lepsConnection, (node) => ({
        text: `${node.code} · ${localName(node)}`,
        link: href("/", { lep: node.code }),
      })),
    ],
    [
      "targets",
      edges(card.targetsConnection, (node) => ({ text: localName(node), link: href("/", { target: node.id }) })),
    ],
    ["stakeholders", edges(card.stakeholdersConnection, (node) => ({ text: localName(node) }))],
    ["funding", edges(card.fundingConnection, (node) => ({ text: node.name }))],
    ["laws", edges(card.lawsConnection, (node) => ({ text: node.title }))],
    ["tools", edges(card.toolsConnection, (node) => ({ text: node.name }))],
  ];
  return h(
    "div",
    { class: "prassi-links" },
    h("h3", { class: "h4" }, t(PAGE.links)),
    h("p", { class: "small text-muted" }, t(PAGE.linksIntro)),
    sections.map(([key, items]) =>
      h(
        "section",
        { class: "mb-3" },
        h("h4", { class: "h6 mb-1" }, `${t(LINK_SECTIONS[key]!)} (${items.length})`),
        items.length === 0
          ? h("p", { class: "text-muted small" }, t(PAGE.none))
          : h(
              "ul",
              { class: "prassi-link-list" },
              items.map((item) =>
                h(
                  "li",
                  {},
                  item.link ? h("a", { href: item.link }, item.text) : item.text,
                  " ",
                  provenance(item.provenance),
                ),
              ),
            ),
      ),
    ),
  );
}

/** Where a link was read: "letto dal campo «Soggetti coinvolti», riga 412". */
export function provenance(read: Provenance): HTMLElement {
  const text =
    read.line === null
      ? t(PAGE.addedByEditor)
      : `${t(PAGE.readFrom)} «${label(CARD_FIELDS, read.field, LANG)}», ${t(PAGE.line)} ${read.line}`;
  return h(
    "span",
    { class: "prassi-provenance small text-muted", "data-field": read.field, "data-line": read.line ?? undefined },
    `(${text})`,
  );
}

/** What the practice builds on, and what builds on it. */
export function lineage(card: PracticeCard): HTMLElement {
  const list = (title: string, connection: Edges<{ id: string; title: string }>) =>
    connection.edges.length === 0
      ? null
      : h(
          "div",
          {},
          h("h3", { class: "h5" }, title),
          h(
            "ul",
            {},
            connection.edges.map((edge) =>
              h(
                "li",
                {},
                h("a", { href: practiceHref(edge.node.id) }, `${edge.node.id} · ${edge.node.title}`),
                " ",
                provenance(edge.properties),
              ),
            ),
          ),
        );
  const buildsOn = list(t(PAGE.buildsOn), card.buildsOnConnection);
  const inspired = list(t(PAGE.inspired), card.inspiredConnection);
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "lineage-heading" },
    h("h2", { id: "lineage-heading" }, t(PAGE.lineage)),
    (buildsOn ?? inspired) ? [buildsOn, inspired] : h("p", {}, t(PAGE.noLineage)),
  );
}
