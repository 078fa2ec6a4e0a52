/**
 * The kinds of nodes the pages draw and the links between them, with their names in both languages. Their colours
 * are CSS custom properties (styles/graph.css, `--prassi-kind-<kind>`), read by the canvas too, so the legend,
 * the badges of the text lists and the drawn nodes cannot disagree.
 */
import type { Text } from "../i18n";

export type NodeKind = "practice" | "lep" | "target" | "stakeholder" | "cpi" | "region" | "funding" | "law" | "tool";

export const NODE_KINDS: Record<NodeKind, Text> = {
  practice: { it: "Buona prassi", en: "Practice" },
  lep: { it: "LEP", en: "LEP" },
  target: { it: "Destinatari", en: "Target group" },
  stakeholder: { it: "Soggetto coinvolto", en: "Stakeholder" },
  cpi: { it: "Centro per l'impiego", en: "Job centre" },
  region: { it: "Regione", en: "Region" },
  funding: { it: "Finanziamento", en: "Funding" },
  law: { it: "Norma", en: "Law" },
  tool: { it: "Strumento", en: "Tool" },
};

/** The kinds of `PathStep.kind` (PathNodeKind in schema/discovery.graphql). */
export const PATH_NODE_KINDS: Record<string, NodeKind> = {
  PRACTICE: "practice",
  LEP: "lep",
  TARGET_GROUP: "target",
  STAKEHOLDER: "stakeholder",
  FUNDING_SOURCE: "funding",
  REGION: "region",
  CPI: "cpi",
  LAW: "law",
  TOOL: "tool",
};

/** The relationships between a practice and what it is linked to (PathLink in schema/discovery.graphql). */
export const LINKS: Record<string, Text> = {
  IN_REGION: { it: "si svolge in", en: "runs in" },
  DELIVERED_AT: { it: "erogata presso", en: "delivered at" },
  IMPLEMENTS: { it: "attua", en: "implements" },
  PART_OF: { it: "parte di", en: "part of" },
  TARGETS: { it: "si rivolge a", en: "reaches" },
  INVOLVES: { it: "coinvolge", en: "involves" },
  FUNDED_BY: { it: "finanziata da", en: "funded by" },
  REFERENCES: { it: "richiama", en: "refers to" },
  USES: { it: "usa", en: "uses" },
  BUILDS_ON: { it: "si basa su", en: "builds on" },
  SIMILAR: { it: "simile a", en: "similar to" },
};

/** The link that joins a practice to a node of each kind. */
export const LINK_OF_KIND: Record<NodeKind, string> = {
  practice: "SIMILAR",
  lep: "IMPLEMENTS",
  target: "TARGETS",
  stakeholder: "INVOLVES",
  cpi: "DELIVERED_AT",
  region: "IN_REGION",
  funding: "FUNDED_BY",
  law: "REFERENCES",
  tool: "USES",
};

/** The colour of a kind, as styles/graph.css declares it. */
export function kindColour(kind: NodeKind, focus = false): string {
  const name = focus ? "--prassi-kind-focus" : `--prassi-kind-${kind}`;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#0066cc";
}
