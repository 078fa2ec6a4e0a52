/**
 * /practices/{id}: the card of a practice (docs/queries/practice-card.graphql), its neighbourhood drawn as a graph,
 * its similar practices with their reasons under a lens, and its lineage. The card comes first; the drawing and
 * the similar practices are asked for at once after it, each filling its own section.
 */
import "../styles/pages.css";
import { ApiError, askApi } from "../../shared/api";
import { documentedQuery } from "../../shared/queries";
import { h, replace } from "../dom";
import { href, localName, t } from "../i18n";
import { cardBody, cardHeader, lineage, type PracticeCard } from "./practice/card";
import { PAGE } from "./practice/labels";
import { askNeighbourhood, neighbourhoodSection } from "./practice/neighbourhood";
import { LENS_VALUES, similarSection, type Lens } from "./practice/similar";

const CARD = documentedQuery("practice-card");

export async function render(main: HTMLElement, id: string): Promise<void> {
  // The neighbourhood is asked for beside the card, not after it: the drawing is what takes longest to appear.
  const neighbourhoodAsked = askNeighbourhood(id);
  neighbourhoodAsked.catch(() => undefined);
  const data = await askApi<{ practices: PracticeCard[] }>("/graphql", CARD, { id });
  const card = data.practices[0];
  if (!card) throw new ApiError("answer", `${t(PAGE.notFound)} «${id}».`, "NOT_FOUND");
  document.title = `${card.id} · ${card.title} · Prassi`;

  const asked = new URLSearchParams(location.search).get("lens");
  const lens: Lens = LENS_VALUES.find((value) => value === asked) ?? "BALANCED";
  // The reasons name what two practices share in Italian; the shared items are this practice's links, named here in the page's language.
  const names = new Map<string, string>([
    ...card.lepsConnection.edges.map((edge): [string, string] => [edge.node.code, localName(edge.node)]),
    ...card.targetsConnection.edges.map((edge): [string, string] => [edge.node.id, localName(edge.node)]),
    ...card.stakeholdersConnection.edges.map((edge): [string, string] => [edge.node.id, localName(edge.node)]),
  ]);
  const neighbourhood = neighbourhoodSection(card.id, neighbourhoodAsked);
  replace(
    main,
    h(
      "nav",
      { "aria-label": t(PAGE.breadcrumb), class: "breadcrumb-container" },
      h(
        "ol",
        { class: "breadcrumb" },
        h("li", { class: "breadcrumb-item" }, h("a", { href: href("/") }, t(PAGE.home)), h("span", { class: "separator" }, "/")),
        h("li", { class: "breadcrumb-item active", "aria-current": "page" }, card.id),
      ),
    ),
    h("article", { class: "prassi-practice" }, cardHeader(card), neighbourhood.section, similarSection(card.id, lens, names), lineage(card), cardBody(card)),
  );
  await neighbourhood.start();
}
