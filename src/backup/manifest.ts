/**
 * manifest.json, the last file an export writes: whether the export is complete, the catalogues it holds, the SHA-256
 * of every other file, and how many nodes and relationships the database held (similarity aside). A restore refuses
 * an export without it, marked incomplete, or whose files are missing, changed or more than it lists, and compares
 * what it wrote with its counts; so an export cut short or edited by hand is never taken for a whole one.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readValidJsonFile } from "../ingest/jsonFile";
import { CATALOGUE_FILE_SUFFIX } from "../ingest/seed";
import { VOCABULARY_FILE } from "./exportFormat";

export const MANIFEST_FILE = "manifest.json";

const count = z.number().int().nonnegative();

const ManifestSchema = z.strictObject({
  /** False when the database held what the files cannot carry (listed in `unexported`): a restore refuses it. */
  complete: z.boolean(),
  catalogues: z.array(z.string().min(1)),
  /** SHA-256 (hex) of each file of the export but this one. */
  files: z.record(z.string().min(1), z.string().regex(/^[0-9a-f]{64}$/)),
  /** What the database held when it was exported, similarity left out: what a restore must write. */
  database: z.strictObject({ nodes: count, relationships: count }),
  unexported: z.array(z.string()),
});

export type Manifest = z.infer<typeof ManifestSchema>;

export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** The export is not the whole one its manifest describes, or has no manifest; the message lists why. */
export class IncompleteExportError extends Error {
  override name = "IncompleteExportError";
}

/** The manifest of a directory, checked against its files; throws, naming every problem, when the export is not whole. */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new IncompleteExportError(
      `${dir} has no ${MANIFEST_FILE}: it is not a directory written by npm run export, or its export was interrupted`,
    );
  }
  const manifest = readValidJsonFile(file, ManifestSchema, "a valid manifest").value;
  const problems: string[] = [];
  if (!manifest.complete) {
    problems.push(
      `${MANIFEST_FILE} marks the export incomplete: the database held what its files cannot carry (a restore would lack it):\n` +
        manifest.unexported.map((thing) => `    ${thing}`).join("\n"),
    );
  }
  for (const [name, hash] of Object.entries(manifest.files)) {
    const listed = path.join(dir, name);
    if (!fs.existsSync(listed)) problems.push(`${name} is missing`);
    else if (sha256(fs.readFileSync(listed, "utf8")) !== hash) {
      problems.push(`${name} was changed after the export: its SHA-256 is not the one ${MANIFEST_FILE} gives`);
    }
  }
  for (const name of fs.readdirSync(dir)) {
    const exported = name === VOCABULARY_FILE || name.endsWith(CATALOGUE_FILE_SUFFIX);
    if (exported && !(name in manifest.files))
      problems.push(`${name} is not in ${MANIFEST_FILE}: it was added after the export`);
  }
  if (problems.length > 0) {
    throw new IncompleteExportError(
      `${dir} is not the whole export ${MANIFEST_FILE} describes; nothing was written:\n${problems.map((line) => `  ${line}`).join("\n")}`,
    );
  }
  return manifest;
}
