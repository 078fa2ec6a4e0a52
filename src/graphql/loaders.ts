/**
 * Per-request DataLoaders: whatever a request asks in many places (ten aliased `similarPractices`, say) reaches
 * the database in one batched query per loader, not one per item.
 */
import DataLoader from "dataloader";
import type { Driver } from "neo4j-driver";
import { readSimilarPractices, type Lens, type PracticeMatch } from "../similarity";

export type SimilarQuery = { id: string; lens: Lens; limit: number };

export type Loaders = {
  practiceExists: DataLoader<string, boolean>;
  similarPractices: DataLoader<SimilarQuery, PracticeMatch[], string>;
};

const PRACTICES_EXIST = `
UNWIND $ids AS id
OPTIONAL MATCH (p:Practice {id: id})
RETURN id, p IS NOT NULL AS exists`;

export function createLoaders(driver: Driver, database?: string): Loaders {
  return {
    practiceExists: new DataLoader(async (ids) => {
      const { records } = await driver.executeQuery(PRACTICES_EXIST, { ids }, { database, routing: "READ" });
      const exists = new Map(records.map((record) => [record.get("id") as string, record.get("exists") as boolean]));
      return ids.map((id) => exists.get(id) ?? false);
    }),
    similarPractices: new DataLoader(
      async (queries) => {
        // One read per (lens, limit) asked in the request; usually exactly one.
        const groups = new Map<string, SimilarQuery[]>();
        for (const query of queries) {
          const group = `${query.lens}:${query.limit}`;
          groups.set(group, [...(groups.get(group) ?? []), query]);
        }
        const answers = new Map<string, PracticeMatch[]>();
        for (const group of groups.values()) {
          const { lens, limit } = group[0]!;
          const matches = await readSimilarPractices(driver, [...new Set(group.map((query) => query.id))], lens, limit, database);
          for (const query of group) answers.set(similarKey(query), matches.get(query.id) ?? []);
        }
        return queries.map((query) => answers.get(similarKey(query)) ?? []);
      },
      { cacheKeyFn: similarKey },
    ),
  };
}

function similarKey(query: SimilarQuery): string {
  return `${query.id}|${query.lens}|${query.limit}`;
}
