/**
 * The dry run's comparison with the database: the database a real import would write into (NEO4J_URI, or the
 * bundled Neo4j when it is running; a dry run never starts one), read in a read-only transaction. What the import
 * does before it loads is read there too, not done: the catalogue is mapped through the graph's node aliases, and the
 * graph compared as the merge of the old nodes it still holds would leave it, so that the report shows what the
 * import will change, not an aliased node's links lost and added again; the aliases left out come apart from the
 * report (`warnings`), for the command to say on stderr as the import does. When there is no database to read, the
 * report says so rather than suggesting that nothing would be lost; a NEO4J_URI that cannot be reached fails the dry
 * run, since that comparison is what it was asked for.
 */
import type { Config } from "../../config";
import { createDriver } from "../../neo4j/driver";
import { graphOn, type Graph } from "../../neo4j/graph";
import type { Vocabulary } from "../../reference/vocabulary";
import { readAliasesBeforeLoad, type AliasesBeforeLoad } from "../../vocabulary/graphAliases";
import type { NormalizedCatalogue } from "../catalogue";
import {
  CatalogueLoadError,
  readChangesAfterMerges,
  unallowedChanges,
  type CatalogueChanges,
  type LoadAllowances,
} from "../load";
import { formatChanges, formatPendingMerges } from "../report";

export async function compareWithDatabase(
  config: Config,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
  allow: LoadAllowances,
): Promise<{ report: string; refused: boolean; warnings: string[] }> {
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
          warnings: [],
        };
      }
      const why = `NEO4J_URI is not set and no bundled Neo4j is running on ${uri} (start it with npm start)`;
      return {
        report: `NOT COMPARED with a database: ${why}; what the import would change is unknown.\n`,
        refused: false,
        warnings: [],
      };
    }
    const read = await readWhatTheImportWouldDo(graphOn(driver, database), catalogue, vocabulary);
    const { merges, warnings } = read.aliased;
    const merging = formatPendingMerges(merges);
    const refused = (error: CatalogueLoadError, before: string) => ({
      report: `${before}${refusal(uri, error, merges.length)}`,
      refused: true,
      warnings,
    });
    if ("refusal" in read) return refused(read.refusal, merging);
    const report = `${merging}${formatChanges(
      `What loading it would change in what ${uri} holds (read only, nothing written):`,
      read.changes,
    )}`;
    const unallowed = unallowedChanges(read.aliased.catalogue, read.changes, allow);
    if (unallowed.length === 0) return { report, refused: false, warnings };
    return refused(new CatalogueLoadError(unallowed), report);
  } finally {
    await driver.close();
  }
}

/**
 * In one read-only transaction: the aliases the import applies and the merges it makes first, then what its load
 * would change in the graph those merges leave, or why this database cannot take the catalogue.
 */
export async function readWhatTheImportWouldDo(
  graph: Graph,
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
): Promise<{ aliased: AliasesBeforeLoad } & ({ changes: CatalogueChanges } | { refusal: CatalogueLoadError })> {
  return graph.withSession("READ", (session) =>
    session.executeRead(async (tx) => {
      const aliased = await readAliasesBeforeLoad(tx, catalogue, vocabulary);
      try {
        return { aliased, changes: await readChangesAfterMerges(tx, aliased.catalogue, aliased.merges) };
      } catch (error) {
        if (!(error instanceof CatalogueLoadError)) throw error;
        return { aliased, refusal: error };
      }
    }),
  );
}

/**
 * The merges commit in a transaction of their own before the load's, which refuses: an import that is refused still
 * makes them (src/ingest/cli.ts), and the dry run must not let "nothing was written" say otherwise.
 */
function refusal(uri: string, error: CatalogueLoadError, merges: number): string {
  const merged =
    merges > 0
      ? `  the ${merges} merge(s) above would still be made: they commit before the load, which refuses\n`
      : "";
  return `${uri} could not take it: ${error.message}\n${merged}`;
}
