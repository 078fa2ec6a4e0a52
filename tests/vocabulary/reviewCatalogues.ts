/**
 * What the review tests read: a generated catalogue whose cards name the actors a test needs (its temporary
 * directories removed by removeCatalogues), and the files of a vocabulary directory. Copies of the seed vocabulary
 * with entries added are tests/support/vocabulary.ts's.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REGIONS } from "../../src/reference/regions";
import { generatedCatalogue } from "../support/catalogues";

const YEAR = 2030;

const STAKEHOLDERS = "QUALI SONO STATI I SOGGETTI COINVOLTI NELL'IMPLEMENTAZIONE DELLA PRATICA?\t";
const FUNDING = "QUALE ERA/ERANO LE FONTI DI FINANZIAMENTO?\t";

/** The directories catalogueNaming made, in this test file (jest loads the module anew for each). */
const made: string[] = [];

/** Removes every catalogue catalogueNaming made: a test file's `afterAll(removeCatalogues)`. */
export function removeCatalogues(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The generated catalogue of one card per region (tests/support/catalogues.ts), the stakeholders (and the funding)
 * of the card of each region named replaced by the text given, in a temporary directory that removeCatalogues
 * removes. `lineOf` is the file's line holding a text.
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-review-catalogue-"));
  made.push(dir);
  const file = path.join(dir, "catalogo-2030.md");
  fs.writeFileSync(file, text);
  const written = text.split("\n");
  return { file, lineOf: (part) => written.findIndex((line) => line.includes(part)) + 1 };
}

/** Every file of a directory and its text. */
export function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));
}
