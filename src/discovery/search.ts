/**
 * searchPractices: Italian full-text search over the practice cards (index `practice_text` on title, summary and
 * searchText, the card's other texts), best match first, saying which texts matched.
 */
import type { Driver } from "neo4j-driver";
import { checkLimit } from "./errors";
import { toLuceneQuery } from "./lucene";

export type PracticeTextField = "TITLE" | "SUMMARY" | "CARD_TEXT";
export type PracticeHit = { practiceId: string; score: number; matchedFields: PracticeTextField[] };
export type SearchInput = { text: string; limit: number };

/** Index properties, in the order matchedFields lists them. */
const FIELDS: ReadonlyArray<{ property: string; field: PracticeTextField }> = [
  { property: "title", field: "TITLE" },
  { property: "summary", field: "SUMMARY" },
  { property: "searchText", field: "CARD_TEXT" },
];

const SEARCH = `
CALL db.index.fulltext.queryNodes('practice_text', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id`;

/** The same query restricted to one indexed property at a time, for the hits only. */
const MATCHED_FIELDS = `
UNWIND $fields AS field
CALL db.index.fulltext.queryNodes('practice_text', field.query) YIELD node
WITH field, node WHERE node.id IN $ids
RETURN field.name AS field, collect(node.id) AS ids`;

/** Hits for `text` (see lucene.ts for how it is read); a text without any word finds nothing: []. */
export async function searchPractices(driver: Driver, input: SearchInput, database?: string): Promise<PracticeHit[]> {
  checkLimit(input.limit);
  const query = toLuceneQuery(input.text);
  if (query === null) return [];
  const read = { database, routing: "READ" as const };
  const { records } = await driver.executeQuery(SEARCH, { query, limit: input.limit }, read);
  const hits = records.map((record) => ({ id: record.get("id") as string, score: record.get("score") as number }));
  if (hits.length === 0) return [];

  const fields = FIELDS.map(({ property, field }) => ({ name: field, query: `${property}:(${query})` }));
  const matched = await driver.executeQuery(MATCHED_FIELDS, { fields, ids: hits.map((hit) => hit.id) }, read);
  const idsByField = new Map(matched.records.map((record) => [record.get("field") as PracticeTextField, new Set(record.get("ids") as string[])]));
  return hits.map((hit) => ({
    practiceId: hit.id,
    score: Math.round(hit.score * 1e6) / 1e6,
    matchedFields: FIELDS.map(({ field }) => field).filter((field) => idsByField.get(field)?.has(hit.id)),
  }));
}
