/**
 * npm run vocabulary -- pending CATALOGUE.md [--out review.json]   the provisional nodes to review, as a review file
 * npm run vocabulary -- pending --database [--out review.json]     the same, of every catalogue the database holds
 * npm run vocabulary -- review review.json [--dry-run]              apply its decisions to seed/vocabulary/
 * npm run vocabulary -- merges [--dry-run]                          editors' merges (the graph's aliases) as formerIds
 * `--vocabulary DIR` names another vocabulary directory than seed/vocabulary. Exit 0 done, 1 refused (every problem
 * listed, nothing written), 2 bad usage. docs/actors.md, "Reviewing provisional nodes", says it for the expert.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Session } from "neo4j-driver";
import { loadConfig } from "../config";
import { runCommand } from "../ingest/command";
import { splitLines } from "../ingest/parse";
import { readCatalogue } from "../ingest/pipeline";
import { formatReading } from "../ingest/report";
import { createCommandLogger } from "../logger";
import { connectDatabase } from "../neo4j/connect";
import { loadVocabulary, VOCABULARY_DIR } from "../reference/vocabulary";
import { applyReview, ReviewError } from "./applyReview";
import { withAliasCandidates } from "./candidates";
import { listNodeAliases } from "./graphAliases";
import { writeMergesAsFormerIds } from "./merges";
import { pendingInGraph } from "./pendingInGraph";
import { pendingFromCatalogue, type ReviewFile } from "./reviewFile";

const USAGE = [
  "usage: npm run vocabulary -- pending CATALOGUE.md [--out FILE] [--catalogue ID] [--edition YYYY]",
  "         write the catalogue's provisional nodes as a review file (JSON; stdout without --out)",
  "       npm run vocabulary -- pending --database [--out FILE]",
  "         the same for every provisional node the database holds (NEO4J_URI, or the running bundled Neo4j)",
  "       either way each node comes with the curated entries it may be an alias of, and from a catalogue file each",
  "         mention with the card's text around the name",
  "       npm run vocabulary -- review FILE [--dry-run]",
  '         apply its decisions ("accept", { "aliasOf": id }) to the vocabulary files; nothing unless all are valid',
  "       npm run vocabulary -- merges [--dry-run]",
  "         write the merges editors made through the API (the graph's aliases) into the vocabulary as formerIds",
  "  --vocabulary DIR   the vocabulary directory (default seed/vocabulary)",
  "More: docs/actors.md, 'Reviewing provisional nodes'.",
].join("\n");

const OPTIONS = {
  out: { type: "string" },
  catalogue: { type: "string" },
  edition: { type: "string" },
  vocabulary: { type: "string" },
  database: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: unknown };

/** The options a command would ignore, refused rather than ignored (the catalogue's options mean nothing to the graph). */
const IGNORED: Record<string, (values: Values) => Array<keyof typeof OPTIONS>> = {
  pending: (values) => (values.database ? ["catalogue", "edition", "dry-run"] : ["dry-run"]),
  review: () => ["out", "catalogue", "edition", "database"],
  merges: () => ["out", "catalogue", "edition", "database"],
};

const note = (message: string) => process.stderr.write(`vocabulary: ${message}\n`);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = path.resolve(values.vocabulary ?? VOCABULARY_DIR);
  const [command, file, ...extra] = positionals;
  if (extra.length > 0) return usage(`unexpected ${extra.join(" ")}`);
  const ignored = IGNORED[command as keyof typeof IGNORED]?.(values).filter((name) => values[name] !== undefined);
  if (ignored?.length) return usage(`${command} takes no ${ignored.map((name) => `--${name}`).join(", ")}`);
  switch (command) {
    case "pending": {
      if (values.database && file) return usage("pending --database reads no catalogue file");
      if (!values.database && !file) return usage("pending needs the catalogue file (or --database)");
      const edition = values.edition === undefined ? undefined : Number(values.edition);
      if (edition !== undefined && !Number.isInteger(edition)) return usage("--edition takes a year (YYYY)");
      const vocabulary = loadVocabulary(dir);
      let review: ReviewFile;
      if (file) {
        const reading = readCatalogue(file, { catalogId: values.catalogue, edition, vocabulary });
        if (!reading.catalogue) {
          process.stderr.write(formatReading(reading));
          return 1;
        }
        // readCatalogue reads the file itself and keeps no lines: read again for the mentions' context.
        const lines = splitLines(fs.readFileSync(file, "utf8"));
        review = pendingFromCatalogue(reading.catalogue, reading.catalogue.catalog.source, lines);
      } else {
        review = await withDatabase(async (session, uri) =>
          session.executeRead((tx) => pendingInGraph(tx, `database ${uri}`)),
        );
      }
      review = withAliasCandidates(review, vocabulary);
      const text = `${JSON.stringify(review, null, 2)}\n`;
      const count = Object.values(review.kinds).reduce((sum, nodes) => sum + nodes.length, 0);
      if (values.out) {
        fs.writeFileSync(values.out, text);
        note(`${count} provisional node(s) written to ${values.out}: fill in each decision, then review it`);
      } else process.stdout.write(text);
      return 0;
    }
    case "review": {
      if (!file) return usage("review needs the review file");
      try {
        const outcome = applyReview(file, dir, { dryRun: values["dry-run"] });
        const lines = [
          ...outcome.accepted.map(({ label, id }) => `  accepted ${label} ${id}`),
          ...outcome.aliased.map(({ label, from, into }) => `  ${label} ${from} is now an alias of ${into}`),
          `  ${outcome.pending} left pending`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        const written = outcome.files.map((name) => path.relative(process.cwd(), name)).join(", ") || "nothing";
        note(values["dry-run"] ? `dry run: would write ${written}` : `written: ${written}; import again to link them`);
        return 0;
      } catch (error) {
        if (!(error instanceof ReviewError)) throw error;
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
    }
    case "merges": {
      if (file) return usage("merges takes no file");
      const aliases = await withDatabase((session) => session.executeRead((tx) => listNodeAliases(tx)));
      const outcome = writeMergesAsFormerIds(aliases, dir, { dryRun: values["dry-run"] });
      process.stdout.write(outcome.lines.map((line) => `  ${line}\n`).join(""));
      note(values["dry-run"] ? "dry run: nothing was written" : `${outcome.written} file(s) written`);
      return outcome.refused ? 1 : 0;
    }
    default:
      return usage(command ? `unknown command ${command}` : "a command is missing");
  }
}

/** A read session of the database the importer would write into (NEO4J_URI, or the running bundled Neo4j). */
async function withDatabase<T>(read: (session: Session, uri: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase(config, createCommandLogger(config.logLevel), { reuseRunning: true });
  const session = database.driver.session({ database: config.neo4j.database, defaultAccessMode: "READ" });
  try {
    return await read(session, database.uri);
  } finally {
    await session.close();
    await database.close();
  }
}

function usage(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

runCommand("vocabulary", main);
