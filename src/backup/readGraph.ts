/**
 * Reads every node and relationship of the database, as they are, for the export to sort into files. Similarity
 * edges are left out: they are derived, and a restore recomputes them.
 */
import type { Graph } from "../neo4j/graph";
import { GRAPH_VERSION_LABEL } from "../neo4j/graphVersion";

export type GraphNode = { elementId: string; labels: string[]; properties: Record<string, unknown> };
export type GraphRelationship = {
  elementId: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
};
export type GraphContents = { nodes: GraphNode[]; relationships: GraphRelationship[] };

/** Each node with its outgoing relationships, in one statement, so that the two are read together. */
const GRAPH = `
MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL}
RETURN elementId(n) AS elementId, labels(n) AS labels, properties(n) AS properties,
  [(n)-[r]->(m) WHERE type(r) <> 'SIMILAR_TO' |
    {elementId: elementId(r), type: type(r), to: elementId(m), properties: properties(r)}] AS outgoing`;

/** The graph changed while it was read; nothing was written. */
export class GraphChangedError extends Error {
  override name = "GraphChangedError";
}

/**
 * Neo4j reads committed data as a statement goes, so even one statement may meet an import or an editor's write
 * half-way: a relationship leading to a node the read did not see says so, and the export stops rather than write
 * files that do not hold together (README.md, "Backup and restore": take it while nothing writes).
 */
export async function readGraph(graph: Graph): Promise<GraphContents> {
  const { records } = await graph.read(GRAPH);
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for (const record of records) {
    const { elementId, labels, properties, outgoing } = record.toObject() as GraphNode & {
      outgoing: Array<Omit<GraphRelationship, "from">>;
    };
    nodes.push({ elementId, labels, properties });
    relationships.push(...outgoing.map((relationship) => ({ ...relationship, from: elementId })));
  }
  const seen = new Set(nodes.map((node) => node.elementId));
  const dangling = relationships.filter((relationship) => !seen.has(relationship.to));
  if (dangling.length > 0) {
    throw new GraphChangedError(
      `the graph changed while it was read (${dangling.length} relationship(s) lead to a node the read did not see, ` +
        `e.g. a ${dangling[0]!.type}): nothing was written; export again while nothing imports or edits`,
    );
  }
  return { nodes, relationships };
}
