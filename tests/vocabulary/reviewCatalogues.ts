/**
 * What the review tests read: a generated catalogue whose cards name the actors a test needs, and copies of the seed
 * vocabulary with entries added, as an expert's working tree.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REGIONS } from "../../src/reference/regions";
import { generatedCatalogue } from "../support/catalogues";

const VOCABULARY = path.join(__dirname, "../../seed/vocabulary");
const YEAR = 2030;

const STAKEHOLDERS = "QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?\t";
const FUNDING = "QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?\t";

/**
 * The generated catalogue of one card per region (tests/support/catalogues.ts), the stakeholders (and the funding)
 * of the card of each region named replaced by the text given, in a temporary directory. `lineOf` is the file's line
 * holding a text.
 */
export function catalogueNaming(
  stakeholdersByRegion: Record<string, string>,
  fundingByRegion: Record<string, string> = {},
): { file: string; lineOf: (text: string) => number } {
  const lines = generatedCatalogue(YEAR, REGIONS.length).split("\n");
  const replace = (region: string, field: string, value: string) => {
    // Card n is of REGIONS[n % 21] (the generator's rule): find the card of this region, then its field.
    const n = REGIONS.findIndex((candidate) => candidate.name === region) || REGIONS.length;
    const card = lines.findIndex((line) => line.startsWith(`## ${n} Regione ${region}`));
    const at = lines.findIndex((line, index) => index > card && line.startsWith(field));
    if (card < 0 || at < 0) throw new Error(`no card of ${region} in the generated catalogue`);
    lines[at] = `${field}${value}`;
  };
  for (const [region, stakeholders] of Object.entries(stakeholdersByRegion))
    replace(region, STAKEHOLDERS, stakeholders);
  for (const [region, funding] of Object.entries(fundingByRegion)) replace(region, FUNDING, funding);
  const text = lines.join("\n");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prassi-review-catalogue-")), "catalogo-2030.md");
  fs.writeFileSync(file, text);
  const written = text.split("\n");
  return { file, lineOf: (part) => written.findIndex((line) => line.includes(part)) + 1 };
}

/** A copy of the seed vocabulary with entries appended to its files (file name -> entries). */
export function vocabularyCopy(added: Record<string, object[]> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-review-vocabulary-"));
  for (const name of fs.readdirSync(VOCABULARY)) fs.copyFileSync(path.join(VOCABULARY, name), path.join(dir, name));
  for (const [name, entries] of Object.entries(added)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${JSON.stringify([...JSON.parse(fs.readFileSync(file, "utf8")), ...entries], null, 2)}\n`);
  }
  return dir;
}

/** Every file of a directory and its text. */
export function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));
}
