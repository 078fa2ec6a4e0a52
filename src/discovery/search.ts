/**
 * searchPractices: Italian full-text search over the practice cards (index `practice_card_text` on the card's own
 * text properties), best match first, saying which texts matched.
 */
import { CARD_TEXT_PROPERTIES } from "../ingest/practiceGraph";
import type { GraphReader } from "../neo4j/reader";
import { checkLimit } from "./limits";
import { textMatcher, toLuceneQuery } from "./lucene";

export type PracticeTextField = "TITLE" | "SUMMARY" | "CARD_TEXT";
export type PracticeHit = { practiceId: string; score: number; matchedFields: PracticeTextField[] };
type SearchInput = { text: string; limit: number };

/** The properties of the index `practice_card_text` (cypher/schema.cypher), and the field each one reports as. */
const INDEXED: ReadonlyArray<{ property: string; field: PracticeTextField }> = [
  { property: "title", field: "TITLE" },
  { property: "summary", field: "SUMMARY" },
  ...CARD_TEXT_PROPERTIES.map((property) => ({ property, field: "CARD_TEXT" as const })),
];
const FIELD_ORDER: readonly PracticeTextField[] = ["TITLE", "SUMMARY", "CARD_TEXT"];

/** Hits fetched beyond `limit`, so that the practices tied at the cut-off are all seen and ordered by id. */
const TIE_MARGIN = 5;

const SEARCH = `
CALL db.index.fulltext.queryNodes('practice_card_text', $query, {limit: $fetch}) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id`;

/** The indexed texts of the hits, in INDEXED order. */
const HIT_TEXTS = `
MATCH (p:Practice) WHERE p.id IN $ids
RETURN collect({id: p.id, texts: [property IN $properties | p[property]]}) AS cards`;

/** The stop words of the index's analyzer: they come with Neo4j, so they are read once per process. */
const STOPWORDS = `
CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
WITH stopwords WHERE analyzer = 'italian'
RETURN stopwords`;
let italianStopwords: Promise<ReadonlySet<string>> | undefined;

function stopwords(reader: GraphReader): Promise<ReadonlySet<string>> {
  italianStopwords ??= reader.run(STOPWORDS).then(
    ({ records }) => new Set((records[0]?.get("stopwords") ?? []) as string[]),
    (error: unknown) => {
      italianStopwords = undefined; // a failed read is not remembered
      throw error;
    },
  );
  return italianStopwords;
}

type Hit = { id: string; score: number };

/**
 * The best `limit` hits, by score then id. Lucene's top-N cuts ties arbitrarily, so it is asked for a few more,
 * and for more again while the last hit it gives still ties with the cut-off (then some tied hit may be missing).
 */
async function bestHits(reader: GraphReader, query: string, limit: number): Promise<Hit[]> {
  for (let fetch = limit + TIE_MARGIN; ; fetch *= 2) {
    const { records } = await reader.run(SEARCH, { query, fetch });
    const hits = records.map((record) => ({ id: record.get("id") as string, score: record.get("score") as number }));
    if (hits.length < fetch || hits[fetch - 1]!.score !== hits[limit - 1]!.score) return hits.slice(0, limit);
  }
}

/** Hits for `text` (see lucene.ts for how it is read); a text without any word finds nothing: []. */
export async function searchPractices(reader: GraphReader, input: SearchInput): Promise<PracticeHit[]> {
  checkLimit(input.limit);
  const query = toLuceneQuery(input.text);
  if (query === null) return [];
  const hits = await bestHits(reader, query, input.limit);
  if (hits.length === 0) return [];

  const [{ records }, ignored] = await Promise.all([
    reader.run(HIT_TEXTS, { ids: hits.map((hit) => hit.id), properties: INDEXED.map(({ property }) => property) }),
    stopwords(reader),
  ]);
  const cards = (records[0]?.get("cards") ?? []) as Array<{ id: string; texts: unknown[] }>;
  const matches = textMatcher(input.text, ignored);
  const fieldsById = new Map(
    cards.map(({ id, texts }) => {
      const matched = new Set(
        INDEXED.filter((_, index) => typeof texts[index] === "string" && matches(texts[index])).map(
          ({ field }) => field,
        ),
      );
      return [id, FIELD_ORDER.filter((field) => matched.has(field))] as const;
    }),
  );
  return hits.map((hit) => ({
    practiceId: hit.id,
    score: Math.round(hit.score * 1e6) / 1e6,
    matchedFields: fieldsById.get(hit.id) ?? [],
  }));
}
