/**
 * One description of the graph: node types, links and the kinds of similarity they feed. The loader, the similarity,
 * the path finder and the node resolution read it; tests/graph/model.test.ts holds it against schema/*.graphql and
 * cypher/schema.cypher. A new kind of node or link is stated here, in the schema and in the data.
 */
export {
  BOOKKEEPING_LABELS,
  NODE_TYPES,
  NODE_TYPE_NAMES,
  type NodeKind,
  type NodeOrigin,
  type NodeTypeName,
  type NodeTypeSpec,
} from "./nodes";
export {
  DERIVED_LINKS,
  NODE_LINKS,
  PATH_LINKS,
  PRACTICE_LINKS,
  REL,
  STATED_LINKS,
  linkFeeding,
  mergesTarget,
  type MergedLinkType,
  type NodeLinkSpec,
  type PathLinkType,
  type PathNodeKind,
  type PathNodeType,
  type PracticeLink,
  type PracticeLinkSpec,
  type RelationshipType,
  type StatedLink,
  type StatedLinkType,
  type VocabularyTypeName,
} from "./links";
export type { Same } from "./same";
export { SIMILARITY_KINDS, type SimilarityKind } from "./similarity";
