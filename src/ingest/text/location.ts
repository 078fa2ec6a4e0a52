/**
 * Where the parts of a card field's text were read in the catalogue file, kept from the parser onward (as graphql-js
 * keeps offsets in its AST and turns them into lines once, in `language/location.ts`): a match found in the text is
 * put on its source line with one lookup, never looked up again in the raw lines.
 */

/**
 * `offsets[i]` is where, in the text, the part read from source line `lines[i]` (1-based) starts: sorted, the first
 * 0. A part runs up to the next offset; a text read from one line is `{ offsets: [0], lines: [n] }`.
 */
export type LineMap = { offsets: readonly number[]; lines: readonly number[] };

/** The source line of the character at `offset` of a text (the last line for an offset past its end). */
export function lineAt(map: LineMap, offset: number): number {
  return map.lines[runAt(map, offset)]!;
}

/** The index of the part holding `offset`: a binary search of the offsets. */
export function runAt(map: LineMap, offset: number): number {
  const { offsets } = map;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
