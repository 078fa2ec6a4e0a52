/**
 * Writing the vocabulary's files (the review's decisions, the editors' merges): the changed files are applied to a
 * scratch copy of the directory, the copy is checked as the importer checks the vocabulary (loadVocabulary), a
 * problem is told with the real directory's paths, and only then is each file written, atomically (a temporary file
 * beside it, renamed over it), so that an import never reads a half-written file. Nothing is written unless all loads.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadVocabulary, VocabularyError, type Vocabulary } from "../reference/vocabulary";

/** The vocabulary with the changes would not load; nothing was written. Paths are the real directory's. */
export class VocabularyCheckError extends Error {
  override name = "VocabularyCheckError";
}

/** A file of the vocabulary as read, to be written back in its layout. */
export type HeldFile<E> = { entries: E[]; text: string; changed: boolean };

/** 2-space JSON, as the files are written, with the final newline the file had (or not). */
export function layout(entries: readonly object[], original: string): string {
  return `${JSON.stringify(entries, null, 2)}${original.endsWith("\n") ? "\n" : ""}`;
}

/** Reads a vocabulary file's entries, keeping its text for the layout. */
export function readHeld<E>(dir: string, file: string): HeldFile<E> {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return { entries: JSON.parse(text) as E[], text, changed: false };
}

/**
 * Checks the vocabulary of `dir` with these files changed (name -> entries) and writes them unless a dry run; returns
 * the vocabulary as it then loads. Throws VocabularyCheckError, with nothing written, when it would not load.
 */
export function writeVocabularyFiles(
  dir: string,
  changed: ReadonlyMap<string, HeldFile<object>>,
  options: { dryRun?: boolean } = {},
): Vocabulary {
  const texts = [...changed].map(([file, held]) => [file, layout(held.entries, held.text)] as const);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-vocabulary-"));
  let vocabulary: Vocabulary;
  try {
    fs.cpSync(dir, scratch, { recursive: true });
    for (const [file, text] of texts) fs.writeFileSync(path.join(scratch, file), text);
    vocabulary = loadVocabulary(scratch);
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    throw new VocabularyCheckError(error.message.split(scratch).join(dir), { cause: error });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!options.dryRun) {
    for (const [file, text] of texts) {
      const target = path.join(dir, file);
      const temporary = path.join(dir, `.${file}.${process.pid}.tmp`);
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, target);
    }
  }
  return vocabulary;
}
