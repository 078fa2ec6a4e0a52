import type { CardField, CardFieldKey } from "../../src/ingest/card";
import { SourceText } from "../../src/ingest/text";

/** A card field written by hand, as the parser reads a paragraph: each line of its text on its own source line from `startLine`. */
export function cardField(key: CardFieldKey, text: string, startLine: number): CardField {
  const lines = text.split("\n").map((line, i) => ({ text: line, line: startLine + i }));
  const { map } = SourceText.ofLines(lines);
  return {
    key,
    label: key,
    text,
    lineMap: map,
    tables: [],
    tableLines: [],
    startLine,
    endLine: startLine + lines.length - 1,
  };
}
