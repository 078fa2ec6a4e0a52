/** Extract: the entities a card names through the curated vocabulary (src/reference/vocabulary.ts), with where it names them. */
export { extractEntities, type UnknownMention } from "./entities";
export { indexPracticeTitles } from "./lineage";
export { formatProvisionalNodes } from "./provisionalList";
