/**
 * The labels and relationship types a piece of Cypher writes out, for tests/graph/model.test.ts: what the source
 * files of src/ hold in their string literals, and what cypher/schema.cypher holds.
 */
import ts from "typescript";

/** Where an interpolation (`${...}`) stood: the model's constants, which the scan cannot read and need not. */
export const INTERPOLATED = "\u0001";

/**
 * Every string literal of a TypeScript source (quoted, or a template with its interpolations replaced by
 * INTERPOLATED), with its line.
 */
export function stringLiterals(fileName: string, text: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Array<{ line: number; text: string }> = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ line: lineOf(node), text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      found.push({ line: lineOf(node), text: parts.join(INTERPOLATED) });
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A statement, or a fragment of one (a pattern comprehension, a subquery): a clause keyword or a pattern. */
export function looksLikeCypher(text: string): boolean {
  return (
    /\b(MATCH|MERGE|CREATE|RETURN|UNWIND|DELETE|DETACH|REMOVE|COLLECT|EXISTS|COUNT)\b/.test(text) ||
    /\)\s*<?-\s*\[|\]\s*->?\s*\(/.test(text) ||
    /\(\w*:[A-Z]/.test(text)
  );
}

export type CypherNames = {
  labels: string[];
  types: string[];
  /** Labels or types written as data (`$(...)`, or APOC building them from strings): the scan cannot check them. */
  dynamic: string[];
};

const NAME = String.raw`[A-Za-z_]\w*`;
/** `[r:A|B*0..2 {p: 1}]`, `[:A|:B]`: the variable, then the type expression up to a quantifier, a map or the end. */
const RELATIONSHIP = new RegExp(String.raw`-\s*\[\s*\w*\s*:\s*([^\]*{]*)`, "g");
/** `(n:A:B`, `(:A|B)`, `WHERE n:A`, `n:!A&B`: a colon right after a variable, `(` or an interpolation. */
const LABEL_EXPRESSION = new RegExp(String.raw`(?<=[\w(${INTERPOLATED}]):(!?${NAME}(?:[:|&]!?${NAME})*)`, "g");
/** A quoted name: 'Practice', "SIMILAR_TO". */
const QUOTED_NAME = /(['"])([A-Z]\w*)\1/g;

function namesOf(expression: string): string[] {
  return expression.split(/[\s:|&!%]+/).filter((name) => name !== "" && !name.includes(INTERPOLATED));
}

/**
 * The labels and relationship types written in a piece of Cypher: in patterns and label expressions (`:Name`,
 * second labels, alternatives), and quoted names where the statement compares names with `type()` or `labels()`.
 * Comments and other quoted text are left out; an interpolated name is not seen.
 */
export function cypherNames(cypher: string): CypherNames {
  const code = cypher.replace(/\/\/.*$/gm, "");
  const quoted: string[] = [];
  const unquoted = code.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`])*`/g, (literal) => {
    quoted.push(literal);
    return "''";
  });
  const types = [...unquoted.matchAll(RELATIONSHIP)].flatMap(([, expression]) => namesOf(expression!));
  const withoutRelationships = unquoted.replace(RELATIONSHIP, "-[");
  const labels = [...withoutRelationships.matchAll(LABEL_EXPRESSION)].flatMap(([, expression]) => namesOf(expression!));
  const comparesNames = /\b(type|labels)\s*\(/.test(unquoted);
  const quotedNames = comparesNames
    ? quoted.flatMap((literal) => [...literal.matchAll(QUOTED_NAME)].map(([, , name]) => name!))
    : [];
  const dynamic = [
    ...unquoted.matchAll(/:\s*\$\s*(?:any|all)?\s*\(|apoc\.(?:create|merge)\.\w+|apoc\.refactor\.setType/g),
  ].map(([match]) => match);
  return {
    labels: [...labels, ...quotedNames.filter((name) => /[a-z]/.test(name))],
    types: [...types, ...quotedNames.filter((name) => !/[a-z]/.test(name))],
    dynamic,
  };
}
