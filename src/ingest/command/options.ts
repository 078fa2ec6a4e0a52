/**
 * The options of `npm run ingest`, each with its help line: one table, so that --help says every option parseArgs
 * accepts. An argument list becomes what to do: help, a usage error (exit 2), a catalogue file to import, or an
 * export directory to restore.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";

type Spec = { type: "string" | "boolean"; short?: string; value?: string; help: string };

const OPTIONS = {
  catalogue: {
    type: "string",
    value: "ID",
    help:
      "the catalogue's id. Default from the cover: anpal-<year> for ANPAL Servizi's, <region>-<year> for a cover " +
      "naming a region (one naming neither must be given one). Any catalogue but anpal-<year> prefixes its practice " +
      "ids with its id (lazio-2023-001)",
  },
  catalog: { type: "string", value: "ID", help: "the same as --catalogue" },
  edition: {
    type: "string",
    value: "YYYY",
    help: "the edition year, for a cover that does not print it ('# Catalogo di ...')",
  },
  "dry-run": {
    type: "boolean",
    help:
      "check the file and show what loading it would change in the database (read only), the graph's aliases " +
      "mapped too, with the merges of old nodes the import would make; write nothing",
  },
  out: { type: "string", value: "FILE", help: "write the normalized catalogue (JSON) to FILE, for review" },
  "allow-partial": {
    type: "string",
    value: "CARDS",
    help: "load the cards named (e.g. 12,16) although they look cut short, a warning each",
  },
  "allow-drop": { type: "boolean", help: "let a new edition delete the practices of the catalogue it leaves out" },
  "allow-renumber": { type: "boolean", help: "let a new edition give ids the database holds to other practices" },
  help: { type: "boolean", short: "h", help: "show this help" },
} as const satisfies Record<string, Spec>;

export type IngestOptions = {
  catalogue?: string;
  edition?: number;
  dryRun: boolean;
  out?: string;
  allowPartial: ReadonlySet<number>;
  allowDrop: boolean;
  allowRenumber: boolean;
};

export type Invocation =
  | { kind: "help" }
  | { kind: "usage"; message: string }
  | { kind: "import"; file: string; options: IngestOptions }
  | { kind: "restore"; dir: string; dryRun: boolean };

const USAGE = [
  "usage: npm run ingest -- FILE [options]        import a catalogue (markdown cards)",
  "       npm run ingest -- EXPORT_DIR [--dry-run]  restore what `npm run export -- EXPORT_DIR` wrote",
  "                                                 into an empty database",
  "       npm run ingest -- --help",
].join("\n");

/** Help lines stay readable in a 100-column terminal: the flag, then its text wrapped beside it. */
const HELP_WIDTH = 100;
const FLAG_WIDTH = 24;

export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, spec]: [string, Spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    const [first = "", ...rest] = wrap(spec.help, HELP_WIDTH - FLAG_WIDTH - 3);
    const indent = " ".repeat(FLAG_WIDTH + 3);
    return [`  ${flag.padEnd(FLAG_WIDTH)} ${first}`, ...rest.map((line) => `${indent}${line}`)].join("\n");
  });
  return [
    USAGE,
    "",
    "Reads the catalogue, reports its cards, links, warnings and errors (file:line) on stdout, then loads it in one",
    "transaction into NEO4J_URI, the bundled Neo4j npm start runs, or one started for the import, and recomputes",
    "similarity. Progress goes to stderr on a terminal, logs to stderr. Exit 0 loaded (or valid with --dry-run),",
    "1 invalid or refused (nothing loaded; the merges of old nodes listed above stay), 2 bad usage.",
    "More: docs/importing.md.",
    "",
    "Options:",
    ...rows,
    "",
  ].join("\n");
}

export function parseOptions(args: readonly string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) return usage(file ? `one FILE only, not also ${extra.join(" ")}` : "FILE is missing");
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    const given = Object.keys(values).filter((name) => name !== "dry-run");
    const flags = given.map((name) => `--${name}`).join(", ");
    if (given.length > 0) return usage(`an export directory is restored as it is: ${flags} do not apply`);
    return { kind: "restore", dir: file, dryRun: values["dry-run"] ?? false };
  }
  if (values.catalogue !== undefined && values.catalog !== undefined && values.catalogue !== values.catalog) {
    return usage("--catalogue and --catalog are the same option: give it once");
  }
  const edition = values.edition;
  if (edition !== undefined && !/^(?:19|20)\d{2}$/.test(edition)) {
    return usage(`--edition takes a year (YYYY), not '${edition}'`);
  }
  const allowPartial = cardNumbers(values["allow-partial"] ?? "");
  if (allowPartial === undefined) {
    return usage("--allow-partial takes the numbers of the cards to load as they are, e.g. --allow-partial 12,16");
  }
  return {
    kind: "import",
    file,
    options: {
      catalogue: values.catalogue ?? values.catalog,
      edition: edition === undefined ? undefined : Number(edition),
      dryRun: values["dry-run"] ?? false,
      out: values.out,
      allowPartial,
      allowDrop: values["allow-drop"] ?? false,
      allowRenumber: values["allow-renumber"] ?? false,
    },
  };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function usage(message: string): Invocation {
  return { kind: "usage", message: `${message}\n${USAGE}\n(npm run ingest -- --help says every option)` };
}

/** "12,16" -> {12, 16}; undefined when it is not a list of card numbers. */
function cardNumbers(list: string): Set<number> | undefined {
  const items = list
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (!items.every((item) => /^[1-9]\d*$/.test(item))) return undefined;
  return new Set(items.map(Number));
}
