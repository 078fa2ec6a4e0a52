/**
 * The LEP services (DM 4/2018) as the discovery services read them. One rule everywhere: a practice COVERS
 * the codes it implements and the parents of its sub-codes (implementing F1 covers F); asking for a sub-code
 * (F1) is met only by practices implementing that sub-code, since a card that says "F" does not say which part.
 */
import type { GraphReader } from "../neo4j/reader";
import { memoOnGraphVersion } from "./versionMemo";

type LepEntry = { code: string; name: string; parent: string | null };

const LEP_VOCABULARY = `
MATCH (l:Lep)
OPTIONAL MATCH (l)-[:PART_OF]->(parent:Lep)
RETURN l.code AS code, l.name AS name, parent.code AS parent
ORDER BY code`;

/** Every LEP node, top-level services and sub-codes, by code; read once per graph version (versionMemo.ts). */
export const readLeps = memoOnGraphVersion(async (reader: GraphReader): Promise<LepEntry[]> => {
  const { records } = await reader.run(LEP_VOCABULARY);
  return records.map((record) => record.toObject() as LepEntry);
});

/** Cypher expression: the LEP codes practice `p` covers (own codes plus the parents of its sub-codes). */
export const COVERED_LEP_CODES =
  "[(p)-[:IMPLEMENTS]->(l:Lep) | l.code] + [(p)-[:IMPLEMENTS]->(:Lep)-[:PART_OF]->(parent:Lep) | parent.code]";
