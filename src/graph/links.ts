/**
 * The relationships of the graph. A practice's links, each to one node type, most stated by a card with their
 * provenance (the field and line, or the editor who added it) and each feeding one kind of similarity; the links
 * between the other nodes; and the derived similarity edges. tests/graph/model.test.ts holds this against the
 * `@relationship`s of schema/*.graphql.
 */
import { NODE_TYPES, type NodeTypeName } from "./nodes";
import type { SimilarityKind } from "./similarity";

/** Every relationship type, by name: Cypher interpolates these constants, never input. */
export const REL = {
  LISTED_IN: "LISTED_IN",
  IN_REGION: "IN_REGION",
  DELIVERED_AT: "DELIVERED_AT",
  IMPLEMENTS: "IMPLEMENTS",
  TARGETS: "TARGETS",
  INVOLVES: "INVOLVES",
  FUNDED_BY: "FUNDED_BY",
  REFERENCES: "REFERENCES",
  USES: "USES",
  BUILDS_ON: "BUILDS_ON",
  PART_OF: "PART_OF",
  SIMILAR_TO: "SIMILAR_TO",
} as const;
export type RelationshipType = (typeof REL)[keyof typeof REL];

export type PracticeLinkSpec = {
  readonly type: RelationshipType;
  readonly target: NodeTypeName;
  /** The Practice field that lists the targets (`@relationship(direction: OUT)`). */
  readonly field: string;
  /** The target type's field listing the practices (`@relationship(direction: IN)`). */
  readonly inverse: string;
  /** The kind of similarity the link's targets are items of; null: similarity does not read it. */
  readonly feeds: SimilarityKind | null;
  /**
   * Whether a card states it: the import writes it from the card with its field and line (the `Provenance`
   * properties), and a path may follow it. The catalogue listing is the load's own and explains no connection.
   */
  readonly stated: boolean;
};

/** A practice's links, in the order the load writes them. */
export const PRACTICE_LINKS = [
  {
    type: REL.LISTED_IN,
    target: "Catalog",
    field: "catalog",
    inverse: "practices",
    feeds: null,
    stated: false,
  },
  {
    type: REL.IN_REGION,
    target: "Region",
    field: "regions",
    inverse: "practices",
    feeds: "REGION",
    stated: true,
  },
  {
    type: REL.IMPLEMENTS,
    target: "Lep",
    field: "leps",
    inverse: "practices",
    feeds: "LEP",
    stated: true,
  },
  {
    type: REL.INVOLVES,
    target: "Stakeholder",
    field: "stakeholders",
    inverse: "practices",
    feeds: "STAKEHOLDER",
    stated: true,
  },
  {
    type: REL.TARGETS,
    target: "TargetGroup",
    field: "targets",
    inverse: "practices",
    feeds: "TARGET",
    stated: true,
  },
  {
    type: REL.FUNDED_BY,
    target: "FundingSource",
    field: "funding",
    inverse: "practices",
    feeds: "FUNDING",
    stated: true,
  },
  {
    type: REL.DELIVERED_AT,
    target: "Cpi",
    field: "cpis",
    inverse: "practices",
    feeds: "CPI",
    stated: true,
  },
  {
    type: REL.REFERENCES,
    target: "Law",
    field: "laws",
    inverse: "practices",
    feeds: "LAW",
    stated: true,
  },
  {
    type: REL.USES,
    target: "Tool",
    field: "tools",
    inverse: "practices",
    feeds: "TOOL",
    stated: true,
  },
  {
    type: REL.BUILDS_ON,
    target: "Practice",
    field: "buildsOn",
    inverse: "inspired",
    feeds: "LINEAGE",
    stated: true,
  },
] as const satisfies readonly PracticeLinkSpec[];

export type PracticeLink = (typeof PRACTICE_LINKS)[number];
/** The links a card states, with their provenance. */
export type StatedLink = Extract<PracticeLink, { stated: true }>;
export type StatedLinkType = StatedLink["type"];
/** The node types of the vocabulary: the load MERGEs their nodes with the properties a practice's entities give. */
export type VocabularyTypeName = {
  [N in NodeTypeName]: (typeof NODE_TYPES)[N]["origin"] extends "vocabulary" ? N : never;
}[NodeTypeName];
/** The stated links whose target the load MERGEs from the practice's entities: those leading to the vocabulary. */
export type MergedLinkType = Extract<PracticeLink, { target: VocabularyTypeName }>["type"];

export const STATED_LINKS: readonly StatedLink[] = PRACTICE_LINKS.filter((link): link is StatedLink => link.stated);

/**
 * Whether the load MERGEs the node a link leads to, with the properties the practice's entities give it: a
 * vocabulary node (NODE_TYPES' origin). Otherwise the node must be there: reference data every import writes, or a
 * practice.
 */
export function mergesTarget(link: Pick<PracticeLinkSpec, "target">): boolean {
  return NODE_TYPES[link.target].origin === "vocabulary";
}

/** The practice link feeding a kind of similarity (one each: tests/graph/model.test.ts). */
export function linkFeeding(kind: SimilarityKind): PracticeLink {
  const link = PRACTICE_LINKS.find((candidate) => candidate.feeds === kind);
  if (!link) throw new Error(`the graph model has no link feeding ${kind}`);
  return link;
}

export type NodeLinkSpec = {
  readonly type: RelationshipType;
  readonly from: NodeTypeName;
  readonly to: NodeTypeName;
  /** The field of `from` holding `to` (OUT), and of `to` holding the `from`s (IN). */
  readonly field: string;
  readonly inverse: string;
};

/**
 * Links between nodes other than a practice's: one per node at most, written by the load from reference data (a LEP
 * sub-code's parent) or the vocabulary (a job centre's region, a stakeholder's region and national organisation).
 */
export const NODE_LINKS = [
  { type: REL.PART_OF, from: "Lep", to: "Lep", field: "parent", inverse: "parts" },
  { type: REL.IN_REGION, from: "Cpi", to: "Region", field: "region", inverse: "cpis" },
  { type: REL.IN_REGION, from: "Stakeholder", to: "Region", field: "region", inverse: "stakeholders" },
  { type: REL.PART_OF, from: "Stakeholder", to: "Stakeholder", field: "partOf", inverse: "branches" },
] as const satisfies readonly NodeLinkSpec[];

/**
 * Derived edges, rewritten by the similarity code only (src/similarity/store.ts): in no GraphQL type, no export, no
 * path.
 */
export const DERIVED_LINKS = [{ type: REL.SIMILAR_TO, from: "Practice", to: "Practice" }] as const;

/** The relationship types a path may follow: what a card states and the links between the nodes it names. */
export type PathLinkType = StatedLinkType | (typeof NODE_LINKS)[number]["type"];

/**
 * The relationships a path between two practices may follow (the GraphQL enum `PathLink`): what a card states and
 * the links between the nodes it names. Catalogue membership and similarity connect everything and explain nothing.
 */
export const PATH_LINKS: readonly PathLinkType[] = [
  ...new Set<PathLinkType>([...STATED_LINKS.map((link) => link.type), ...NODE_LINKS.map((link) => link.type)]),
];

/** The node types a path may step on: practices, what they state links to, and what those nodes link to. */
export type PathNodeType =
  "Practice" | StatedLink["target"] | (typeof NODE_LINKS)[number]["from"] | (typeof NODE_LINKS)[number]["to"];
/** How a path's step calls its node's type (the GraphQL enum `PathNodeKind`). */
export type PathNodeKind = (typeof NODE_TYPES)[PathNodeType]["kind"];
