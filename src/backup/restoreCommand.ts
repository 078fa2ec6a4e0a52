/**
 * `npm run ingest -- DIR`: restores an export (src/backup/restore.ts) into the database an import would write into,
 * then recomputes similarity. The files are checked first (restoreChecks.ts); with --dry-run only they are.
 */
import { loadConfig } from "../config";
import { importInto } from "../ingest/command";
import { readExportDirectory } from "./exportDirectory";
import { VOCABULARY_NODES } from "./exportFormat";
import { restoreExport } from "./restore";
import { findBrokenReferences } from "./restoreChecks";

export async function restoreCommand(dir: string, options: { dryRun: boolean }): Promise<number> {
  const progress = (message: string) => process.stderr.write(`ingest: ${message}\n`);
  progress(`reading the export in ${dir}`);
  const backup = readExportDirectory(dir);
  const catalogues = backup.catalogues.map(({ catalogue }) => catalogue);
  const practices = catalogues.flatMap((catalogue) => catalogue.practices);
  const editorLinks = practices.reduce((count, practice) => count + (practice.editorLinks?.length ?? 0), 0);
  const vocabularyNodes = VOCABULARY_NODES.reduce((sum, spec) => sum + backup.vocabulary[spec.array].length, 0);
  process.stdout.write(
    `Export ${dir}: ${catalogues.length} catalogue(s) (${catalogues.map((catalogue) => catalogue.catalog.id).join(", ")}), ` +
      `${practices.length} practices, ${editorLinks} link(s) added by editors; vocabulary: ${vocabularyNodes} nodes\n`,
  );
  const problems = findBrokenReferences(backup);
  if (problems.length > 0) {
    process.stdout.write(
      `CANNOT BE RESTORED as it is (${problems.length} problem(s)); nothing was written:\n${problems.map((problem) => `  ${problem}\n`).join("")}`,
    );
    return 1;
  }
  if (options.dryRun) {
    progress("dry run: the files are valid and every link leads to a node they hold; nothing was written");
    return 0;
  }
  const config = loadConfig();
  await importInto(config, `the export in ${dir} is restored`, async (graph, uri) => {
    progress(`restoring into ${uri} (one transaction; the database must be empty)`);
    const report = await restoreExport(graph, backup);
    process.stdout.write(
      `Restored ${report.catalogues} catalogue(s), ${report.practices} practices in one transaction: ` +
        `${report.nodesCreated} nodes and ${report.relationshipsCreated} relationships created\n`,
    );
  });
  return 0;
}
