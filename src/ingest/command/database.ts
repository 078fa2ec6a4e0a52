/**
 * The database an import writes into, opened as `npm run ingest` opens it: NEO4J_URI, the bundled Neo4j when it is
 * running (under npm start), or one started for the import. Its schema is applied first, and similarity recomputed
 * once the import has written: what the practices share, and how rare it is, has changed.
 */
import type { Driver } from "neo4j-driver";
import type { Config } from "../../config";
import { createLogger } from "../../logger";
import { connectDatabase } from "../../neo4j/connect";
import { applySchema } from "../../neo4j/schema";
import { recomputeSimilarity } from "../../similarity";

/**
 * `written` says what is in the database once `write` has committed ("the catalogue is loaded"), for the message of a
 * similarity that then fails: the data stays, and npm start computes the similarity that practices lack.
 */
export async function importInto(config: Config, written: string, write: (driver: Driver, uri: string) => Promise<void>): Promise<void> {
  const database = await connectDatabase(config, createLogger(config.logLevel), { reuseRunning: true });
  try {
    await applySchema(database.driver, config.neo4j.database);
    await write(database.driver, database.uri);
    process.stderr.write("ingest: recomputing similarity (what practices share, and how rare it is, changed)\n");
    let similarity;
    try {
      similarity = await recomputeSimilarity(database.driver, { database: config.neo4j.database });
    } catch (error) {
      throw new Error(
        `${written} (its transaction committed), but computing similarity failed: ${(error as Error).message}; ` +
          "npm start computes the similarity the practices lack when it starts",
        { cause: error },
      );
    }
    process.stdout.write(`Similarity: ${similarity.relationships} SIMILAR_TO links for ${similarity.practices} practices\n`);
  } finally {
    await database.close();
  }
}
