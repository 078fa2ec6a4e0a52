/**
 * The dry run's comparison with the database: the database a real import would write into (NEO4J_URI, or the
 * bundled Neo4j when it is running; a dry run never starts one), read in a read-only transaction. When there is
 * none to read, the report says so rather than suggesting that nothing would be lost; a NEO4J_URI that cannot be
 * reached fails the dry run, since that comparison is what it was asked for.
 */
import type { Config } from "../../config";
import { createDriver } from "../../neo4j/driver";
import { graphOn } from "../../neo4j/graph";
import type { NormalizedCatalogue } from "../catalogue";
import { CatalogueLoadError, previewCatalogueChanges, unallowedChanges, type LoadAllowances } from "../load";
import { formatChanges } from "../report";

export async function compareWithDatabase(
  config: Config,
  catalogue: NormalizedCatalogue,
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
    try {
      const changes = await previewCatalogueChanges(graphOn(driver, database), catalogue);
      const report = formatChanges(
        `What loading it would change in what ${uri} holds (read only, nothing written):`,
        changes,
      );
      const unallowed = unallowedChanges(catalogue, changes, allow);
      if (unallowed.length === 0) return { report, refused: false };
      return { report: `${report}${refusal(uri, new CatalogueLoadError(unallowed))}`, refused: true };
    } catch (error) {
      if (!(error instanceof CatalogueLoadError)) throw error;
      return { report: refusal(uri, error), refused: true };
    }
  } finally {
    await driver.close();
  }
}

function refusal(uri: string, error: CatalogueLoadError): string {
  return `${uri} could not take it: ${error.message}\n`;
}
