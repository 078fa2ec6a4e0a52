/**
 * Graphs drawn with cytoscape (canvas 2D, so it works without WebGL; docs/front-end.md says why this library).
 * A drawing only draws: what its nodes are is listed in the page's text by the view that owns it, and the
 * container carries the accessible name (cytoscape's canvases are presentation).
 */
import cytoscape from "cytoscape";
import "../styles/graph.css";
import { kindColour, type NodeKind } from "./kinds";

export type GraphNode = {
  /** Unique in a drawing: `<kind>:<id>`. */
  key: string;
  /** The node's own id in the API (a practice's id, a LEP's code...). */
  id: string;
  kind: NodeKind;
  /** Short text drawn on the canvas (a practice's id, a LEP's code, a name cut short). */
  label: string;
  /** The node's full name in the page's language (practices: their titles). */
  name: string;
  /** The practice the drawing is about. */
  focus?: boolean;
  /** Links from the focus: the rings of the neighbourhood. */
  depth?: number;
};

export type GraphEdge = { source: string; target: string; link: string; label?: string };

export type Arrangement = "rings" | "chain";

export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
}

const SHAPES: Record<NodeKind, cytoscape.Css.NodeShape> = {
  practice: "round-rectangle",
  lep: "hexagon",
  target: "ellipse",
  stakeholder: "diamond",
  cpi: "triangle",
  region: "octagon",
  funding: "rhomboid",
  law: "rectangle",
  tool: "star",
};

/**
 * Cytoscape writes a <style> element into the page on its first drawing, unless an element with this id is already
 * there; the pages' CSP (style-src 'self') would block it and report a violation. Its one rule is in graph.css.
 */
function keepCytoscapeFromWritingStyles(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const marker = document.createElement("meta");
  marker.id = id;
  marker.name = "cytoscape-styles";
  marker.content = "graph.css";
  document.head.append(marker);
}

export class GraphDrawing {
  private readonly cy: cytoscape.Core;

  /** `onActivate` is called with a node's key when the reader clicks or taps it. `drawnMark` is a performance mark set once the first drawing is on screen. */
  constructor(
    container: HTMLElement,
    private readonly arrangement: Arrangement,
    options: { onActivate?: (key: string) => void; drawnMark?: string } = {},
  ) {
    keepCytoscapeFromWritingStyles();
    this.cy = cytoscape({
      container,
      style: graphStyle(arrangement),
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: arrangement === "chain",
      minZoom: 0.2,
      maxZoom: 2,
    });
    const { onActivate, drawnMark } = options;
    if (onActivate) this.cy.on("tap", "node", (event) => onActivate(event.target.id() as string));
    if (drawnMark) this.cy.one("render", () => void performance.mark(drawnMark));
  }

  has(key: string): boolean {
    return this.cy.getElementById(key).nonempty();
  }

  /** Adds what is not drawn yet, arranges the whole drawing again, and returns the nodes it added. */
  add(nodes: GraphNode[], edges: GraphEdge[]): GraphNode[] {
    const added = nodes.filter(
      (node, index) => !this.has(node.key) && nodes.findIndex((other) => other.key === node.key) === index,
    );
    this.cy.add(
      added.map((node) => ({
        group: "nodes" as const,
        data: {
          id: node.key,
          label: node.label,
          name: node.name,
          kind: node.kind,
          colour: kindColour(node.kind, node.focus),
          shape: SHAPES[node.kind],
          depth: node.depth ?? 0,
        },
        classes: node.focus ? "focus" : "",
      })),
    );
    const newEdges = edges.filter(
      (edge) =>
        this.has(edge.source) &&
        this.has(edge.target) &&
        this.cy.getElementById(edgeKey(edge)).empty() &&
        this.cy.getElementById(edgeKey({ ...edge, source: edge.target, target: edge.source })).empty(),
    );
    this.cy.add(
      newEdges.map((edge) => ({
        group: "edges" as const,
        data: { id: edgeKey(edge), source: edge.source, target: edge.target, link: edge.link, label: edge.label ?? "" },
        classes: edge.link === "SIMILAR" ? "similar" : "",
      })),
    );
    this.arrange();
    return added;
  }

  /** Marks a node as expanded (drawn with a ring). */
  markExpanded(key: string): void {
    this.cy.getElementById(key).addClass("expanded");
  }

  private arrange(): void {
    if (this.arrangement === "chain") {
      this.cy.nodes().forEach((node, index) => void node.position({ x: index * 190, y: index % 2 === 0 ? 0 : 40 }));
      this.cy.fit(undefined, 40);
      return;
    }
    this.cy
      .layout({
        name: "concentric",
        concentric: (node: cytoscape.NodeSingular) => 10 - Number(node.data("depth")),
        levelWidth: () => 1,
        minNodeSpacing: 18,
        startAngle: (3 / 2) * Math.PI,
        animate: false,
        padding: 24,
      })
      .run();
  }
}

function edgeKey(edge: GraphEdge): string {
  return `${edge.source}->${edge.target}`;
}

function graphStyle(arrangement: Arrangement): cytoscape.StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(colour)",
        shape: "data(shape)" as unknown as cytoscape.Css.NodeShape,
        label: "data(label)",
        width: 26,
        height: 26,
        color: "#17324d",
        "font-family": "Titillium Web, Geneva, Tahoma, sans-serif",
        "font-size": arrangement === "chain" ? 13 : 11,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": arrangement === "chain" ? "wrap" : "ellipsis",
        "text-max-width": arrangement === "chain" ? "170px" : "110px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
      },
    },
    { selector: "node.focus", style: { width: 44, height: 44, "font-weight": 600, "font-size": 13 } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#17324d" } },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": "#8aa0b8",
        "curve-style": "straight",
        label: "data(label)",
        "font-size": 11,
        color: "#17324d",
        "font-family": "Titillium Web, Geneva, Tahoma, sans-serif",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-rotation": "autorotate",
      },
    },
    { selector: "edge.similar", style: { "line-style": "dashed", "line-color": "#0066cc" } },
  ];
}
