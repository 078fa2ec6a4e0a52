/** The import report an analyst reads: what was found, what is wrong and where, what was written (changes.ts: what changed). */
import { formatProvisionalNodes } from "../extract";
import type { LoadReport } from "../load";
import type { ParseIssue } from "../parse";
import type { CatalogueReading } from "../pipeline";
import { summarizeChanges } from "./changes";

function located(found: ParseIssue): string {
  return `  ${found.file}:${found.line}${found.card !== undefined ? ` card ${found.card}` : ""}: ${found.message}`;
}

export function formatReading(reading: CatalogueReading): string {
  const lines: string[] = [];
  const { catalogue } = reading;
  if (catalogue) {
    const { catalog, practices } = catalogue;
    lines.push(
      `Catalogue ${catalog.id}: ${catalog.title} (${catalog.publisher}, as of ${catalog.asOf}), ${practices.length} card(s)`,
    );
    const count = (pick: (p: (typeof practices)[number]) => unknown[]) =>
      practices.reduce((sum, p) => sum + pick(p).length, 0);
    lines.push(
      `  links read: ${count((p) => p.leps)} LEP, ${count((p) => p.targets)} target, ${count((p) => p.stakeholders)} stakeholder, ` +
        `${count((p) => p.funding)} funding, ${count((p) => p.cpis)} CPI, ${count((p) => p.laws)} law, ${count((p) => p.tools)} tool, ` +
        `${count((p) => p.buildsOn)} lineage`,
    );
  }
  if (catalogue) lines.push(...formatProvisionalNodes(catalogue));
  if (reading.errors.length > 0) {
    lines.push(`INVALID: ${reading.errors.length} error(s); nothing was loaded:`, ...reading.errors.map(located));
  }
  if (reading.warnings.length > 0)
    lines.push(`${reading.warnings.length} warning(s):`, ...reading.warnings.map(located));
  if (reading.unknownMentions.length > 0) {
    lines.push(
      `${reading.unknownMentions.length} mention(s) the vocabulary does not know (add real entities to seed/vocabulary/):`,
      ...reading.unknownMentions.map(
        (mention) => `  line ${mention.line} ${mention.practice} [${mention.field}]: "${mention.text}"`,
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

export function formatLoadReport(report: LoadReport): string {
  return [
    `Loaded ${report.practices} practices in one transaction:`,
    `  nodes: ${report.nodesCreated} created, ${report.nodesMatched} matched, ${report.nodesDeleted} deleted`,
    `  relationships: ${report.relationshipsCreated} created, ${report.relationshipsMatched} matched, ${report.relationshipsDeleted} deleted` +
      (report.similarityDeleted > 0
        ? `; and ${report.similarityDeleted} SIMILAR_TO link(s) of the deleted practices (recomputed below)`
        : ""),
    ...summarizeChanges(report.changes),
    "",
  ].join("\n");
}
