/**
 * npm run export -- DIR
 * Writes what the database holds into DIR (new or empty): every catalogue in the normalized catalogue format, editors'
 * changes included, and the curated vocabulary (src/backup/exportFormat.ts). `npm run ingest -- DIR` restores it
 * into an empty database. Exit 0 when the files hold the whole graph (similarity aside, which a restore recomputes),
 * 1 when something could not be exported (listed; the files hold the rest, and manifest.json marks them incomplete, so
 * that a restore refuses them) or the export failed, 2 on bad usage.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { runCommand } from "../ingest/command";
import { connectDatabase } from "../neo4j/connect";
import { graphOn } from "../neo4j/graph";
import { writeExportDirectory } from "./exportDirectory";
import { exportGraph } from "./exportGraph";
import { MANIFEST_FILE } from "./manifest";
import { readGraph } from "./readGraph";

const USAGE = "usage: npm run export -- DIR";

async function main(): Promise<number> {
  let dir: string | undefined;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new Error("one directory expected");
    dir = positionals[0]!;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await connectDatabase(config, createLogger(config.logLevel), { reuseRunning: true });
  try {
    process.stderr.write(`export: reading ${database.uri}\n`);
    const contents = exportGraph(await readGraph(graphOn(database.driver, config.neo4j.database)));
    const files = writeExportDirectory(dir, contents);
    const practices = contents.catalogues.reduce((sum, catalogue) => sum + catalogue.practices.length, 0);
    process.stdout.write(
      `Exported ${contents.catalogues.length} catalogue(s), ${practices} practices and the vocabulary to ${dir}: ${files.join(", ")}\n`,
    );
    if (contents.unexported.length === 0) return 0;
    process.stdout.write(
      `INCOMPLETE: ${contents.unexported.length} thing(s) the database holds are in no file (a restore would lack them):\n` +
        contents.unexported.map((problem) => `  ${problem}\n`).join("") +
        `${MANIFEST_FILE} marks the export incomplete, so that no restore takes it for the whole graph\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

runCommand("export", main);
