/**
 * Reading nodes for the selections plan.ts covers, in the shape the generated API would return them, through the
 * request's GraphReader (its timeout, request id and abandonment). All the loads of one node type in a tick become
 * one statement: their reads merged into one, or one statement each when they page a relationship differently.
 * The practices similar to others can also be read ahead, beside the similarity read, and wait in the cache.
 */
import DataLoader from "dataloader";
import { int } from "neo4j-driver";
import type { GraphReader } from "../../neo4j/reader";
import { describeRead, mergeReads, type NodeRead } from "./plan";

export type NodeObject = Record<string, unknown>;

/** Which nodes a statement reads: those with the given keys, or the stored similar practices of the given ones. */
type Start = "keys" | "similarTo";

const START: Record<Start, (read: NodeRead, keyProperty: string) => string> = {
  keys: (read, keyProperty) => `MATCH (this:\`${read.type.label}\`)
WHERE this.\`${keyProperty}\` IN $keys`,
  similarTo: (read, keyProperty) => `MATCH (source:\`${read.type.label}\`)
WHERE source.\`${keyProperty}\` IN $keys
MATCH (source)-[:SIMILAR_TO]->(this:\`${read.type.label}\`)
WITH DISTINCT this`,
};

/** One statement: every property and relationship name comes from the type definitions (model.ts), values are parameters. */
export function nodeReadCypher(read: NodeRead, keyProperty: string, start: Start = "keys"): { cypher: string; parameters: Record<string, unknown> } {
  const parameters: Record<string, unknown> = {};
  const projection = [...read.properties].map((property) => `.\`${property}\``);
  const subqueries = [...read.related].map(([field, { relationship, properties, limit, offset }], index) => {
    const arrows = relationship.direction === "OUT" ? ["-", "->"] : ["<-", "-"];
    parameters[`limit${index}`] = int(limit);
    if (offset !== undefined) parameters[`offset${index}`] = int(offset);
    projection.push(`\`${field}\`: related${index}`);
    // The generated API's own pattern, so that a list comes back in the same order: the relationships as the
    // database expands them from the node, each node once, then the page.
    return `CALL (this) {
  MATCH (this)${arrows[0]}[:\`${relationship.type}\`]${arrows[1]}(related:\`${relationship.target}\`)
  WITH DISTINCT related
  WITH related { ${[...properties].map((property) => `.\`${property}\``).join(", ")} } AS related
  ${offset === undefined ? "" : `SKIP $offset${index}`}
  LIMIT $limit${index}
  RETURN ${relationship.list ? "collect(related)" : "head(collect(related))"} AS related${index}
}`;
  });
  const cypher = `${START[start](read, keyProperty)}
${subqueries.join("\n")}
RETURN this.\`${keyProperty}\` AS key, this { ${projection.join(", ")} } AS node`;
  return { cypher, parameters };
}

type Load = { key: string; read: NodeRead; description: string };
type Group = { read: NodeRead; descriptions: Set<string>; keys: Set<string>; nodes?: Map<string, NodeObject> };

/** The loads of a batch in as few reads as merge, each remembering which loads it serves. */
function group(loads: readonly Load[]): { groups: Group[]; groupOf: Map<string, Group> } {
  const groups: Group[] = [];
  const groupOf = new Map<string, Group>();
  for (const load of loads) {
    let found = groupOf.get(load.description);
    if (!found) {
      for (const candidate of groups) {
        const merged = mergeReads(candidate.read, load.read);
        if (merged) {
          candidate.read = merged;
          found = candidate;
          break;
        }
      }
      found ??= groups[groups.push({ read: load.read, descriptions: new Set(), keys: new Set() }) - 1]!;
      found.descriptions.add(load.description);
      groupOf.set(load.description, found);
    }
    found.keys.add(load.key);
  }
  return { groups, groupOf };
}

async function readGroup(reader: GraphReader, keyProperty: string, start: Start, target: Group): Promise<void> {
  const { cypher, parameters } = nodeReadCypher(target.read, keyProperty, start);
  const { records } = await reader.run(cypher, { ...parameters, keys: [...target.keys] });
  target.nodes = new Map(records.map((record) => [record.get("key") as string, record.get("node") as NodeObject]));
}

/** Per-request loaders of nodes by key, one per node type. */
export type NodeReads = {
  load(read: NodeRead, keyProperty: string, key: string): Promise<NodeObject | null>;
  loadMany(read: NodeRead, keyProperty: string, keys: readonly string[]): Promise<Array<NodeObject | null | Error>>;
  /**
   * Reads the stored similar practices of these (every SIMILAR_TO neighbour, whatever the lens) as `read` selects
   * them, into the cache `load` answers from: batched per tick, one statement, meant to run beside the similarity read.
   */
  readSimilarAhead(read: NodeRead, keyProperty: string, keys: readonly string[]): Promise<void>;
};

export function createNodeReads(reader: GraphReader): NodeReads {
  const loaders = new Map<string, DataLoader<Load, NodeObject | null, string>>();
  const ahead = new Map<string, DataLoader<Load, void, string>>();
  const cacheKeyFn = (load: Load) => `${load.description}\u0000${load.key}`;

  const loaderOf = (read: NodeRead, keyProperty: string) => {
    let loader = loaders.get(read.type.name);
    if (!loader) {
      loader = new DataLoader(
        async (loads) => {
          const { groups, groupOf } = group(loads);
          await Promise.all(groups.map((target) => readGroup(reader, keyProperty, "keys", target)));
          return loads.map((load) => groupOf.get(load.description)!.nodes!.get(load.key) ?? null);
        },
        { cacheKeyFn },
      );
      loaders.set(read.type.name, loader);
    }
    return loader;
  };

  const aheadOf = (read: NodeRead, keyProperty: string) => {
    let loader = ahead.get(read.type.name);
    if (!loader) {
      const nodes = loaderOf(read, keyProperty);
      loader = new DataLoader(
        async (loads) => {
          const { groups } = group(loads);
          await Promise.all(
            groups.map(async (target) => {
              await readGroup(reader, keyProperty, "similarTo", target);
              for (const [key, node] of target.nodes!) {
                for (const description of target.descriptions) nodes.prime({ key, read: target.read, description }, node);
              }
            }),
          );
          return loads.map(() => undefined);
        },
        { cacheKeyFn },
      );
      ahead.set(read.type.name, loader);
    }
    return loader;
  };

  return {
    load: (read, keyProperty, key) => loaderOf(read, keyProperty).load({ key, read, description: describeRead(read) }),
    loadMany: (read, keyProperty, keys) => {
      const description = describeRead(read);
      return loaderOf(read, keyProperty).loadMany(keys.map((key) => ({ key, read, description })));
    },
    readSimilarAhead: async (read, keyProperty, keys) => {
      const description = describeRead(read);
      await aheadOf(read, keyProperty).loadMany(keys.map((key) => ({ key, read, description })));
    },
  };
}
