/**
 * npm run ingest -- FILE [--catalog ID] [--dry-run] [--out FILE] [--allow-partial CARDS] [--allow-drop] [--allow-renumber]
 * npm run ingest -- DIR [--dry-run]            (DIR written by `npm run export`: a restore, see src/backup/)
 * Parses, validates and loads a catalogue. Before writing, it reports what the load changes in what the database
 * holds (practices, their links and fields, values of shared nodes); with --dry-run it reports the same from a
 * read-only transaction, when a database is configured or running, and writes nothing. --allow-partial 12,16 loads
 * those cards although they look cut short (a warning each); --allow-drop lets a new edition delete the practices it
 * leaves out, --allow-renumber lets it give ids the database holds to the other practices it lists under them.
 * Progress goes to stderr, the report to stdout. Exit 0 when loaded (or valid, with --dry-run), 1 when the catalogue
 * is invalid (a card that looks cut short and is not allowed included) or this database cannot take it (lineage to a
 * practice it lacks, practice ids of another catalogue, practices deleted or renumbered without --allow-drop or
 * --allow-renumber: every problem listed, with file, line and card where there is one; nothing written), 2 on bad
 * usage.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { restoreCommand } from "../backup/restoreCommand";
import { loadConfig, type Config } from "../config";
import type { NormalizedCatalogue } from "./catalogue";
import { compareWithDatabase, importInto, runCommand } from "./command";
import { loadCatalogue, type LoadAllowances } from "./load";
import { readCatalogue } from "./pipeline";
import { formatChanges, formatLoadReport, formatReading } from "./report";

const USAGE =
  "usage: npm run ingest -- FILE [--catalog ID] [--dry-run] [--out FILE] [--allow-partial CARDS] [--allow-drop] [--allow-renumber]\n       npm run ingest -- EXPORT_DIR [--dry-run]";

type Options = {
  catalog?: string;
  "dry-run"?: boolean;
  out?: string;
  "allow-partial"?: string;
  "allow-drop"?: boolean;
  "allow-renumber"?: boolean;
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        catalog: { type: "string" },
        "dry-run": { type: "boolean" },
        out: { type: "string" },
        "allow-partial": { type: "string" },
        "allow-drop": { type: "boolean" },
        "allow-renumber": { type: "boolean" },
      },
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
  const options: Options = args.values;
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    if (options.catalog !== undefined || options.out !== undefined || options["allow-partial"] !== undefined || options["allow-drop"] || options["allow-renumber"]) {
      process.stderr.write(`an export directory is restored as it is: --catalog, --out and the --allow options do not apply\n${USAGE}\n`);
      return 2;
    }
    return restoreCommand(file, { dryRun: options["dry-run"] ?? false });
  }
  const allowPartial = cardNumbers(options["allow-partial"] ?? "");
  if (allowPartial === undefined) {
    process.stderr.write(`--allow-partial takes the numbers of the cards to load as they are, e.g. --allow-partial 12,16\n${USAGE}\n`);
    return 2;
  }
  return ingestFile(file, options, allowPartial);
}

/** "12,16" -> {12, 16}; undefined when it is not a list of card numbers. */
function cardNumbers(list: string): Set<number> | undefined {
  const items = list.split(",").map((item) => item.trim()).filter(Boolean);
  if (!items.every((item) => /^[1-9]\d*$/.test(item))) return undefined;
  return new Set(items.map(Number));
}

const progress = (message: string) => process.stderr.write(`ingest: ${message}\n`);

async function ingestFile(file: string, options: Options, allowPartial: ReadonlySet<number>): Promise<number> {
  progress(`reading ${file}`);
  const reading = readCatalogue(file, { catalogId: options.catalog, allowPartial });
  process.stdout.write(formatReading(reading));
  const catalogue = reading.catalogue;
  if (!catalogue) return 1;

  if (options.out) {
    fs.writeFileSync(options.out, `${JSON.stringify(catalogue, null, 2)}\n`);
    progress(`normalized catalogue written to ${options.out}`);
  }
  const config = loadConfig();
  const allow = { drop: options["allow-drop"], renumber: options["allow-renumber"] };
  if (options["dry-run"]) {
    const compared = await compareWithDatabase(config, catalogue, allow);
    process.stdout.write(compared.report);
    progress("dry run: nothing was written");
    return compared.refused ? 1 : 0;
  }
  return load(config, catalogue, allow);
}

async function load(config: Config, catalogue: NormalizedCatalogue, allow: LoadAllowances): Promise<number> {
  await importInto(config, `catalogue ${catalogue.catalog.id} is loaded`, async (driver, uri) => {
    progress(`loading ${catalogue.practices.length} practices into ${uri} (one transaction)`);
    const report = await loadCatalogue(driver, catalogue, config.neo4j.database, {
      allow,
      beforeWriting: (changes) =>
        process.stdout.write(formatChanges("What the load changes in what the database holds (read in its transaction, before writing):", changes)),
    });
    process.stdout.write(formatLoadReport(report));
  });
  return 0;
}

runCommand("ingest", main);
