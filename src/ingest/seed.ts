/** The reviewed normalized catalogues in seed/ (`*.catalogue.json`), which `npm start` loads when the database lacks them. */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger";
import { NormalizedCatalogueSchema, type NormalizedCatalogue } from "./catalogue";
import { loadCatalogue } from "./load";
import { CatalogueLoadError } from "./loadChecks";

const SEED_DIR = path.resolve(__dirname, "../../seed");

/** The reviewed catalogues of seed/, oldest edition first. */
export function readSeedCatalogues(): NormalizedCatalogue[] {
  return readCatalogueFiles(SEED_DIR);
}

/**
 * The `*.catalogue.json` files of a directory (the seed, a backup), oldest edition first: a later catalogue may build
 * on practices of an earlier one, which must be loaded before.
 */
export function readCatalogueFiles(dir: string): NormalizedCatalogue[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".catalogue.json"))
    .map((file) => {
      const parsed = NormalizedCatalogueSchema.safeParse(readJsonFile(path.join(dir, file)));
      if (!parsed.success) throw new Error(`${path.join(dir, file)} is not a valid normalized catalogue: ${parsed.error.message}`);
      return parsed.data;
    })
    .sort(({ catalog: a }, { catalog: b }) => a.year - b.year || a.asOf.localeCompare(b.asOf) || a.id.localeCompare(b.id));
}

/** The file's JSON; a syntax error names the file, which JSON.parse alone does not. */
export function readJsonFile(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Loads, oldest first, the seed catalogues the database does not hold yet (by catalogue id): a fresh database gets
 * them all, and a seed committed later is loaded at the next start; one the database cannot take is skipped with a
 * warning. Returns how many were loaded.
 */
export async function seedMissingCatalogues(driver: Driver, log: Logger, database?: string, dir = SEED_DIR): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (c:Catalog) RETURN collect(c.id) AS ids", {}, { database });
  const present = new Set<string>(records[0]!.get("ids"));
  const missing = readCatalogueFiles(dir).filter((catalogue) => !present.has(catalogue.catalog.id));
  let loaded = 0;
  for (const catalogue of missing) {
    try {
      const report = await loadCatalogue(driver, catalogue, database);
      log.info({ catalog: catalogue.catalog.id, ...report }, "seed catalogue loaded");
      loaded += 1;
    } catch (error) {
      // A seed this database cannot take (its ids are another catalogue's): the service still serves what it has.
      if (!(error instanceof CatalogueLoadError)) throw error;
      log.warn({ catalog: catalogue.catalog.id, problems: error.problems }, "seed catalogue not loaded");
    }
  }
  return loaded;
}
