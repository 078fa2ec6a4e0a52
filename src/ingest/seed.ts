/** The reviewed normalized catalogues in seed/ (`*.catalogue.json`), loaded by `npm start` into an empty database. */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger";
import { NormalizedCatalogueSchema, type NormalizedCatalogue } from "./catalogue";
import { loadCatalogue } from "./load";

const SEED_DIR = path.resolve(__dirname, "../../seed");

export function readSeedCatalogues(dir = SEED_DIR): NormalizedCatalogue[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".catalogue.json"))
    .sort()
    .map((file) => {
      const parsed = NormalizedCatalogueSchema.safeParse(readJsonFile(path.join(dir, file)));
      if (!parsed.success) throw new Error(`seed/${file} is not a valid normalized catalogue: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The file's JSON; a syntax error names the file, which JSON.parse alone does not. */
function readJsonFile(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Loads the seed catalogues when the database holds no practice; returns how many were loaded. */
export async function seedIfEmpty(driver: Driver, log: Logger, database?: string): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (p:Practice) RETURN count(p) AS practices", {}, { database });
  if (records[0]!.get("practices") > 0) return 0;
  const catalogues = readSeedCatalogues();
  for (const catalogue of catalogues) {
    const report = await loadCatalogue(driver, catalogue, database);
    log.info({ catalog: catalogue.catalog.id, ...report }, "seed catalogue loaded");
  }
  return catalogues.length;
}
