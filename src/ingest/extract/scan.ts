import type { CardField, CardFieldKey } from "../card";
import type { Provenance } from "../catalogue";
import { lineAt } from "../text";
import type { Matcher, Span } from "./matcher";

export type Found<E> = { entry: E; source: Provenance };

/**
 * What one field names of one kind of entity: each entry where it is named, in reading order, and the spans of the
 * field's text that name something (`hits`) or are stop-phrases (`blocked`), which unknown mentions are told from.
 */
export type FieldScan<E> = { found: Found<E>[]; hits: Span[]; blocked: Span[] };
export type FieldScanner<E> = (field: CardField) => FieldScan<E>;
/** What a card names of one kind: each entry once, with its first mention, and each field's scan. */
export type Collected<E> = { items: Found<E>[]; scans: Map<CardFieldKey, FieldScan<E>> };

/** Scans a field's text with a matcher; each hit is put on the source line where it starts. */
export function textScanner<E>(matcher: Matcher<E>): FieldScanner<E> {
  return (field) => {
    const { hits, blocked } = matcher.find(field.text);
    const found = hits.map((hit) => ({
      entry: hit.entry,
      source: { field: field.key, line: lineAt(field.lineMap, hit.start) },
    }));
    return { found, hits, blocked };
  };
}
