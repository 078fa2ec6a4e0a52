/**
 * Reading nodes for the selections plan.ts covers, in the shape the generated API would return them, through the
 * request's GraphReader (its timeout, request id and abandonment). All the loads of one node type in a tick become
 * one statement: their reads merged into one, or one statement each when they page a relationship differently.
 * Nodes another statement read along (a similarity read's neighbours) can be primed into the cache.
 */
import DataLoader from "dataloader";
import { int } from "neo4j-driver";
import type { GraphReader } from "../../neo4j/reader";
import { describeRead, mergeReads, type NodeRead } from "./plan";

export type NodeObject = Record<string, unknown>;

/**
 * What a read adds to a statement that has the node bound to `variable`: CALL subqueries for its relationships, then
 * a map projection of it (with `related<i>` of the subqueries). Every property and relationship name comes from the
 * type definitions (model.ts); values are parameters, named after `variable`.
 */
export type NodeProjection = { subqueries: string; projection: string; parameters: Record<string, unknown> };

export function nodeProjection(read: NodeRead, variable: string): NodeProjection {
  const parameters: Record<string, unknown> = {};
  const fields = [...read.properties].map((property) => `.\`${property}\``);
  const subqueries = [...read.related].map(([field, { relationship, properties, limit, offset }], index) => {
    const arrows = relationship.direction === "OUT" ? ["-", "->"] : ["<-", "-"];
    const name = `${variable}_related${index}`;
    parameters[`${name}_limit`] = int(limit);
    if (offset !== undefined) parameters[`${name}_offset`] = int(offset);
    fields.push(`\`${field}\`: ${name}`);
    // The generated API's own pattern, so that a list comes back in the same order: the relationships as the
    // database expands them from the node, each node once, then the page.
    return `CALL (${variable}) {
  MATCH (${variable})${arrows[0]}[:\`${relationship.type}\`]${arrows[1]}(related:\`${relationship.target}\`)
  WITH DISTINCT related
  WITH related { ${[...properties].map((property) => `.\`${property}\``).join(", ")} } AS related
  ${offset === undefined ? "" : `SKIP $${name}_offset`}
  LIMIT $${name}_limit
  RETURN ${relationship.list ? "collect(related)" : "head(collect(related))"} AS ${name}
}`;
  });
  return { subqueries: subqueries.join("\n"), projection: `${variable} { ${fields.join(", ")} }`, parameters };
}

/** The statement reading the nodes of a read by their keys (`$keys`). */
export function nodeReadCypher(
  read: NodeRead,
  keyProperty: string,
): { cypher: string; parameters: Record<string, unknown> } {
  const { subqueries, projection, parameters } = nodeProjection(read, "this");
  const cypher = `MATCH (this:\`${read.type.label}\`)
WHERE this.\`${keyProperty}\` IN $keys
${subqueries}
RETURN this.\`${keyProperty}\` AS key, ${projection} AS node`;
  return { cypher, parameters };
}

type Load = { key: string; read: NodeRead; description: string };
type Group = { read: NodeRead; keys: Set<string>; nodes?: Map<string, NodeObject> };

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
      found ??= groups[groups.push({ read: load.read, keys: new Set() }) - 1]!;
      groupOf.set(load.description, found);
    }
    found.keys.add(load.key);
  }
  return { groups, groupOf };
}

async function readGroup(reader: GraphReader, keyProperty: string, target: Group): Promise<void> {
  const { cypher, parameters } = nodeReadCypher(target.read, keyProperty);
  const { records } = await reader.run(cypher, { ...parameters, keys: [...target.keys] });
  target.nodes = new Map(records.map((record) => [record.get("key") as string, record.get("node") as NodeObject]));
}

/** Per-request loaders of nodes by key, one per node type. */
export type NodeReads = {
  load(read: NodeRead, keyProperty: string, key: string): Promise<NodeObject | null>;
  loadMany(read: NodeRead, keyProperty: string, keys: readonly string[]): Promise<Array<NodeObject | null | Error>>;
  /** Nodes that another statement read as `read` selects them (the similarity read's neighbours): `load` answers from them. */
  prime(read: NodeRead, keyProperty: string, nodes: ReadonlyMap<string, NodeObject>): void;
};

export function createNodeReads(reader: GraphReader): NodeReads {
  const loaders = new Map<string, DataLoader<Load, NodeObject | null, string>>();
  const cacheKeyFn = (load: Load) => `${load.description}\u0000${load.key}`;

  const loaderOf = (read: NodeRead, keyProperty: string) => {
    let loader = loaders.get(read.type.name);
    if (!loader) {
      loader = new DataLoader(
        async (loads) => {
          const { groups, groupOf } = group(loads);
          await Promise.all(groups.map((target) => readGroup(reader, keyProperty, target)));
          return loads.map((load) => groupOf.get(load.description)!.nodes!.get(load.key) ?? null);
        },
        { cacheKeyFn },
      );
      loaders.set(read.type.name, loader);
    }
    return loader;
  };

  return {
    load: (read, keyProperty, key) => loaderOf(read, keyProperty).load({ key, read, description: describeRead(read) }),
    loadMany: (read, keyProperty, keys) => {
      const description = describeRead(read);
      return loaderOf(read, keyProperty).loadMany(keys.map((key) => ({ key, read, description })));
    },
    prime: (read, keyProperty, nodes) => {
      const loader = loaderOf(read, keyProperty);
      const description = describeRead(read);
      for (const [key, node] of nodes) loader.prime({ key, read, description }, node);
    },
  };
}
