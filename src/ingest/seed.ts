/** The reviewed normalized catalogues in seed/ (`*.catalogue.json`), which `npm start` loads when the database lacks them. */
import fs from "node:fs";
import path from "node:path";
import type { Graph } from "../neo4j/graph";
import type { Logger } from "../logger";
import { loadVocabulary, type Vocabulary } from "../reference/vocabulary";
import { applyAliasesBeforeLoad } from "../vocabulary/graphAliases";
import { byEdition, NormalizedCatalogueSchema, type NormalizedCatalogue } from "./catalogue";
import { readValidJsonFile, type JsonPath } from "./jsonFile";
import { CatalogueLoadError, loadCatalogue } from "./load";

const SEED_DIR = path.resolve(__dirname, "../../seed");
/** How a normalized catalogue's file is named, in seed/ and in an export: `<catalogue id>.catalogue.json`. */
export const CATALOGUE_FILE_SUFFIX = ".catalogue.json";

/** A normalized catalogue, the file it was read from, and the line of any value in that file. */
export type CatalogueFile = { file: string; catalogue: NormalizedCatalogue; lineOf: (path: JsonPath) => number };

/** The reviewed catalogues of seed/, oldest edition first. */
export function readSeedCatalogues(): NormalizedCatalogue[] {
  return readCatalogueFiles(SEED_DIR).map(({ catalogue }) => catalogue);
}

/**
 * The `*.catalogue.json` files of a directory (the seed, a backup), oldest edition first: a later catalogue may build
 * on practices of an earlier one, which must be loaded before.
 */
export function readCatalogueFiles(dir: string): CatalogueFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(CATALOGUE_FILE_SUFFIX))
    .map((name) => {
      const { file, value, lineOf } = readValidJsonFile(
        path.join(dir, name),
        NormalizedCatalogueSchema,
        "a valid normalized catalogue",
      );
      return { file, catalogue: value, lineOf };
    })
    .sort((a, b) => byEdition(a.catalogue, b.catalogue));
}

export type SeedOptions = {
  /** Where the `*.catalogue.json` files are (seed/ by default). */
  dir?: string;
  /** The vocabulary whose former ids map the catalogues' nodes (seed/vocabulary/ by default). */
  vocabulary?: Vocabulary;
};

/**
 * Loads, oldest first, the seed catalogues the database does not hold yet (by catalogue id): a fresh database gets
 * them all, and a seed committed later is loaded at the next start; one the database cannot take is skipped with a
 * warning. Each is first mapped through the node aliases (the vocabulary's former ids, the graph's NodeAlias), as
 * an import maps it, so that a node merged into another is not created again. Returns how many were loaded.
 */
export async function seedMissingCatalogues(graph: Graph, log: Logger, options: SeedOptions = {}): Promise<number> {
  const { dir = SEED_DIR } = options;
  const { records } = await graph.write("MATCH (c:Catalog) RETURN collect(c.id) AS ids");
  const present = new Set<string>(records[0]!.get("ids"));
  const missing = readCatalogueFiles(dir)
    .map(({ catalogue }) => catalogue)
    .filter((catalogue) => !present.has(catalogue.catalog.id));
  let { vocabulary } = options;
  let loaded = 0;
  for (const catalogue of missing) {
    try {
      // Nodes merged into others first, as src/ingest/cli.ts does (src/vocabulary/graphAliases.ts); a merge stays
      // even if the load then refuses the catalogue, and the similarity refresh at start takes it into account.
      vocabulary ??= loadVocabulary();
      const aliased = await applyAliasesBeforeLoad(graph, catalogue, vocabulary);
      for (const warning of aliased.warnings) log.warn({ catalog: catalogue.catalog.id }, warning);
      const report = await loadCatalogue(graph, aliased.catalogue);
      const merged = aliased.merged.length > 0 ? { merged: aliased.merged } : {};
      log.info({ catalog: catalogue.catalog.id, ...merged, ...report }, "seed catalogue loaded");
      loaded += 1;
    } catch (error) {
      // A seed this database cannot take (its ids are another catalogue's): the service still serves what it has.
      if (!(error instanceof CatalogueLoadError)) throw error;
      log.warn({ catalog: catalogue.catalog.id, problems: error.problems }, "seed catalogue not loaded");
    }
  }
  return loaded;
}
