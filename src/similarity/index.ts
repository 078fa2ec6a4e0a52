/**
 * Similarity of practices: scoring that explains itself, stored as top-K SIMILAR_TO edges, served in one hop.
 * The module's API for the server, the import CLI, the benchmark and the db tests; unit tests of the scoring import
 * its files directly.
 */
export { LENSES, LINK_KINDS, type Lens, type PracticeMatch } from "./model";
export { topMatches } from "./score";
export { readPracticeRecords } from "./features";
export { TOP_K, buildSimilarityIndex, candidateCap, candidatesOf } from "./neighbours";
export { readSimilarPractices, readSimilarPracticesAndNeighbours, NEIGHBOUR, type NeighbourProjection } from "./read";
export { recomputeSimilarity, refreshSimilarity } from "./recompute";
export { coalesceRequests } from "./coalesce";
export { liveSimilarity, type LiveSimilarity, type RefreshReport } from "./live";
