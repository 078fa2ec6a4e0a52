/**
 * The node types of the graph: for each, its Neo4j label, the property that keys it (a uniqueness constraint in
 * cypher/schema.cypher), the property that names it, how the API names it (its GraphQL type, the generated list
 * query, the page limit the type's `@limit` sets, the kind an error or a path step calls it) and where its nodes come
 * from. tests/graph/model.test.ts holds this against schema/*.graphql and cypher/schema.cypher.
 */

/**
 * Where a type's nodes come from, as a load writes them: a catalogue's own (its node and its practices), reference
 * data every import writes (seed/regions.json, seed/leps.json), or the vocabulary nodes its practices' entities
 * carry (seed/vocabulary/, or provisional nodes read from a card), which the load MERGEs on their key.
 */
export type NodeOrigin = "catalogue" | "reference" | "vocabulary";

export type NodeTypeSpec = {
  /** The Neo4j label; the GraphQL type has the same name. */
  readonly label: string;
  /** The property every node of the type is found by: unique, an `ID!` in the schema. */
  readonly key: string;
  /** The property a step of a path, a shared item or a list shows. */
  readonly name: string;
  /** The generated query listing nodes of the type (`practices`), and its connection (`practicesConnection`). */
  readonly list: string;
  /** The type's `@limit`: page size when none is asked, and the most one page may hold. */
  readonly limit: { readonly default: number; readonly max: number };
  /** How the API calls a node of the type (`NotFoundError`'s kind, the `PathNodeKind` of a path step). */
  readonly kind: string;
  readonly origin: NodeOrigin;
};

export const NODE_TYPES = {
  Catalog: {
    label: "Catalog",
    key: "id",
    name: "title",
    list: "catalogs",
    limit: { default: 50, max: 200 },
    kind: "CATALOG",
    origin: "catalogue",
  },
  Practice: {
    label: "Practice",
    key: "id",
    name: "title",
    list: "practices",
    limit: { default: 20, max: 100 },
    kind: "PRACTICE",
    origin: "catalogue",
  },
  Region: {
    label: "Region",
    key: "nuts",
    name: "name",
    list: "regions",
    limit: { default: 50, max: 200 },
    kind: "REGION",
    origin: "reference",
  },
  Cpi: {
    label: "Cpi",
    key: "id",
    name: "name",
    list: "cpis",
    limit: { default: 50, max: 200 },
    kind: "CPI",
    origin: "vocabulary",
  },
  Lep: {
    label: "Lep",
    key: "code",
    name: "name",
    list: "leps",
    limit: { default: 50, max: 200 },
    kind: "LEP",
    origin: "reference",
  },
  TargetGroup: {
    label: "TargetGroup",
    key: "id",
    name: "name",
    list: "targetGroups",
    limit: { default: 50, max: 200 },
    kind: "TARGET_GROUP",
    origin: "vocabulary",
  },
  Stakeholder: {
    label: "Stakeholder",
    key: "id",
    name: "name",
    list: "stakeholders",
    limit: { default: 50, max: 200 },
    kind: "STAKEHOLDER",
    origin: "vocabulary",
  },
  FundingSource: {
    label: "FundingSource",
    key: "id",
    name: "name",
    list: "fundingSources",
    limit: { default: 50, max: 200 },
    kind: "FUNDING_SOURCE",
    origin: "vocabulary",
  },
  Law: {
    label: "Law",
    key: "id",
    name: "title",
    list: "laws",
    limit: { default: 50, max: 200 },
    kind: "LAW",
    origin: "vocabulary",
  },
  Tool: {
    label: "Tool",
    key: "id",
    name: "name",
    list: "tools",
    limit: { default: 50, max: 200 },
    kind: "TOOL",
    origin: "vocabulary",
  },
} as const satisfies Record<string, NodeTypeSpec>;

export type NodeTypeName = keyof typeof NODE_TYPES;
export type NodeKind = (typeof NODE_TYPES)[NodeTypeName]["kind"];

export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES) as NodeTypeName[];

/**
 * Nodes outside the graph, for the service's own bookkeeping: the version stamp caches are keyed on
 * (src/neo4j/graphVersion.ts) and the aliases an editor's merge of two nodes leaves behind. No GraphQL type, no
 * constraint here; the export and the API leave them out.
 */
export const BOOKKEEPING_LABELS = { GraphVersion: "GraphVersion", NodeAlias: "NodeAlias" } as const;
