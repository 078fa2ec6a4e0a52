/**
 * The neighbourhood of a practice as a graph: the practice, its LEP services, target groups, stakeholders, job
 * centres and most similar practices. Every drawn node is also an item of a list in the page's text; clicking a
 * node, or its list item's button, expands it: a practice shows its own neighbourhood
 * (docs/queries/practice-neighbourhood.graphql), any other node the practices linked to it
 * (docs/queries/practices-linked.graphql), and both the drawing and the list grow.
 */
import { askDocumented } from "../../api";
import { h, replace, truncate } from "../../dom";
import { readableError } from "../../errors";
import { GraphDrawing, nodeKey, type GraphEdge, type GraphNode } from "../../graph/drawing";
import { LINK_OF_KIND, NODE_KINDS, type NodeKind } from "../../graph/kinds";
import { GRAPH_DRAWN_MARK } from "../../graph/marks";
import { localName, practiceHref, t } from "../../i18n";

const LABELS = {
  heading: { it: "Il vicinato nel grafo", en: "Its neighbourhood in the graph" },
  intro: {
    it: "La buona prassi al centro, i suoi servizi (LEP), destinatari, soggetti coinvolti, centri per l'impiego e le buone prassi più simili. Fare clic su un nodo, o usare il pulsante «Espandi» nell'elenco, per aggiungere i suoi collegamenti.",
    en: "The practice in the middle, its services (LEP), target groups, stakeholders, job centres and most similar practices. Click a node, or use the “Expand” button in the list, to add its links.",
  },
  graphName: { it: "Grafo del vicinato della buona prassi", en: "Graph of the practice's neighbourhood" },
  listHeading: { it: "Nodi del grafo", en: "Nodes of the graph" },
  expand: { it: "Espandi", en: "Expand" },
  expanding: { it: "Espansione…", en: "Expanding…" },
  expanded: { it: "espanso", en: "expanded" },
  added: { it: "nodi aggiunti", en: "nodes added" },
  nothingAdded: { it: "nessun nodo nuovo", en: "no new node" },
  loading: { it: "Disegno del grafo…", en: "Drawing the graph…" },
};

type Named = { id: string; name: string; nameEn?: string | null };
export type Neighbourhood = {
  practices: Array<{
    id: string;
    title: string;
    leps: Array<{ code: string; name: string; nameEn: string }>;
    targets: Named[];
    stakeholders: Named[];
    cpis: Array<{ id: string; name: string }>;
    similar: Array<{ id: string; title: string }>;
  }>;
};
type Linked = { practices: Array<{ id: string; title: string }> };

/** The variable of practices-linked.graphql that asks for the practices linked to a node of each kind. */
const LINKED_VARIABLE: Partial<Record<NodeKind, string>> = {
  lep: "lep",
  target: "target",
  stakeholder: "stakeholder",
  cpi: "cpi",
};
const NO_LINKS = { lep: [], target: [], stakeholder: [], cpi: [] };

function practiceNode(practice: { id: string; title: string }, depth: number, focus = false): GraphNode {
  return {
    key: nodeKey("practice", practice.id),
    id: practice.id,
    kind: "practice",
    label: practice.id,
    name: practice.title,
    depth,
    focus,
  };
}

/** A node linked to a practice, its name cut short on the canvas. */
function linkedNode(kind: NodeKind, id: string, name: string, depth: number, label = truncate(name, 28)): GraphNode {
  return { key: nodeKey(kind, id), id, kind, label, name, depth };
}

const FIRST_SIMILAR = 5;
/** The practices an expanded LEP, target group, stakeholder or job centre adds at most. */
export const LINKED_LIMIT = 12;

/** Asks for a practice's neighbourhood; the page asks for the first one at once, beside the card. */
export function askNeighbourhood(id: string, similar = FIRST_SIMILAR): Promise<Neighbourhood> {
  return askDocumented<Neighbourhood>("practice-neighbourhood", { id, similar });
}

/** The section; `asked` is the focus's neighbourhood already asked for (askNeighbourhood). */
export function neighbourhoodSection(
  focusId: string,
  asked?: Promise<Neighbourhood>,
): { section: HTMLElement; start: () => Promise<void> } {
  const canvas = h("div", {
    class: "prassi-graph",
    id: "neighbourhood-graph",
    role: "img",
    "aria-label": t(LABELS.graphName),
    "aria-describedby": "neighbourhood-nodes-heading",
  });
  const list = h("ul", {
    class: "prassi-node-list",
    id: "neighbourhood-nodes",
    "aria-labelledby": "neighbourhood-nodes-heading",
  });
  const status = h("p", { class: "small text-muted", role: "status", id: "neighbourhood-status" });
  const section = h(
    "section",
    { class: "mt-5", "aria-labelledby": "neighbourhood-heading" },
    h("h2", { id: "neighbourhood-heading" }, t(LABELS.heading)),
    h("p", { class: "small text-muted" }, t(LABELS.intro)),
    h(
      "div",
      { class: "row" },
      h("div", { class: "col-lg-8 mb-3" }, canvas),
      h(
        "div",
        { class: "col-lg-4" },
        h(
          "h3",
          { class: "h5", id: "neighbourhood-nodes-heading" },
          t(LABELS.listHeading),
          " ",
          h("span", { class: "badge bg-secondary", id: "neighbourhood-count" }, "0"),
        ),
        list,
        status,
      ),
    ),
  );
  const byKey = new Map<string, GraphNode>();
  const items = new Map<string, HTMLLIElement>();
  const expanded = new Set<string>();
  let drawing: GraphDrawing | undefined;

  /** Draws and lists what is new; `highlight` marks the new list items until the next expansion. */
  const addNodes = (nodes: GraphNode[], edges: GraphEdge[], highlight: boolean): GraphNode[] => {
    const added = drawing!.add(nodes, edges);
    for (const item of list.querySelectorAll(".prassi-new")) item.classList.remove("prassi-new");
    for (const node of added) {
      byKey.set(node.key, node);
      const item = listItem(node, highlight);
      items.set(node.key, item);
      list.append(item);
    }
    replace(section.querySelector("#neighbourhood-count")!, String(byKey.size));
    return added;
  };

  const listItem = (node: GraphNode, isNew: boolean): HTMLLIElement => {
    const button = h(
      "button",
      { type: "button", class: "btn btn-outline-primary btn-xs", "aria-label": `${t(LABELS.expand)}: ${node.name}` },
      t(LABELS.expand),
    );
    button.addEventListener("click", () => void expand(node.key));
    const name =
      node.kind === "practice" ? h("a", { href: practiceHref(node.id) }, `${node.id} · ${node.name}`) : node.name;
    return h(
      "li",
      { "data-node": node.key, "data-kind": node.kind, class: isNew ? "prassi-new" : undefined },
      h("span", { class: `badge prassi-kind prassi-kind-${node.kind}` }, t(NODE_KINDS[node.kind])),
      h("span", { class: "prassi-node-name" }, name),
      expanded.has(node.key) ? h("span", { class: "small text-muted" }, t(LABELS.expanded)) : button,
    );
  };

  const markExpanded = (key: string) => {
    expanded.add(key);
    drawing!.markExpanded(key);
    const item = items.get(key);
    const button = item?.querySelector("button");
    if (button) button.replaceWith(h("span", { class: "small text-muted" }, t(LABELS.expanded)));
  };

  const neighbourhoodOf = async (
    id: string,
    depth: number,
    similar: number,
    asked?: Promise<Neighbourhood>,
  ): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> => {
    const data = await (asked ?? askNeighbourhood(id, similar));
    const practice = data.practices[0];
    if (!practice) return { nodes: [], edges: [] };
    const centre = practiceNode(practice, depth - 1, depth === 1);
    const linked: GraphNode[] = [
      ...practice.leps.map((lep) => linkedNode("lep", lep.code, `${lep.code} · ${localName(lep)}`, depth, lep.code)),
      ...practice.targets.map((target) => linkedNode("target", target.id, localName(target), depth)),
      ...practice.stakeholders.map((actor) => linkedNode("stakeholder", actor.id, localName(actor), depth)),
      ...practice.cpis.map((cpi) => linkedNode("cpi", cpi.id, cpi.name, depth)),
      ...practice.similar.map((other) => practiceNode(other, depth)),
    ];
    return {
      nodes: [centre, ...linked],
      edges: linked.map((node) => ({ source: centre.key, target: node.key, link: LINK_OF_KIND[node.kind] })),
    };
  };

  const linkedTo = async (node: GraphNode): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> => {
    const variable = LINKED_VARIABLE[node.kind];
    if (!variable) return { nodes: [], edges: [] };
    // Every list is sent, empty but this one: the operation's defaults (lep: ["M"]) are an analyst's example.
    const data = await askDocumented<Linked>("practices-linked", {
      ...NO_LINKS,
      [variable]: [node.id],
      limit: LINKED_LIMIT,
    });
    const depth = (node.depth ?? 0) + 1;
    const practices = data.practices.map((practice) => practiceNode(practice, depth));
    return {
      nodes: practices,
      edges: practices.map((practice) => ({ source: practice.key, target: node.key, link: LINK_OF_KIND[node.kind] })),
    };
  };

  const expand = async (key: string): Promise<void> => {
    const node = byKey.get(key);
    if (!node || expanded.has(key)) return;
    const button = items.get(key)?.querySelector("button");
    button?.setAttribute("disabled", "");
    if (button) replace(button, t(LABELS.expanding));
    try {
      const found =
        node.kind === "practice" ? await neighbourhoodOf(node.id, (node.depth ?? 0) + 1, 3) : await linkedTo(node);
      // An expanded practice keeps its place in the rings: only what it brings is new.
      const added = addNodes(
        found.nodes.filter((other) => other.key !== key),
        found.edges,
        true,
      );
      markExpanded(key);
      replace(
        status,
        `${node.name}: ${added.length > 0 ? `${added.length} ${t(LABELS.added)}` : t(LABELS.nothingAdded)}`,
      );
    } catch (error) {
      button?.removeAttribute("disabled");
      if (button) replace(button, t(LABELS.expand));
      replace(status, readableError(error));
    }
  };

  const draw = async (): Promise<void> => {
    replace(status, t(LABELS.loading));
    const first = await neighbourhoodOf(focusId, 1, FIRST_SIMILAR, asked);
    drawing = new GraphDrawing(canvas, "rings", { onActivate: (key) => void expand(key), drawnMark: GRAPH_DRAWN_MARK });
    addNodes(first.nodes, first.edges, false);
    markExpanded(nodeKey("practice", focusId));
    replace(status, "");
    section.setAttribute("data-drawn", "true");
  };
  // Started once the section is in the page: cytoscape measures its container.
  const start = () => draw().catch((error: unknown) => replace(status, readableError(error)));
  return { section, start };
}
