/**
 * The kinds of items two practices can share, in the order similarity stores its per-kind numbers (an edge's
 * `numbers`, src/similarity/model.ts) and the GraphQL enum `LinkKind` lists them. Each is fed by one link of a
 * practice (links.ts, `feeds`).
 */
export const SIMILARITY_KINDS = [
  "LEP",
  "TARGET",
  "STAKEHOLDER",
  "FUNDING",
  "REGION",
  "CPI",
  "LAW",
  "TOOL",
  "LINEAGE",
] as const;
export type SimilarityKind = (typeof SIMILARITY_KINDS)[number];
