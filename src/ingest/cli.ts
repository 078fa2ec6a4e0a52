/**
 * npm run ingest -- FILE [--catalog ID] [--dry-run] [--out FILE]
 * Parses, validates and loads a catalogue; with --dry-run it touches no database.
 * Progress goes to stderr, the report to stdout. Exit 0 when loaded (or valid, with --dry-run),
 * 1 when the catalogue is invalid or this database cannot take it (lineage to a practice it lacks, practice ids of
 * another catalogue: every problem listed, with file, line and card where there is one; nothing written), 2 on bad usage.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { connectDatabase } from "../neo4j/connect";
import { applySchema } from "../neo4j/schema";
import { recomputeSimilarity } from "../similarity";
import { loadCatalogue } from "./load";
import { readCatalogue } from "./pipeline";
import { formatLoadReport, formatReading } from "./report";

const USAGE = "usage: npm run ingest -- FILE [--catalog ID] [--dry-run] [--out FILE]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { catalog: { type: "string" }, "dry-run": { type: "boolean" }, out: { type: "string" } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const progress = (message: string) => process.stderr.write(`ingest: ${message}\n`);

  progress(`reading ${file}`);
  const reading = readCatalogue(file, { catalogId: args.values.catalog });
  process.stdout.write(formatReading(reading));
  if (!reading.catalogue) return 1;

  if (args.values.out) {
    fs.writeFileSync(args.values.out, `${JSON.stringify(reading.catalogue, null, 2)}\n`);
    progress(`normalized catalogue written to ${args.values.out}`);
  }
  if (args.values["dry-run"]) {
    progress("dry run: the database was not touched");
    return 0;
  }

  const config = loadConfig();
  const database = await connectDatabase(config, createLogger(config.logLevel), { reuseRunning: true });
  try {
    await applySchema(database.driver, config.neo4j.database);
    progress(`loading ${reading.catalogue.practices.length} practices into ${database.uri} (one transaction)`);
    const report = await loadCatalogue(database.driver, reading.catalogue, config.neo4j.database);
    process.stdout.write(formatLoadReport(report));
    progress("recomputing similarity (the catalogue changed the rarity of what practices share)");
    const similarity = await recomputeSimilarity(database.driver, { database: config.neo4j.database });
    process.stdout.write(`Similarity: ${similarity.relationships} SIMILAR_TO links for ${similarity.practices} practices\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
