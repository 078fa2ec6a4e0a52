/**
 * npm run ingest -- FILE [options]    (npm run ingest -- --help says every option; command/options.ts holds them)
 * npm run ingest -- DIR [--dry-run]   (DIR written by `npm run export`: a restore, see src/backup/)
 * Parses, validates and loads a catalogue. Before writing, it reports what the load changes in what the database
 * holds (practices, their links and fields, values of shared nodes); with --dry-run it reports the same from a
 * read-only transaction, when a database is configured or running, and writes nothing. The report goes to stdout;
 * logs, notes and (on a terminal) progress to stderr. Exit 0 when loaded (or valid, with --dry-run), 1 when the
 * catalogue is invalid or this database cannot take it (every problem listed, with file, line and card where there is
 * one; nothing loaded, the merges of old nodes listed stay), 2 on bad usage. docs/importing.md says it all for editors.
 */
import fs from "node:fs";
import { restoreCommand } from "../backup/restoreCommand";
import { loadConfig, type Config } from "../config";
import type { Graph } from "../neo4j/graph";
import { loadVocabulary } from "../reference/vocabulary";
import { recomputeSimilarity } from "../similarity";
import { applyAliasesBeforeLoad } from "../vocabulary/graphAliases";
import type { NormalizedCatalogue } from "./catalogue";
import {
  compareWithDatabase,
  createProgress,
  helpText,
  importInto,
  parseOptions,
  runCommand,
  type IngestOptions,
  type Progress,
} from "./command";
import { loadCatalogue, type LoadAllowances } from "./load";
import { readCatalogue } from "./pipeline";
import { formatChanges, formatLoadReport, formatMerged, formatReading } from "./report";

async function main(): Promise<number> {
  const invocation = parseOptions(process.argv.slice(2));
  switch (invocation.kind) {
    case "help":
      process.stdout.write(helpText());
      return 0;
    case "usage":
      process.stderr.write(`${invocation.message}\n`);
      return 2;
    case "restore":
      return restoreCommand(invocation.dir, { dryRun: invocation.dryRun });
    case "import":
      return ingestFile(invocation.file, invocation.options);
  }
}

const BEFORE_WRITING = "What the load changes in what the database holds (read in its transaction, before writing):";

/** A note on what was done beside the report (a file written, nothing loaded): on stderr, like the logs. */
const note = (message: string) => process.stderr.write(`ingest: ${message}\n`);

async function ingestFile(file: string, options: IngestOptions): Promise<number> {
  const progress = createProgress();
  const reading = await progress.step(`reading ${file}`, () =>
    readCatalogue(file, { catalogId: options.catalogue, edition: options.edition, allowPartial: options.allowPartial }),
  );
  process.stdout.write(formatReading(reading));
  const catalogue = reading.catalogue;
  if (!catalogue) return 1;

  if (options.out) {
    fs.writeFileSync(options.out, `${JSON.stringify(catalogue, null, 2)}\n`);
    note(`normalized catalogue written to ${options.out}`);
  }
  const config = loadConfig();
  const allow = { drop: options.allowDrop, renumber: options.allowRenumber };
  if (options.dryRun) {
    const compared = await progress.step("comparing with the database", () =>
      compareWithDatabase(config, catalogue, loadVocabulary(), allow),
    );
    process.stdout.write(compared.report);
    // On stderr, as the import says them.
    for (const warning of compared.warnings) note(`warning: ${warning}`);
    note("dry run: nothing was written");
    return compared.refused ? 1 : 0;
  }
  return load(config, catalogue, allow, progress);
}

async function load(
  config: Config,
  catalogue: NormalizedCatalogue,
  allow: LoadAllowances,
  progress: Progress,
): Promise<number> {
  const written = `catalogue ${catalogue.catalog.id} is loaded`;
  await importInto(
    config,
    written,
    async (graph, uri) => {
      // Nodes merged into others (the vocabulary's formerIds, the graph's NodeAlias) first: see src/vocabulary/.
      const aliased = await progress.step("applying node aliases", () =>
        applyAliasesBeforeLoad(graph, catalogue, loadVocabulary()),
      );
      process.stdout.write(formatMerged(aliased.merged));
      for (const warning of aliased.warnings) note(`warning: ${warning}`);
      const what = `loading ${catalogue.practices.length} practices into ${uri} (one transaction)`;
      let report;
      try {
        report = await progress.step(what, () =>
          loadCatalogue(graph, aliased.catalogue, {
            allow,
            beforeWriting: (changes) => progress.report(formatChanges(BEFORE_WRITING, changes)),
          }),
        );
      } catch (error) {
        // The merge committed on its own: what practices share changed even though the catalogue is not loaded.
        if (aliased.merged.length > 0) await similarityAfterMerge(graph, aliased.merged.length);
        throw error;
      }
      process.stdout.write(formatLoadReport(report));
    },
    progress,
  );
  return 0;
}

/**
 * The load refused the catalogue after the merge of old nodes committed (its own transaction, graph version
 * advanced): similarity is recomputed, so that no SIMILAR_TO reason names a node that is gone, and the report says so.
 */
async function similarityAfterMerge(graph: Graph, merged: number): Promise<void> {
  note(`the ${merged} node merge(s) above committed before the load (they stay), although the catalogue is not loaded`);
  try {
    const similarity = await recomputeSimilarity(graph);
    note(`similarity recomputed after the merge: ${similarity.relationships} SIMILAR_TO links`);
  } catch (error) {
    note(`computing similarity after the merge failed: ${(error as Error).message}; npm start computes it`);
  }
}

runCommand("ingest", main);
