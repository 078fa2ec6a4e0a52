/**
 * An editor's merge of two nodes through the API (`mergeNodes`, schema/merge.graphql): in one transaction, checks
 * both ids name nodes of the type, merges `from` into `into` (mergeNodes.ts) and records the alias in the graph
 * (graphAliases.ts), which later imports apply, the export carries and `npm run vocabulary -- merges` writes into the
 * vocabulary. What the editor can fix comes back as user errors, with nothing changed.
 */
import type { Graph } from "../neo4j/graph";
import { ALIAS_LABELS, type AliasLabel } from "./aliases";
import { recordNodeAlias, type NodeAliasRecord } from "./graphAliases";
import { mergeNodeInto } from "./mergeNodes";

export type MergeUserError = {
  code: "NOT_FOUND" | "TYPE_MISMATCH" | "SAME_NODE" | "CURATED_INTO_PROVISIONAL" | "KIND_MISMATCH";
  field: string;
  message: string;
};
export type EditorMerge = NodeAliasRecord & { movedLinks: number; droppedLinks: number };
export type MergeResult = { merge: EditorMerge | null; userErrors: MergeUserError[] };

/**
 * The nodes of the mergeable labels that have one of these ids, with whether they are curated and their kind: one
 * index seek per label (a label-less MATCH with a WHERE on labels scans every node).
 */
function nodesOf(): string {
  const seeks = ALIAS_LABELS.map((label) => `  MATCH (n:${label} {id: id}) RETURN n`).join("\n  UNION\n");
  return `
UNWIND $ids AS id
CALL (id) {
${seeks}
}
RETURN id, labels(n) AS labels, n.curated AS curated, n.kind AS kind`;
}

type Found = { labels: string[]; curated: boolean; kind: string | null };

export async function mergeNodes(
  graph: Graph,
  input: { label: AliasLabel; from: string; into: string; editor: string },
  options: { timeoutMs?: number; metadata?: Record<string, unknown> } = {},
): Promise<MergeResult> {
  const { label, from, into, editor } = input;
  if (from === into) {
    return {
      merge: null,
      userErrors: [{ code: "SAME_NODE", field: "into", message: `from and into are both '${from}'` }],
    };
  }
  return graph.withSession("WRITE", (session) =>
    session.executeWrite(
      async (tx) => {
        const { records } = await tx.run(nodesOf(), { ids: [from, into] });
        const found = new Map<string, Found[]>();
        for (const record of records) {
          const node: Found = {
            labels: record.get("labels") as string[],
            // A node without the flag is as the loader's default has it: curated.
            curated: record.get("curated") !== false,
            kind: (record.get("kind") as string | null) ?? null,
          };
          found.set(record.get("id"), [...(found.get(record.get("id")) ?? []), node]);
        }
        const ofLabel = (id: string) => found.get(id)?.find((node) => node.labels.includes(label));
        const userErrors = (["from", "into"] as const).flatMap((field): MergeUserError[] => {
          const id = input[field];
          if (ofLabel(id)) return [];
          const labels = (found.get(id) ?? []).flatMap((node) => node.labels);
          if (labels.length > 0) {
            const message = `'${id}' is a ${labels.join(", ")}, not a ${label}: only nodes of one type merge`;
            return [{ code: "TYPE_MISMATCH", field, message }];
          }
          return [{ code: "NOT_FOUND", field, message: `no ${label} has id '${id}'` }];
        });
        if (userErrors.length > 0) return { merge: null, userErrors };
        const [old, kept] = [ofLabel(from)!, ofLabel(into)!];
        if (old.kind !== null && kept.kind !== null && old.kind !== kept.kind) {
          const message = `'${from}' is a ${old.kind} and '${into}' a ${kept.kind}: only nodes of one kind merge`;
          userErrors.push({ code: "KIND_MISMATCH", field: "into", message });
        }
        if (old.curated && !kept.curated) {
          const message =
            `'${from}' is an entry of the curated vocabulary and '${into}' a provisional node: merge '${into}' ` +
            `into '${from}', or accept '${into}' first (npm run vocabulary -- review)`;
          userErrors.push({ code: "CURATED_INTO_PROVISIONAL", field: "into", message });
        }
        if (userErrors.length > 0) return { merge: null, userErrors };
        const counts = (await mergeNodeInto(tx, label, from, into))!;
        const alias = { type: label, from, into, mergedBy: editor, mergedAt: new Date().toISOString() };
        await recordNodeAlias(tx, alias);
        return { merge: { ...alias, movedLinks: counts.moved, droppedLinks: counts.doubled }, userErrors: [] };
      },
      { timeout: options.timeoutMs, metadata: options.metadata },
    ),
  );
}
