/**
 * /practices/{id}: the card of a practice (docs/queries/practice-card.graphql), its neighbourhood drawn as a graph,
 * its similar practices with their reasons under a lens, and its lineage. The card comes first; the drawing and
 * the similar practices are asked for at once after it, each filling its own section.
 */
import "../styles/pages.css";
import { ApiError } from "../../shared/api";
import { isLens } from "../../shared/lenses";
import { askDocumented } from "../api";
import { h } from "../dom";
import { href, localName, t } from "../i18n";
import { showView } from "../loading";
import { showFailure } from "./failure";
import { cardBody, cardHeader, lineage, type PracticeCard } from "./practice/card";
import { PAGE } from "./practice/labels";
import { askNeighbourhood, neighbourhoodSection } from "./practice/neighbourhood";
import { similarSection } from "./practice/similar";

export async function render(main: HTMLElement, id: string): Promise<void> {
  // The neighbourhood is asked for beside the card, not after it: the drawing is what takes longest to appear.
  const neighbourhoodAsked = askNeighbourhood(id);
  neighbourhoodAsked.catch(() => undefined);
  const missing = `${t(PAGE.notFound)} «${id}».`;
  let card: PracticeCard | undefined;
  try {
    card = (await askDocumented<{ practices: PracticeCard[] }>("practice-card", { id })).practices[0];
  } catch (error) {
    return showFailure(main, error, missing);
  }
  if (!card) return showFailure(main, new ApiError("answer", `no practice has id '${id}'`, "NOT_FOUND"), missing);
  document.title = `${card.id} · ${card.title} · Prassi`;

  const asked = new URLSearchParams(location.search).get("lens") ?? "";
  const lens = isLens(asked) ? asked : "BALANCED";
  // The reasons name what two practices share in Italian; the shared items are this practice's links, named here in the page's language.
  const names = new Map<string, string>([
    ...card.lepsConnection.edges.map((edge): [string, string] => [edge.node.code, localName(edge.node)]),
    ...card.targetsConnection.edges.map((edge): [string, string] => [edge.node.id, localName(edge.node)]),
    ...card.stakeholdersConnection.edges.map((edge): [string, string] => [edge.node.id, localName(edge.node)]),
  ]);
  const neighbourhood = neighbourhoodSection(card.id, neighbourhoodAsked);
  showView(
    main,
    h(
      "nav",
      { "aria-label": t(PAGE.breadcrumb), class: "breadcrumb-container" },
      h(
        "ol",
        { class: "breadcrumb" },
        h(
          "li",
          { class: "breadcrumb-item" },
          h("a", { href: href("/") }, t(PAGE.home)),
          h("span", { class: "separator" }, "/"),
        ),
        h("li", { class: "breadcrumb-item active", "aria-current": "page" }, card.id),
      ),
    ),
    h(
      "article",
      { class: "prassi-practice" },
      cardHeader(card),
      neighbourhood.section,
      similarSection(card.id, lens, names),
      lineage(card),
      cardBody(card),
    ),
  );
  await neighbourhood.start();
}
