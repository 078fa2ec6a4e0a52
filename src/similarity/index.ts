/** Similarity of practices: scoring that explains itself, stored as top-K SIMILAR_TO edges, served in one hop. */
export { LENSES, LENS_WEIGHTS, LINK_KINDS, type Item, type Lens, type LinkKind, type MatchReason, type PracticeFeatures, type PracticeMatch, type SharedItem } from "./model";
export { compareMatches, kindMass, lensMass, lensScore, lensTerms, rarities, reasonsFrom, scorePair, topMatches, type Rarities } from "./score";
export { featureSignature, readPracticeRecords, type PracticeRecord } from "./features";
export { TOP_K, buildSimilarityIndex, candidateCap, candidatesOf, computeNeighbourhoods, type Neighbourhood, type NeighbourEdge, type SimilarityIndex } from "./neighbours";
export { storeNeighbourhoods } from "./store";
export { readSimilarPractices } from "./read";
export { affectedPractices, recomputeSimilarity, refreshSimilarity } from "./recompute";
