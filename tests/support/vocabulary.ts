/** Copies of the seed vocabulary as an expert's review leaves them, for tests of aliases (formerIds). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const VOCABULARY = path.join(__dirname, "../../seed/vocabulary");

/** An entry of a vocabulary file, as its JSON holds it. */
export type VocabularyEntry = Record<string, unknown>;

/** The entry `npm run vocabulary -- review` writes for the seed's provisional "Comune di Avellino" made an alias of it. */
export const CITTA_AVELLINO = {
  id: "citta-avellino",
  name: "Città di Avellino",
  nameEn: "City of Avellino",
  kind: "MUNICIPALITY",
  municipality: "Avellino",
  aliases: ["Città di Avellino", "Comune di Avellino"],
  formerIds: ["comune-avellino"],
};

/** A copy of the seed vocabulary (a temporary directory, the caller's to remove) with one file's entries edited. */
export function vocabularyEdited(file: string, edit: (entries: VocabularyEntry[]) => VocabularyEntry[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-vocabulary-test-"));
  for (const name of fs.readdirSync(VOCABULARY)) fs.copyFileSync(path.join(VOCABULARY, name), path.join(dir, name));
  const entries = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as VocabularyEntry[];
  fs.writeFileSync(path.join(dir, file), `${JSON.stringify(edit(entries), null, 2)}\n`);
  return dir;
}

/** A copy of the seed vocabulary with these entries added to stakeholders.json. */
export function vocabularyWith(...added: VocabularyEntry[]): string {
  return vocabularyEdited("stakeholders.json", (entries) => [...entries, ...added]);
}
