/**
 * JSON files read so that a problem is named by file and line: JSON.parse says where a syntax error is only some of
 * the time, as a character position, and a value a check refuses has only its path. A small walker of the JSON
 * grammar finds the line of either.
 */
import fs from "node:fs";
import type { z } from "zod";

/** Where a value sits in a JSON document: property names and array indexes, from the top. */
export type JsonPath = ReadonlyArray<PropertyKey>;

/** A JSON file's value, and the line of any value in it (the file's first line for a path it does not hold). */
export type JsonFile = { file: string; value: unknown; lineOf: (path: JsonPath) => number };

/** The file cannot be read as JSON; the message names the file and the line. */
export class JsonFileError extends Error {
  override name = "JsonFileError";
}

export function readJsonFile(file: string): JsonFile {
  const text = fs.readFileSync(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = new JsonWalker(text).syntaxError();
    const where = problem ? `${lineAt(text, problem.position)}: ${problem.message}` : `1: ${(error as Error).message}`;
    throw new JsonFileError(`${file}:${where.replace(": ", ": not valid JSON: ")}`, { cause: error });
  }
  return { file, value, lineOf: (path) => lineAt(text, new JsonWalker(text).positionOf(path) ?? 0) };
}

/** The file's JSON checked against `schema`; each value it refuses is named by file and line. */
export function readValidJsonFile<T>(file: string, schema: z.ZodType<T>, what: string): JsonFile & { value: T } {
  const json = readJsonFile(file);
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ...json, value: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `  ${file}:${json.lineOf(issue.path)}: ${issue.path.join(".")}: ${issue.message}`,
  );
  throw new JsonFileError(`${file} is not ${what}:\n${problems.join("\n")}`);
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < position; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

const WHITESPACE = /[ \t\r\n]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

class SyntaxProblem {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

/** Walks a JSON text value by value, by the grammar of RFC 8259, remembering where the value it looks for starts. */
class JsonWalker {
  private pos = 0;
  private target: JsonPath | undefined;
  private found: number | undefined;

  constructor(private readonly text: string) {}

  /** Where the text stops being JSON, and what was expected there; undefined for valid JSON. */
  syntaxError(): SyntaxProblem | undefined {
    try {
      this.walkDocument();
      return undefined;
    } catch (problem) {
      if (problem instanceof SyntaxProblem) return problem;
      throw problem;
    }
  }

  positionOf(path: JsonPath): number | undefined {
    this.target = path;
    return this.syntaxError() === undefined ? this.found : undefined;
  }

  private walkDocument(): void {
    this.walkValue([]);
    this.take(WHITESPACE);
    if (this.pos < this.text.length) throw this.expected("the end of the file after the value");
  }

  private walkValue(path: JsonPath): void {
    this.take(WHITESPACE);
    if (this.found === undefined && this.target !== undefined && samePath(path, this.target)) this.found = this.pos;
    const next = this.text[this.pos];
    if (next === "{") return this.walkObject(path);
    if (next === "[") return this.walkArray(path);
    if (next === '"') this.walkString();
    else if (this.take(NUMBER) === undefined && this.take(LITERAL) === undefined) throw this.expected("a value");
  }

  private walkString(): string {
    const string = this.take(STRING);
    if (string !== undefined) return string;
    const closed = /^"(?:[^"\\\n]|\\.)*"/.test(this.text.slice(this.pos));
    throw closed ? this.expected("a string without control characters or unknown escapes") : this.endsInString();
  }

  private endsInString(): SyntaxProblem {
    const rest = this.text.slice(this.pos);
    const end = rest.includes("\n") ? this.pos + rest.indexOf("\n") : this.text.length;
    return new SyntaxProblem(end, "a string is not closed on its line (was the file cut short?)");
  }

  private walkObject(path: JsonPath): void {
    this.pos++;
    this.take(WHITESPACE);
    if (this.skipChar("}")) return;
    for (;;) {
      this.take(WHITESPACE);
      if (this.text[this.pos] !== '"') throw this.expected("a property name in double quotes");
      const key = this.walkString();
      this.take(WHITESPACE);
      if (!this.skipChar(":")) throw this.expected("':' after a property name");
      this.walkValue([...path, JSON.parse(key) as string]);
      this.take(WHITESPACE);
      if (this.skipChar("}")) return;
      if (!this.skipChar(",")) throw this.expected("',' or '}' after a property value");
    }
  }

  private walkArray(path: JsonPath): void {
    this.pos++;
    this.take(WHITESPACE);
    if (this.skipChar("]")) return;
    for (let index = 0; ; index++) {
      this.walkValue([...path, index]);
      this.take(WHITESPACE);
      if (this.skipChar("]")) return;
      if (!this.skipChar(",")) throw this.expected("',' or ']' after an array element");
    }
  }

  private take(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (match === null) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  private skipChar(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  private expected(what: string): SyntaxProblem {
    if (this.pos >= this.text.length)
      return new SyntaxProblem(this.pos, `the file ends where ${what} was expected (was it cut short?)`);
    const found = this.text.slice(this.pos, this.pos + 12).split("\n")[0];
    return new SyntaxProblem(this.pos, `expected ${what}, found '${found}'`);
  }
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
