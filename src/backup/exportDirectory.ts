/** An export on disk: written whole or not at all, read back validated against its manifest, each problem naming its file. */
import fs from "node:fs";
import path from "node:path";
import { readValidJsonFile, type JsonPath } from "../ingest/jsonFile";
import { readCatalogueFiles, type CatalogueFile } from "../ingest/seed";
import {
  catalogueFileName,
  toJsonFile,
  VOCABULARY_FILE,
  VocabularySnapshotSchema,
  type DatabaseExport,
  type VocabularySnapshot,
} from "./exportFormat";
import { MANIFEST_FILE, readManifest, sha256, type Manifest } from "./manifest";

/** The directory cannot be written or read as an export; the message says which file and why. */
export class ExportDirectoryError extends Error {
  override name = "ExportDirectoryError";
}

/**
 * Writes the files into a new or empty directory, by way of a sibling staging directory renamed at the end, so
 * that an interrupted export leaves no directory that looks complete; manifest.json, written last, says whether the
 * export is complete and what its files hold (manifest.ts). Returns the file names.
 */
export function writeExportDirectory(dir: string, contents: DatabaseExport): string[] {
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new ExportDirectoryError(
      `${dir} is not empty: export into a new or empty directory, so that no file of an older export stays in it`,
    );
  }
  const files = new Map<string, string>([[VOCABULARY_FILE, toJsonFile(contents.vocabulary)]]);
  for (const catalogue of contents.catalogues)
    files.set(catalogueFileName(catalogue.catalog.id), toJsonFile(catalogue));
  const manifest: Manifest = {
    complete: contents.unexported.length === 0,
    catalogues: contents.catalogues.map((catalogue) => catalogue.catalog.id),
    files: Object.fromEntries([...files].map(([name, text]) => [name, sha256(text)])),
    database: contents.database,
    unexported: contents.unexported,
  };
  files.set(MANIFEST_FILE, toJsonFile(manifest));
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
  manifest: Manifest;
  vocabulary: VocabularySnapshot;
  vocabularyFile: { file: string; lineOf: (path: JsonPath) => number };
  /** Oldest edition first. */
  catalogues: CatalogueFile[];
};

/** The export in a directory, refused unless it is whole and complete as its manifest describes it. */
export function readExportDirectory(dir: string): ExportContents {
  const manifest = readManifest(dir);
  const { file, value, lineOf } = readValidJsonFile(
    path.join(dir, VOCABULARY_FILE),
    VocabularySnapshotSchema,
    "a valid vocabulary export",
  );
  return { manifest, vocabulary: value, vocabularyFile: { file, lineOf }, catalogues: readCatalogueFiles(dir) };
}
