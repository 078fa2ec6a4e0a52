/**
 * An editor's merge of two nodes through the API (`mergeNodes`, schema/merge.graphql): in one transaction, checks
 * both ids name nodes of the type, merges `from` into `into` (mergeNodes.ts) and records the alias in the graph
 * (graphAliases.ts), which later imports apply, the export carries and `npm run vocabulary -- merges` writes into the
 * vocabulary. What the editor can fix comes back as user errors, with nothing changed.
 */
import type { Driver } from "neo4j-driver";
import { ALIAS_LABELS, type AliasLabel } from "./aliases";
import { recordNodeAlias, type NodeAliasRecord } from "./graphAliases";
import { mergeNodeInto } from "./mergeNodes";

export type MergeUserError = { code: "NOT_FOUND" | "TYPE_MISMATCH" | "SAME_NODE"; field: string; message: string };
export type EditorMerge = NodeAliasRecord & { movedLinks: number; droppedLinks: number };
export type MergeResult = { merge: EditorMerge | null; userErrors: MergeUserError[] };

/** The labels that hold a node of this id. */
function labelsOf(): string {
  return `
UNWIND $ids AS id
MATCH (n {id: id}) WHERE ${ALIAS_LABELS.map((label) => `n:${label}`).join(" OR ")}
RETURN id, labels(n) AS labels`;
}

export async function mergeNodes(
  driver: Driver,
  input: { label: AliasLabel; from: string; into: string; editor: string },
  options: { database?: string; timeoutMs?: number; metadata?: Record<string, unknown> } = {},
): Promise<MergeResult> {
  const { label, from, into, editor } = input;
  if (from === into) {
    return {
      merge: null,
      userErrors: [{ code: "SAME_NODE", field: "into", message: `from and into are both '${from}'` }],
    };
  }
  const session = driver.session({ database: options.database });
  try {
    return await session.executeWrite(
      async (tx) => {
        const { records } = await tx.run(labelsOf(), { ids: [from, into] });
        const found = new Map<string, string[]>();
        for (const record of records)
          found.set(record.get("id"), [...(found.get(record.get("id")) ?? []), ...record.get("labels")]);
        const userErrors = (["from", "into"] as const).flatMap((field): MergeUserError[] => {
          const id = input[field];
          const labels = found.get(id) ?? [];
          if (labels.includes(label)) return [];
          if (labels.length > 0) {
            const message = `'${id}' is a ${labels.join(", ")}, not a ${label}: only nodes of one type merge`;
            return [{ code: "TYPE_MISMATCH", field, message }];
          }
          return [{ code: "NOT_FOUND", field, message: `no ${label} has id '${id}'` }];
        });
        if (userErrors.length > 0) return { merge: null, userErrors };
        const counts = (await mergeNodeInto(tx, label, from, into))!;
        const alias = { type: label, from, into, mergedBy: editor, mergedAt: new Date().toISOString() };
        await recordNodeAlias(tx, alias);
        return { merge: { ...alias, movedLinks: counts.moved, droppedLinks: counts.dropped }, userErrors: [] };
      },
      { timeout: options.timeoutMs, metadata: options.metadata },
    );
  } finally {
    await session.close();
  }
}
