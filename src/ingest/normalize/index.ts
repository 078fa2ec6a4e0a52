/** Normalize: a parsed card to the core of a practice of the normalized catalogue (catalogue.ts): id, region, LEP codes, answers, years. */
export { describesNoAssistance } from "./answers";
export { normalizeCard } from "./card";
export { TERRITORIAL_LEVELS } from "./territory";
