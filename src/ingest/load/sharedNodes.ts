/**
 * The nodes practices share, as a load writes them: the regions and LEP codes (reference data, seed/regions.json and
 * seed/leps.json), the catalogue, and the stakeholders, target groups, funding sources, job centres, laws and tools of
 * the vocabulary, each with the properties the load sets on it (null removes one); and the links such a node has to
 * one other node only (a LEP sub-code PART_OF its code, a job centre IN_REGION). The loader writes through this
 * description and its diff compares through it (diffShared.ts), so that what is reported as overwritten is what is
 * written.
 */
import { NODE_LINKS, NODE_TYPES, type NodeLinkSpec } from "../../graph";
import { LEPS } from "../../reference/lep";
import { REGIONS } from "../../reference/regions";
import type { NormalizedCatalogue } from "../catalogue";
import { LINKS } from "../practiceGraph";

/** The nodes of one label, each under the value of its key property. */
export type SharedNodes = {
  label: string;
  key: string;
  nodes: Array<{ key: string; properties: Record<string, unknown> }>;
};

/** Links of one type, from nodes that have one such link only, each given by the keys of its two ends. */
export type SharedLinks = {
  type: string;
  from: { label: string; key: string };
  to: { label: string; key: string };
  links: Array<{ from: string; to: string }>;
};

/** The regions and LEP codes every import writes. */
export function referenceNodes(): SharedNodes[] {
  return [
    {
      ...labelAndKey("Region"),
      nodes: REGIONS.map(({ nuts, name, istat }) => ({ key: nuts, properties: { name, istat } })),
    },
    {
      ...labelAndKey("Lep"),
      nodes: LEPS.map(({ code, name, nameEn, group }) => ({ key: code, properties: { name, nameEn, group } })),
    },
  ];
}

export function referenceLinks(): SharedLinks[] {
  const parts = LEPS.flatMap((lep) => (lep.parent ? [{ from: lep.code, to: lep.parent }] : []));
  return [{ ...ends(nodeLink("Lep", "parent")), links: parts }];
}

/** The catalogue's node and the vocabulary nodes its practices link to, with the properties the vocabulary gives them. */
export function catalogueNodes(catalogue: NormalizedCatalogue): SharedNodes[] {
  const { id, title, publisher, year, asOf, source } = catalogue.catalog;
  const catalog = {
    ...labelAndKey("Catalog"),
    nodes: [{ key: id, properties: { title, publisher: publisher ?? null, year, asOf, source } }],
  };
  const entities = LINKS.filter((spec) => spec.entities).map((spec) => {
    const nodes = new Map(
      catalogue.practices
        .flatMap((practice) => spec.read(practice))
        .map((link) => [link.key, { key: link.key, properties: link.properties }]),
    );
    return { label: spec.label, key: spec.key, nodes: [...nodes.values()] };
  });
  return [catalog, ...entities];
}

/**
 * Each job centre's region, from the vocabulary (not the card), or the gazetteer for a provisional one; each
 * stakeholder's region where its place is known; each local branch's national organisation (PART_OF).
 */
export function catalogueLinks(catalogue: NormalizedCatalogue): SharedLinks[] {
  const { practices } = catalogue;
  const cpiRegions = new Map(practices.flatMap((practice) => practice.cpis.map((c) => [c.id, c.region] as const)));
  const stakeholders = practices.flatMap((practice) => practice.stakeholders);
  const stakeholderRegions = new Map(stakeholders.flatMap((s) => (s.region ? [[s.id, s.region] as const] : [])));
  const branches = new Map(stakeholders.flatMap((s) => (s.partOf ? [[s.id, s.partOf] as const] : [])));
  const links = (pairs: Map<string, string>) => [...pairs].map(([from, to]) => ({ from, to }));
  return [
    { ...ends(nodeLink("Cpi", "region")), links: links(cpiRegions) },
    { ...ends(nodeLink("Stakeholder", "region")), links: links(stakeholderRegions) },
    { ...ends(nodeLink("Stakeholder", "partOf")), links: links(branches) },
  ];
}

function labelAndKey(type: keyof typeof NODE_TYPES): { label: string; key: string } {
  return { label: NODE_TYPES[type].label, key: NODE_TYPES[type].key };
}

type NodeLink = (typeof NODE_LINKS)[number];

/** The graph model's link between two other nodes, by its source type and GraphQL field. */
function nodeLink<F extends NodeLink["from"]>(from: F, field: Extract<NodeLink, { from: F }>["field"]): NodeLinkSpec {
  const link = NODE_LINKS.find((candidate) => candidate.from === from && candidate.field === field);
  if (!link) throw new Error(`the graph model has no link ${from}.${field}`);
  return link;
}

function ends(link: NodeLinkSpec): Omit<SharedLinks, "links"> {
  return { type: link.type, from: labelAndKey(link.from), to: labelAndKey(link.to) };
}
