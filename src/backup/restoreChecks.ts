/**
 * What a restore checks in an export's files before it writes anything, and what its dry run reports: each practice
 * in one catalogue file only, each link between vocabulary nodes between nodes vocabulary.json lists, and every link to a node the loader does not create from the practice itself (a region,
 * a LEP code, a practice of a lineage link, any node of an editor's link) leading to a node the export holds, since the
 * loader would leave such a link out in silence. The title a lineage link remembers is trusted as exported: it was
 * checked when the card was imported, and the practice may have been retitled by an editor since.
 */
import { LINKS } from "../ingest/practiceGraph";
import type { ExportContents } from "./exportDirectory";
import { VOCABULARY_FILE, VOCABULARY_LINKS, VOCABULARY_NODES } from "./exportFormat";

/** Every problem found, each naming its file and line; empty when the export can be restored as it is. */
export function findBrokenReferences(backup: ExportContents): string[] {
  const problems: string[] = [];
  const keys = new Map(
    VOCABULARY_NODES.map((spec) => [
      spec.label,
      new Set(backup.vocabulary[spec.array].map((node) => String(node[spec.key as keyof typeof node]))),
    ]),
  );
  const listedIn = new Map<string, string>();
  for (const { file, catalogue, lineOf } of backup.catalogues) {
    catalogue.practices.forEach((practice, index) => {
      const other = listedIn.get(practice.id);
      if (other !== undefined)
        problems.push(`${file}:${lineOf(["practices", index, "id"])}: practice ${practice.id} is also in ${other}`);
      listedIn.set(practice.id, file);
    });
  }
  for (const link of VOCABULARY_LINKS) {
    backup.vocabulary[link.array].forEach((row, index) => {
      for (const [label, key] of [
        [link.from, row[link.fromKey as keyof typeof row]],
        [link.to, row[link.toKey as keyof typeof row]],
      ] as const) {
        if (keys.get(label)?.has(key)) continue;
        const { file, lineOf } = backup.vocabularyFile;
        problems.push(
          `${file}:${lineOf([link.array, index])}: ${link.array} names ${label} '${key}', which ${VOCABULARY_FILE} does not list`,
        );
      }
    });
  }
  const holds = (label: string, key: string) =>
    label === "Practice" ? listedIn.has(key) : (keys.get(label)?.has(key) ?? true);
  const whereMissing = (label: string) =>
    label === "Practice" ? "no catalogue file of the export lists it" : `${VOCABULARY_FILE} does not list it`;

  for (const { file, catalogue, lineOf } of backup.catalogues) {
    catalogue.practices.forEach((practice, index) => {
      for (const spec of LINKS.filter((candidate) => !candidate.entities)) {
        for (const link of spec.read(practice)) {
          if (holds(spec.label, link.key)) continue;
          problems.push(
            `${file}:${lineOf(["practices", index])}: ${practice.id} -[:${spec.type}]-> ${spec.label} '${link.key}' (card line ${link.source.line}), ` +
              `but ${whereMissing(spec.label)}`,
          );
        }
      }
      (practice.editorLinks ?? []).forEach((link, linkIndex) => {
        const label = LINKS.find((spec) => spec.type === link.type)!.label;
        if (holds(label, link.to)) return;
        problems.push(
          `${file}:${lineOf(["practices", index, "editorLinks", linkIndex, "to"])}: ${practice.id} has an editor's ${link.type} link to ` +
            `${label} '${link.to}', but ${whereMissing(label)}`,
        );
      });
    });
  }
  return problems;
}
