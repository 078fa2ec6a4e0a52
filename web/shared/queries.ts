/**
 * The operations of docs/queries/, read at build time: the explorer preloads them and the pages send them, so that
 * what the documentation shows is what the front end runs (and the test suite executes both).
 */
const files = import.meta.glob<string>("../../docs/queries/*.graphql", {
  query: "?raw",
  import: "default",
  eager: true,
});

export type DocumentedQuery = {
  /** File name without extension, e.g. `similar-practices`. */
  name: string;
  /** The question the operation answers: its first comment line. */
  question: string;
  text: string;
};

export const DOCUMENTED_QUERIES: readonly DocumentedQuery[] = Object.entries(files)
  .map(([file, text]) => ({
    name: file.replace(/^.*\/(.+)\.graphql$/, "$1"),
    question: /^#\s*(.+)$/m.exec(text)?.[1] ?? "",
    text,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The text of docs/queries/<name>.graphql; throws at start-up, not at a reader, when the file is gone. */
export function documentedQuery(name: string): string {
  const query = DOCUMENTED_QUERIES.find((candidate) => candidate.name === name);
  if (!query) throw new Error(`docs/queries/${name}.graphql is missing`);
  return query.text;
}
