/**
 * The whole graph as comparable data, independent of internal ids: every node (labels, properties) and every
 * relationship (type, endpoints by label and key, properties), sorted. Similarity is derived and recomputed, so it
 * comes apart: each SIMILAR_TO edge by its endpoints, score (rounded: floating sums may be added in another order)
 * and what the two practices share; the similarity's own bookkeeping (the practices' similarity* properties, an
 * edge's masses or refresh generation) is left out.
 */
import type { Driver } from "neo4j-driver";

export type GraphSnapshot = { graph: string[]; similarity: string[] };

const NODES = "MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS properties";
const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS fromLabels, coalesce(a.id, a.nuts, a.code) AS from,
  labels(b) AS toLabels, coalesce(b.id, b.nuts, b.code) AS to, properties(r) AS properties`;

const sorted = (properties: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
const rounded = (score: unknown) => Number(Number(score).toPrecision(12));

export async function snapshotGraph(driver: Driver): Promise<GraphSnapshot> {
  const graph: string[] = [];
  const similarity: string[] = [];
  for (const record of (await driver.executeQuery(NODES)).records) {
    const properties = record.get("properties") as Record<string, unknown>;
    const own = Object.fromEntries(Object.entries(properties).filter(([key]) => !key.startsWith("similarity")));
    graph.push(JSON.stringify([record.get("labels"), sorted(own)]));
  }
  for (const record of (await driver.executeQuery(RELATIONSHIPS)).records) {
    const { type, fromLabels, from, toLabels, to, properties } = record.toObject();
    if (type === "SIMILAR_TO") {
      const shared = Object.entries(properties as Record<string, unknown>).filter(([key]) => key.startsWith("shared"));
      similarity.push(JSON.stringify([from, to, rounded(properties.score), sorted(Object.fromEntries(shared))]));
    } else {
      graph.push(JSON.stringify([type, fromLabels, from, toLabels, to, sorted(properties)]));
    }
  }
  return { graph: graph.sort(), similarity: similarity.sort() };
}

/**
 * What a snapshot's graph lines should be once the provisional stakeholder `id` is accepted into the vocabulary with
 * the English name `nameEn`: that node curated and so named, every other node and every link as before (sorted).
 * Throws unless `before` holds the provisional node exactly once.
 */
export function acceptedStakeholder(before: readonly string[], id: string, name: string, nameEn: string): string[] {
  const node = `[["Stakeholder"],{"curated":false,"id":"${id}",`;
  if (before.filter((line) => line.startsWith(node)).length !== 1) throw new Error(`${id} is not one provisional node`);
  const curated = (line: string) =>
    line
      .replace('"curated":false', '"curated":true')
      .replace(`"name":"${name}"`, `"name":"${name}","nameEn":"${nameEn}"`);
  return before.map((line) => (line.startsWith(node) ? curated(line) : line)).sort();
}
