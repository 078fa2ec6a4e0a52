/** Normalize: a parsed card to the core of a practice of the normalized catalogue (catalogue.ts): id, region, LEP codes, answers, years;
 * and the catalogue's id, which its practice ids take. */
export { describesNoAssistance } from "./answers";
export { normalizeCard } from "./card";
export { catalogueIdentity, type CatalogueIdentity } from "./catalogueId";
export { TERRITORIAL_LEVELS } from "./territory";
