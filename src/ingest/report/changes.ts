/**
 * What a load changes in what the database holds, as an editor reads it before the load writes (and in a dry run):
 * one line per practice, per shared node and per lineage link of another catalogue; and, after the load, the same
 * counted.
 *   2023-016 '...': loses 2 of its 25 links (USES siler line 1108, ...); clears humanResources, results
 *   Cpi cpi-torino: IN_REGION ITC2 -> ITC1
 */
import type { CatalogueChanges, LostLink, PracticeChange, SharedLinkChange, SharedNodeChange } from "../load";

export function formatChanges(heading: string, changes: CatalogueChanges): string {
  const { practices, shared, brokenLineage } = changes;
  if (practices.length === 0 && shared.nodes.length === 0 && shared.links.length === 0 && brokenLineage.length === 0) {
    return `${heading} nothing (no practice loses or gains a link or has a field cleared or rewritten; no shared node has a value overwritten)\n`;
  }
  const lines = [heading, ...practices.flatMap((change) => describePractice(change).map((line) => `  ${line}`))];
  if (shared.nodes.length > 0 || shared.links.length > 0) {
    lines.push(
      "  shared nodes, given the vocabulary's values:",
      ...shared.nodes.map(describeNode),
      ...shared.links.map(describeSharedLink),
    );
  }
  if (brokenLineage.length > 0) {
    lines.push("  lineage of other catalogues:", ...brokenLineage.map((link) => `    ${link.message}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The changes counted, for the report after the load: they were written as listed before writing. */
export function summarizeChanges(changes: CatalogueChanges): string[] {
  const { practices, shared, brokenLineage } = changes;
  if (practices.length === 0 && shared.nodes.length === 0 && shared.links.length === 0 && brokenLineage.length === 0)
    return [];
  const staying = practices.filter((change) => !change.dropped);
  const total = (count: (change: PracticeChange) => number) => staying.reduce((sum, change) => sum + count(change), 0);
  const overwritten = shared.nodes.reduce((sum, node) => sum + node.overwritten.length, 0);
  return [
    `  changed as listed before writing: ${practices.length - staying.length} practice(s) deleted, ` +
      `${staying.filter((change) => change.reassigned).length} id(s) given to another practice; ` +
      `${total((change) => change.lostLinks.length)} link(s) removed, ${total((change) => change.addedLinks.length)} added; ` +
      `${total((change) => change.clearedFields.length)} field(s) cleared, ${total((change) => change.rewrittenFields.length)} rewritten; ` +
      `${overwritten} shared value(s) overwritten, ${shared.links.length} shared link(s) moved or given back; ` +
      `${deletedRelationships(changes)} relationship(s) deleted in all`,
    ...(brokenLineage.length > 0
      ? [
          `${brokenLineage.length} lineage link(s) from other catalogues removed:`,
          ...brokenLineage.map((link) => `  ${link.message}`),
        ]
      : []),
  ];
}

/** A practice's changes: its own line when its id now names another practice, then what it loses and gains. */
/** Every relationship the listed changes delete (similarity aside), which the load report's count must equal. */
function deletedRelationships({ practices, shared, brokenLineage }: CatalogueChanges): number {
  const ofPractice = (change: PracticeChange) =>
    change.lostLinks.length +
    (change.deletedWith ? change.deletedWith.listings + change.deletedWith.linksToIt.length : 0);
  return (
    practices.reduce((sum, change) => sum + ofPractice(change), 0) + shared.staleLinkIds.length + brokenLineage.length
  );
}

function describePractice(change: PracticeChange): string[] {
  const lost = change.lostLinks.map(describeLink).join(", ");
  if (change.deletedWith) {
    const { listings, linksToIt } = change.deletedWith;
    const toIt = linksToIt.map(
      (link) => `${link.from} ${link.type} ${link.line === null ? "added by an editor" : `line ${link.line}`}`,
    );
    return [
      `${change.id} '${change.title}': not in this edition, deleted with its ${change.linkCount} link(s)${lost ? ` (${lost})` : ""}, ` +
        `its ${listings} catalogue listing(s)` +
        (toIt.length > 0 ? ` and ${toIt.length} link(s) other practices have to it (${toIt.join(", ")})` : ""),
    ];
  }
  const parts = [
    ...(change.lostLinks.length > 0
      ? [`loses ${change.lostLinks.length} of its ${change.linkCount} links (${lost})`]
      : []),
    ...(change.addedLinks.length > 0
      ? [
          `adds ${change.addedLinks.length} link${change.addedLinks.length === 1 ? "" : "s"} it lacks (${change.addedLinks.map(describeLink).join(", ")})`,
        ]
      : []),
    ...(change.clearedFields.length > 0 ? [`clears ${change.clearedFields.join(", ")}`] : []),
    ...(change.rewrittenFields.length > 0 ? [`rewrites ${change.rewrittenFields.join(", ")}`] : []),
  ];
  return [
    ...(change.reassigned
      ? [`${change.id} now names another practice ('${change.reassigned.from}' -> '${change.reassigned.to}')`]
      : []),
    ...(parts.length > 0 ? [`${change.id} '${change.title}': ${parts.join("; ")}`] : []),
  ];
}

function describeLink(link: LostLink): string {
  return `${link.type} ${link.to} ${link.line === null ? "added by an editor" : `line ${link.line}`}`;
}

function describeNode(change: SharedNodeChange): string {
  const values = change.overwritten.map(
    ({ property, before, after }) => `${property} ${describeValue(before)} -> ${describeValue(after)}`,
  );
  return `    ${change.label} ${change.key}: ${values.join("; ")}`;
}

function describeSharedLink(change: SharedLinkChange): string {
  return `    ${change.label} ${change.key}: ${change.type} ${change.before.join(", ") || "none"} -> ${change.after}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  return typeof value === "string" ? `'${value}'` : String(value);
}
