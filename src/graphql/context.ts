import type { Driver } from "neo4j-driver";
import { createLoaders } from "./loaders";
import type { PrassiContext } from "./resolvers";

/**
 * The context of one GraphQL request: the caller's token and database for @neo4j/graphql, and fresh
 * DataLoaders so that batching and caching never cross requests.
 */
export function createContext(driver: Driver, database: string | undefined, authorization: string | undefined) {
  const context: PrassiContext & { token?: string; sessionConfig: { database?: string } } = {
    driver,
    database,
    loaders: createLoaders(driver, database),
    token: authorization,
    sessionConfig: { database },
  };
  return context;
}
