/**
 * The dry run's comparison with the database: the database a real import would write into (NEO4J_URI, or the
 * bundled Neo4j when it is running; a dry run never starts one), read in a read-only transaction. What the import
 * does before it loads is read there too, not done: the catalogue is mapped through the graph's node aliases, and the
 * graph compared as the merge of the old nodes it still holds would leave it, so that the report shows what the
 * import will change, not an aliased node's links lost and added again. When there is no database to read, the
 * report says so rather than suggesting that nothing would be lost; a NEO4J_URI that cannot be reached fails the dry
 * run, since that comparison is what it was asked for.
 */
import type { Config } from "../../config";
import { createDriver } from "../../neo4j/driver";
import { graphOn, type Graph } from "../../neo4j/graph";
import type { Vocabulary } from "../../reference/vocabulary";
import { readAliasesBeforeLoad, type AliasesBeforeLoad } from "../../vocabulary/graphAliases";
import type { NormalizedCatalogue } from "../catalogue";
import { CatalogueLoadError, readPreview, unallowedChanges, type CatalogueChanges, type LoadAllowances } from "../load";
import { formatChanges, formatPendingMerges } from "../report";

export async function compareWithDatabase(
  config: Config,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
  allow: LoadAllowances,
): Promise<{ report: string; refused: boolean }> {
  const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.bundled.boltPort}`;
  const database = config.neo4j.database;
  const driver = createDriver({ ...config.neo4j, uri });
  try {
    try {
      await driver.verifyConnectivity({ database });
    } catch (error) {
      // NEO4J_URI names the database the editor asked to compare with: not reaching it fails the dry run.
      if (config.neo4j.uri) {
        return {
          report: `NOT COMPARED with ${uri} (NEO4J_URI), which cannot be reached: ${(error as Error).message}\n`,
          refused: true,
        };
      }
      const why = `NEO4J_URI is not set and no bundled Neo4j is running on ${uri} (start it with npm start)`;
      return {
        report: `NOT COMPARED with a database: ${why}; what the import would change is unknown.\n`,
        refused: false,
      };
    }
    const read = await readWhatTheImportWouldDo(graphOn(driver, database), catalogue, vocabulary);
    const merging = formatPendingMerges(read.aliased.merges, read.aliased.warnings);
    if ("refusal" in read) return { report: `${merging}${refusal(uri, read.refusal)}`, refused: true };
    const report = `${merging}${formatChanges(
      `What loading it would change in what ${uri} holds (read only, nothing written):`,
      read.changes,
    )}`;
    const unallowed = unallowedChanges(read.aliased.catalogue, read.changes, allow);
    if (unallowed.length === 0) return { report, refused: false };
    return { report: `${report}${refusal(uri, new CatalogueLoadError(unallowed))}`, refused: true };
  } finally {
    await driver.close();
  }
}

/**
 * In one read-only transaction: the aliases the import applies and the merges it makes first, then what its load
 * would change in the graph those merges leave, or why this database cannot take the catalogue.
 */
async function readWhatTheImportWouldDo(
  graph: Graph,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
): Promise<{ aliased: AliasesBeforeLoad } & ({ changes: CatalogueChanges } | { refusal: CatalogueLoadError })> {
  return graph.withSession("READ", (session) =>
    session.executeRead(async (tx) => {
      const aliased = await readAliasesBeforeLoad(tx, catalogue, vocabulary);
      try {
        return { aliased, changes: await readPreview(tx, aliased.catalogue, aliased.merges) };
      } catch (error) {
        if (!(error instanceof CatalogueLoadError)) throw error;
        return { aliased, refusal: error };
      }
    }),
  );
}

function refusal(uri: string, error: CatalogueLoadError): string {
  return `${uri} could not take it: ${error.message}\n`;
}
