/** An export on disk: written whole or not at all, read back validated, each problem naming its file. */
import fs from "node:fs";
import path from "node:path";
import { readJsonFile, type JsonPath } from "../ingest/jsonFile";
import { readCatalogueFiles, type CatalogueFile } from "../ingest/seed";
import { catalogueFileName, toJsonFile, VOCABULARY_FILE, VocabularySnapshotSchema, type DatabaseExport, type VocabularySnapshot } from "./exportFormat";

/** The directory cannot be written or read as an export; the message says which file and why. */
export class ExportDirectoryError extends Error {
  override name = "ExportDirectoryError";
}

/**
 * Writes the files into a new or empty directory, by way of a sibling staging directory renamed at the end, so
 * that an interrupted export leaves no directory that looks complete. Returns the file names.
 */
export function writeExportDirectory(dir: string, contents: DatabaseExport): string[] {
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new ExportDirectoryError(`${dir} is not empty: export into a new or empty directory, so that no file of an older export stays in it`);
  }
  const files = new Map<string, string>([[VOCABULARY_FILE, toJsonFile(contents.vocabulary)]]);
  for (const catalogue of contents.catalogues) files.set(catalogueFileName(catalogue.catalog.id), toJsonFile(catalogue));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`);
  fs.mkdirSync(staging);
  try {
    for (const [name, text] of files) fs.writeFileSync(path.join(staging, name), text);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return [...files.keys()];
}

/** What an export directory holds, each part with its file and the line of any value in it. */
export type ExportContents = {
  vocabulary: VocabularySnapshot;
  vocabularyFile: { file: string; lineOf: (path: JsonPath) => number };
  /** Oldest edition first. */
  catalogues: CatalogueFile[];
};

export function readExportDirectory(dir: string): ExportContents {
  const vocabularyPath = path.join(dir, VOCABULARY_FILE);
  if (!fs.existsSync(vocabularyPath)) {
    throw new ExportDirectoryError(`${dir} has no ${VOCABULARY_FILE}: it is not a directory written by npm run export`);
  }
  const { file, value, lineOf } = readJsonFile(vocabularyPath);
  const vocabulary = VocabularySnapshotSchema.safeParse(value);
  if (!vocabulary.success) {
    const problems = vocabulary.error.issues.map((issue) => `  ${file}:${lineOf(issue.path)}: ${issue.path.join(".")}: ${issue.message}`);
    throw new ExportDirectoryError(`${file} is not a valid vocabulary export:\n${problems.join("\n")}`);
  }
  return { vocabulary: vocabulary.data, vocabularyFile: { file, lineOf }, catalogues: readCatalogueFiles(dir) };
}
