/**
 * The provisional nodes a catalogue brings (`curated: false`, docs/actors.md), grouped by kind, each with where the
 * cards name it: the import report's list for the expert who reviews them into seed/vocabulary/.
 */
import type { NormalizedCatalogue } from "../catalogue";

type Mention = { practice: string; line: number };
type Node = { id: string; name: string; where: string; mentions: Mention[] };

export function provisionalNodes(catalogue: NormalizedCatalogue): Map<string, Node[]> {
  const nodes = new Map<string, { kind: string; node: Node }>();
  for (const practice of catalogue.practices) {
    const actors = [
      ...practice.stakeholders.map((actor) => ({ ...actor, kind: actor.kind as string })),
      ...practice.cpis.map((actor) => ({ ...actor, kind: "CPI" })),
      ...practice.funding.map((actor) => ({ ...actor, kind: `FUNDING ${actor.kind}` })),
    ];
    for (const actor of actors.filter((candidate) => candidate.curated === false)) {
      const place =
        "municipality" in actor && actor.municipality ? `${actor.municipality} ${actor.province ?? ""}`.trim() : "";
      const region = "region" in actor ? actor.region : undefined;
      const where = [place, region].filter(Boolean).join(", ");
      const entry = nodes.get(actor.id) ?? {
        kind: actor.kind,
        node: { id: actor.id, name: actor.name, where, mentions: [] },
      };
      entry.node.mentions.push({ practice: practice.id, line: actor.source.line });
      nodes.set(actor.id, entry);
    }
  }
  const byKind = new Map<string, Node[]>();
  for (const { kind, node } of [...nodes.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))) {
    byKind.set(kind, [...(byKind.get(kind) ?? []), node]);
  }
  return byKind;
}

/** The report's lines: none when the catalogue brings no provisional node. */
export function formatProvisionalNodes(catalogue: NormalizedCatalogue): string[] {
  const byKind = provisionalNodes(catalogue);
  const count = [...byKind.values()].reduce((sum, nodes) => sum + nodes.length, 0);
  if (count === 0) return [];
  return [
    `${count} provisional node(s) the vocabulary does not list (review them into seed/vocabulary/, docs/actors.md):`,
    ...[...byKind].flatMap(([kind, nodes]) => [
      `  ${kind} (${nodes.length}):`,
      ...nodes.map(
        (node) =>
          `    ${node.id} "${node.name}"${node.where ? ` (${node.where})` : ""}: ` +
          node.mentions.map((mention) => `line ${mention.line} ${mention.practice}`).join(", "),
      ),
    ]),
  ];
}
