/**
 * The database an import writes into, opened as `npm run ingest` opens it: NEO4J_URI, the bundled Neo4j when it is
 * running (under npm start), or one started for the import. Its schema is applied first, and similarity recomputed
 * once the import has written: what the practices share, and how rare it is, has changed.
 */
import type { Config } from "../../config";
import { createCommandLogger } from "../../logger";
import { connectDatabase } from "../../neo4j/connect";
import { graphOn, type Graph } from "../../neo4j/graph";
import { applySchema } from "../../neo4j/schema";
import { recomputeSimilarity } from "../../similarity";
import { createProgress, type Progress } from "./progress";

/**
 * `written` says what is in the database once `write` has committed ("the catalogue is loaded"), for the message of a
 * similarity that then fails: the data stays, and npm start computes the similarity that practices lack. Logs (the
 * database connection's) go to stderr, so that stdout holds the report alone.
 */
export async function importInto(
  config: Config,
  written: string,
  write: (graph: Graph, uri: string) => Promise<void>,
  progress: Progress = createProgress(),
): Promise<void> {
  const database = await connectDatabase(config, createCommandLogger(config.logLevel), { reuseRunning: true });
  try {
    const graph = graphOn(database.driver, config.neo4j.database);
    await applySchema(graph);
    await write(graph, database.uri);
    let similarity;
    try {
      // What practices share, and how rare it is, changed.
      similarity = await progress.step("recomputing similarity", () => recomputeSimilarity(graph));
    } catch (error) {
      throw new Error(
        `${written} (its transaction committed), but computing similarity failed: ${(error as Error).message}; ` +
          "npm start computes the similarity the practices lack when it starts",
        { cause: error },
      );
    }
    process.stdout.write(
      `Similarity: ${similarity.relationships} SIMILAR_TO links for ${similarity.practices} practices\n`,
    );
  } finally {
    await database.close();
  }
}
