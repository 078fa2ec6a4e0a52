/**
 * A text with the source line of each part of it, kept through what turns a card's markup into a field's clean text
 * (markup removed, lines joined, tables rendered): every operation that changes the text maps its offsets too, so
 * that the field's text comes out of the parser with its line map (location.ts).
 */
import { lineAt, runAt, type LineMap } from "./location";

/** `$1`, `$&` and `$$` in a replacement, as String.prototype.replace reads them. */
const TEMPLATE_REFERENCE = /\$(\$|&|\d{1,2})/g;

export class SourceText {
  constructor(
    readonly text: string,
    readonly map: LineMap,
  ) {}

  /** Text read from one source line. */
  static of(text: string, line: number): SourceText {
    return new SourceText(text, { offsets: [0], lines: [line] });
  }

  /** Source lines, each with its number, joined by line breaks (a line break belongs to the line it ends). */
  static ofLines(lines: ReadonlyArray<{ text: string; line: number }>): SourceText {
    return SourceText.join(
      lines.map(({ text, line }) => SourceText.of(text, line)),
      "\n",
    );
  }

  /** The parts one after the other, `separator` between them. */
  static join(parts: readonly SourceText[], separator: string): SourceText {
    const [first] = parts;
    if (first !== undefined && parts.every((part) => onOneLine(part, first.map.lines[0]!))) {
      return new SourceText(parts.map((part) => part.text).join(separator), first.map);
    }
    return SourceText.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
  }

  /** The parts one after the other; a string is read on the line the part before it ends on (at the start, the next). */
  static concat(parts: ReadonlyArray<SourceText | string>): SourceText {
    const first = parts.find((part) => typeof part !== "string");
    if (first === undefined) throw new Error("SourceText.concat needs a SourceText among its parts");
    // Parts read from one line make a text read from that line (most values of a card are one line).
    const line = first.map.lines[0]!;
    if (parts.every((part) => typeof part === "string" || onOneLine(part, line))) {
      return new SourceText(parts.map((part) => (typeof part === "string" ? part : part.text)).join(""), first.map);
    }
    const text = new Builder();
    let last = first.lineAt(0);
    for (const part of parts) {
      if (typeof part === "string") text.literal(part, last);
      else {
        text.append(part);
        last = part.lineAt(Infinity);
      }
    }
    return text.build(first.lineAt(0));
  }

  /** The source line of the character at `offset`. */
  lineAt(offset: number): number {
    return lineAt(this.map, offset);
  }

  slice(start: number, end = this.text.length): SourceText {
    if (this.map.lines.length === 1) return new SourceText(this.text.slice(start, end), this.map);
    return new Builder().append(this, start, end).build(this.lineAt(start));
  }

  /** String.prototype.split by a string. */
  split(separator: string): SourceText[] {
    const parts: SourceText[] = [];
    let start = 0;
    for (let at = this.text.indexOf(separator); at !== -1; at = this.text.indexOf(separator, at + separator.length)) {
      parts.push(this.slice(start, at));
      start = at + separator.length;
    }
    parts.push(this.slice(start));
    return parts;
  }

  trim(): SourceText {
    const start = this.text.length - this.text.trimStart().length;
    return this.slice(start, Math.max(start, this.text.trimEnd().length));
  }

  /** The text with `prefix` in front, read as part of the text's first line. */
  prefixed(prefix: string): SourceText {
    return SourceText.concat([prefix, this]);
  }

  /**
   * String.prototype.replace, with the offsets mapped: what a replacement keeps of the match (`$1`, `$&`) keeps its
   * lines, and what it writes (a line break for `<br>`, a rendered table, a decoded entity) is read on the line where
   * the match starts: an HTML table spread over several lines is read on the line of its `<table>`.
   * A subset of String.prototype.replace, the one the markup needs: a function gets the match and its groups, an
   * unmatched group as "" (never undefined, nor the offset and the string after them); a template knows `$$`, `$&`
   * and `$n` (a group by its number).
   */
  replace(pattern: RegExp, replacement: string | ((match: string, ...groups: string[]) => string)): SourceText {
    if (this.map.lines.length === 1) {
      const text =
        typeof replacement === "string"
          ? this.text.replace(pattern, replacement)
          : this.text.replace(pattern, (match: string, ...rest: unknown[]) => replacement(match, ...groupsOf(rest)));
      return new SourceText(text, this.map);
    }
    const global = pattern.flags.includes("g");
    const search = new RegExp(pattern.source, pattern.flags.includes("d") ? pattern.flags : `${pattern.flags}d`);
    const text = new Builder();
    let from = 0;
    for (let match = search.exec(this.text); match !== null; match = global ? search.exec(this.text) : null) {
      const end = match.index + match[0].length;
      text.append(this, from, match.index);
      const line = this.lineAt(match.index);
      if (typeof replacement === "function") {
        text.literal(replacement(match[0], ...match.slice(1).map((group) => group ?? "")), line);
      } else {
        this.expand(replacement, match, line, text);
      }
      from = end;
      if (match[0] === "") search.lastIndex += 1;
    }
    return text.append(this, from).build(this.lineAt(0));
  }

  private expand(template: string, match: RegExpExecArray, line: number, text: Builder): void {
    let from = 0;
    for (const reference of template.matchAll(TEMPLATE_REFERENCE)) {
      text.literal(template.slice(from, reference.index), line);
      from = reference.index + reference[0].length;
      const name = reference[1]!;
      if (name === "$") text.literal("$", line);
      else {
        const span = name === "&" ? [match.index, match.index + match[0].length] : match.indices?.[Number(name)];
        if (span !== undefined) text.append(this, span[0], span[1]);
      }
    }
    text.literal(template.slice(from), line);
  }
}

/** The groups among String.prototype.replace's arguments after the match (the offset, a number, follows them). */
function groupsOf(rest: unknown[]): string[] {
  return rest
    .slice(
      0,
      rest.findIndex((argument) => typeof argument === "number"),
    )
    .map((group) => (group as string | undefined) ?? "");
}

function onOneLine(text: SourceText, line: number): boolean {
  return text.map.lines.length === 1 && text.map.lines[0] === line;
}

/** Builds a text part by part, with the runs of its lines. */
class Builder {
  private readonly chunks: string[] = [];
  private length = 0;
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];

  literal(text: string, line: number): this {
    if (text === "") return this;
    this.startRun(this.length, line);
    this.chunks.push(text);
    this.length += text.length;
    return this;
  }

  append(part: SourceText, start = 0, end = part.text.length): this {
    if (start >= end) return this;
    const { offsets, lines } = part.map;
    let run = runAt(part.map, start);
    this.startRun(this.length, lines[run]!);
    for (run += 1; run < offsets.length && offsets[run]! < end; run += 1) {
      this.startRun(this.length + offsets[run]! - start, lines[run]!);
    }
    this.chunks.push(part.text.slice(start, end));
    this.length += end - start;
    return this;
  }

  /** The text built; an empty one is read on `emptyLine`. */
  build(emptyLine: number): SourceText {
    if (this.lines.length === 0) return SourceText.of("", emptyLine);
    return new SourceText(this.chunks.join(""), { offsets: this.offsets, lines: this.lines });
  }

  private startRun(offset: number, line: number): void {
    if (this.lines[this.lines.length - 1] === line) return;
    this.offsets.push(offset);
    this.lines.push(line);
  }
}
