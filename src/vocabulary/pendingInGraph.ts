/**
 * The provisional nodes a database holds (`curated: false`), from every catalogue imported, as a review file
 * (reviewFile.ts): `npm run vocabulary -- pending --database`. Each with its place, its organisation, and where
 * practices link it: a card's field and line, or an editor's link (line null).
 */
import type { ManagedTransaction } from "neo4j-driver";
import { cardFieldKey } from "../ingest/practiceGraph";
import { defaultNameEn, groupByKind, type ReviewFile, type ReviewNode } from "./reviewFile";

/**
 * One row a node: a node with two regions or two organisations (hand-made, or merged) gives the first of each, not a
 * row for each (the review would then refuse the node as listed twice).
 */
const PROVISIONAL = `
MATCH (n:Stakeholder|Cpi|FundingSource) WHERE n.curated = false
CALL (n) {
  OPTIONAL MATCH (n)-[:IN_REGION]->(region:Region)
  RETURN min(region.nuts) AS region
}
CALL (n) {
  OPTIONAL MATCH (n)-[:PART_OF]->(organisation:Stakeholder)
  RETURN min(organisation.id) AS partOf
}
CALL (n) {
  OPTIONAL MATCH (p:Practice)-[link]->(n) WHERE link.field IS NOT NULL
  WITH p, link ORDER BY p.id, link.line
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE {practice: p.id, field: link.field, line: link.line} END) AS mentions
}
RETURN [label IN labels(n) WHERE label IN ['Stakeholder', 'Cpi', 'FundingSource']][0] AS label, properties(n) AS node,
  region, partOf, mentions
ORDER BY label, n.id`;

type Mention = { practice: string; field: string; line: number | null };

export async function pendingInGraph(tx: Pick<ManagedTransaction, "run">, source: string): Promise<ReviewFile> {
  const { records } = await tx.run(PROVISIONAL);
  const nodes = records.map((record): ReviewNode => {
    const label = record.get("label") as ReviewNode["label"];
    const node = record.get("node") as Record<string, unknown>;
    const text = (key: string) =>
      typeof node[key] === "string" && node[key] !== "" ? { [key]: node[key] as string } : {};
    const region = record.get("region") as string | null;
    const partOf = record.get("partOf") as string | null;
    const place = {
      ...text("municipality"),
      ...text("municipalityIstat"),
      ...text("province"),
      ...text("provinceName"),
      ...(region ? { region } : {}),
    };
    const name = String(node.name);
    const kind = label === "Cpi" ? {} : { kind: node.kind as ReviewNode["kind"] };
    const nameEn =
      label === "Cpi"
        ? {}
        : { nameEn: (node.nameEn as string | undefined) ?? defaultNameEn({ label, name, ...kind, ...place }) };
    const mentions = (record.get("mentions") as Mention[]).map((mention) => ({
      practice: mention.practice,
      field: cardFieldKey(mention.field) ?? mention.field,
      line: mention.line === null ? null : Number(mention.line),
    }));
    return {
      id: String(node.id),
      label,
      name,
      ...nameEn,
      ...kind,
      ...(partOf ? { partOf } : {}),
      ...place,
      spellings: [name],
      mentions,
      decision: "pending",
    };
  });
  return groupByKind(nodes, source);
}
