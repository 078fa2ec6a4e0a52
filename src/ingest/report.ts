/** The import report an analyst reads: what was found, what is wrong and where, what it takes away, what was written. */
import type { LostLink, PracticeChange } from "./diff";
import type { LoadReport } from "./load";
import type { CatalogueReading } from "./pipeline";
import type { ParseIssue } from "./parseIssue";

function located(found: ParseIssue): string {
  return `  ${found.file}:${found.line}${found.card !== undefined ? ` card ${found.card}` : ""}: ${found.message}`;
}

export function formatReading(reading: CatalogueReading): string {
  const lines: string[] = [];
  const { catalogue } = reading;
  if (catalogue) {
    const { catalog, practices } = catalogue;
    lines.push(`Catalogue ${catalog.id}: ${catalog.title} (${catalog.publisher}, as of ${catalog.asOf}), ${practices.length} card(s)`);
    const count = (pick: (p: (typeof practices)[number]) => unknown[]) => practices.reduce((sum, p) => sum + pick(p).length, 0);
    lines.push(
      `  links read: ${count((p) => p.leps)} LEP, ${count((p) => p.targets)} target, ${count((p) => p.stakeholders)} stakeholder, ` +
        `${count((p) => p.funding)} funding, ${count((p) => p.cpis)} CPI, ${count((p) => p.laws)} law, ${count((p) => p.tools)} tool, ` +
        `${count((p) => p.buildsOn)} lineage`,
    );
  }
  if (reading.errors.length > 0) {
    lines.push(`INVALID: ${reading.errors.length} error(s); nothing was loaded:`, ...reading.errors.map(located));
  }
  if (reading.warnings.length > 0) lines.push(`${reading.warnings.length} warning(s):`, ...reading.warnings.map(located));
  if (reading.unknownMentions.length > 0) {
    lines.push(
      `${reading.unknownMentions.length} mention(s) the vocabulary does not know (add real entities to seed/vocabulary/):`,
      ...reading.unknownMentions.map((mention) => `  line ${mention.line} ${mention.practice} [${mention.field}]: "${mention.text}"`),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * What a load takes away from the practices the database holds, one line per practice:
 * "2023-016 '...': loses 12 of its 40 links (INVOLVES anpal-servizi line 1037, ...); clears results, lessons".
 */
export function formatChanges(heading: string, changes: { practices: PracticeChange[]; brokenLineage: Array<{ message: string }> }): string {
  if (changes.practices.length === 0 && changes.brokenLineage.length === 0) {
    return `${heading} nothing (no practice loses a link or a field, or has one rewritten)\n`;
  }
  const lines = [heading, ...changes.practices.map((change) => `  ${describeChange(change)}`)];
  if (changes.brokenLineage.length > 0) {
    lines.push(`  lineage of other catalogues:`, ...changes.brokenLineage.map((link) => `    ${link.message}`));
  }
  return `${lines.join("\n")}\n`;
}

function describeChange(change: PracticeChange): string {
  const links = change.lostLinks.map(describeLink).join(", ");
  if (change.dropped) return `${change.id} '${change.title}': not in this edition, deleted with its ${change.linkCount} link(s) (${links})`;
  const parts = [
    ...(change.lostLinks.length > 0 ? [`loses ${change.lostLinks.length} of its ${change.linkCount} links (${links})`] : []),
    ...(change.clearedFields.length > 0 ? [`clears ${change.clearedFields.join(", ")}`] : []),
    ...(change.rewrittenFields.length > 0 ? [`rewrites ${change.rewrittenFields.join(", ")}`] : []),
  ];
  return `${change.id} '${change.title}': ${parts.join("; ")}`;
}

function describeLink(link: LostLink): string {
  return `${link.type} ${link.to} ${link.line === null ? "added by an editor" : `line ${link.line}`}`;
}

export function formatLoadReport(report: LoadReport): string {
  const staying = report.changes.filter((change) => !change.dropped);
  const total = (count: (change: PracticeChange) => number) => staying.reduce((sum, change) => sum + count(change), 0);
  const dropped = report.changes.length - staying.length;
  return [
    `Loaded ${report.practices} practices in one transaction:`,
    `  nodes: ${report.nodesCreated} created, ${report.nodesMatched} matched, ${report.nodesDeleted} deleted`,
    `  relationships: ${report.relationshipsCreated} created, ${report.relationshipsMatched} matched, ${report.relationshipsDeleted} deleted`,
    ...(report.changes.length > 0
      ? [
          `  taken away, as listed before writing: ${dropped} practice(s) deleted; from ${staying.length} that stay, ` +
            `${total((change) => change.lostLinks.length)} link(s) removed, ${total((change) => change.clearedFields.length)} field(s) ` +
            `cleared, ${total((change) => change.rewrittenFields.length)} rewritten`,
        ]
      : []),
    ...(report.lineageRemoved.length > 0
      ? [`${report.lineageRemoved.length} lineage link(s) from other catalogues removed:`, ...report.lineageRemoved.map((line) => `  ${line}`)]
      : []),
    "",
  ].join("\n");
}
