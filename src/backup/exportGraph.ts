/**
 * Sorts the graph into the contents of an export: each catalogue with its practices, in the normalized format the
 * loader writes back exactly as they are (editors' property edits and links included), and the curated vocabulary.
 * Whatever the files cannot carry (a practice in no catalogue, a property or a relationship the graph model does not
 * have) is named in `unexported`, never dropped in silence: every node and relationship is accounted for.
 */
import { CARD_FIELDS, type CardFieldKey } from "../ingest/card";
import {
  byEdition,
  NormalizedCatalogueSchema,
  type NormalizedCatalogue,
  type NormalizedPractice,
} from "../ingest/catalogue";
import { CARD_TEXT_PROPERTIES, cardFieldKey, LINKS, practiceProperties, type LinkSpec } from "../ingest/practiceGraph";
import { VOCABULARY_LINKS, VOCABULARY_NODES, VocabularySnapshotSchema, type DatabaseExport } from "./exportFormat";
import type { GraphContents, GraphNode, GraphRelationship } from "./readGraph";

const PracticeSchema = NormalizedCatalogueSchema.shape.practices.element;
const CatalogSchema = NormalizedCatalogueSchema.shape.catalog;
/** Written by the similarity (src/similarity/store.ts) and recomputed after a restore. */
const DERIVED_PRACTICE_PROPERTY = /^similarity/;

type Link = { relationship: GraphRelationship; target: GraphNode };
/** A practice being read back: the normalized shape, its region not known until its IN_REGION link is read. */
type Draft = Omit<NormalizedPractice, "region" | "editorLinks"> & {
  region?: NormalizedPractice["region"];
  editorLinks: NonNullable<NormalizedPractice["editorLinks"]>;
};

export function exportGraph(graph: GraphContents): DatabaseExport {
  const exported = new Set<string>(); // element ids of the nodes and relationships the files reproduce
  const unexported: string[] = [];
  const nodes = new Map(graph.nodes.map((node) => [node.elementId, node]));
  const outgoing = new Map<string, Link[]>();
  for (const relationship of graph.relationships) {
    const links = outgoing.get(relationship.from) ?? [];
    links.push({ relationship, target: nodes.get(relationship.to)! });
    outgoing.set(relationship.from, links);
  }
  const linksOf = (node: GraphNode, type: string, label: string) =>
    (outgoing.get(node.elementId) ?? []).filter(
      (link) => link.relationship.type === type && hasLabel(link.target, label),
    );

  const vocabulary: Record<string, unknown[]> = {};
  for (const spec of VOCABULARY_NODES) {
    vocabulary[spec.array] = nodesLabelled(graph, spec.label).flatMap((node) => {
      const parsed = spec.schema.safeParse(node.properties);
      if (!parsed.success) {
        unexported.push(
          `${describeNode(node)}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
        );
        return [];
      }
      exported.add(node.elementId);
      return [parsed.data];
    });
  }
  const cpiRegions = new Map<string, string>();
  for (const spec of VOCABULARY_LINKS) {
    vocabulary[spec.array] = nodesLabelled(graph, spec.from).flatMap((node) =>
      linksOf(node, spec.type, spec.to)
        .filter(({ relationship }) => Object.keys(relationship.properties).length === 0)
        .sort((a, b) => compareText(keyOf(a.target), keyOf(b.target)))
        .map(({ relationship, target }) => {
          exported.add(relationship.elementId);
          if (spec.from === "Cpi") cpiRegions.set(node.elementId, String(target.properties.nuts));
          return { [spec.fromKey]: keyOf(node), [spec.toKey]: keyOf(target) };
        }),
    );
  }

  const listed = new Set<string>(); // a practice listed by two catalogues goes with the first one only
  const catalogues = nodesLabelled(graph, "Catalog").flatMap((catalogNode): NormalizedCatalogue[] => {
    const catalog = CatalogSchema.safeParse(catalogNode.properties);
    const extra = Object.keys(catalogNode.properties).filter((key) => !(key in CatalogSchema.shape));
    if (!catalog.success || extra.length > 0) {
      unexported.push(
        `${describeNode(catalogNode)}: ${catalog.success ? `properties ${extra.join(", ")} are no catalogue's` : catalog.error.message}`,
      );
      return [];
    }
    exported.add(catalogNode.elementId);
    const practices = graph.relationships
      .filter((relationship) => relationship.type === "LISTED_IN" && relationship.to === catalogNode.elementId)
      .filter(
        (relationship) =>
          Object.keys(relationship.properties).length === 0 && hasLabel(nodes.get(relationship.from)!, "Practice"),
      )
      .flatMap((relationship) => {
        if (listed.has(relationship.from)) return [];
        listed.add(relationship.from);
        const node = nodes.get(relationship.from)!;
        const read = readPractice(node, outgoing.get(node.elementId) ?? [], cpiRegions);
        unexported.push(...read.problems);
        if (!read.practice) return [];
        for (const id of [node.elementId, relationship.elementId, ...read.reproduced]) exported.add(id);
        return [read.practice];
      })
      .sort((a, b) => a.catalogNumber - b.catalogNumber || compareText(a.id, b.id));
    return [{ catalog: catalog.data, practices, warnings: [] }];
  });
  catalogues.sort(byEdition);

  for (const node of graph.nodes)
    if (!exported.has(node.elementId)) unexported.push(`${describeNode(node)} is in no file of the export`);
  for (const relationship of graph.relationships) {
    if (exported.has(relationship.elementId)) continue;
    const [from, to] = [nodes.get(relationship.from)!, nodes.get(relationship.to)!];
    unexported.push(`${describeNode(from)} -[:${relationship.type}]-> ${describeNode(to)} is in no file of the export`);
  }
  return {
    catalogues,
    vocabulary: VocabularySnapshotSchema.parse(vocabulary),
    unexported: [...new Set(unexported)],
    database: { nodes: graph.nodes.length, relationships: graph.relationships.length },
  };
}

/**
 * A practice node and its links read back into the normalized format, with the element ids of the links it
 * reproduces; undefined, with the problems, when the format cannot hold it.
 */
function readPractice(
  node: GraphNode,
  links: Link[],
  cpiRegions: ReadonlyMap<string, string>,
): { practice?: NormalizedPractice; reproduced: string[]; problems: string[] } {
  const p = node.properties;
  const id = String(p.id);
  const startLine = p.sourceStartLine as number;
  // A practice loaded before the card's title was kept apart has only its title: the restore gives it that one.
  const cardTitle = p.cardTitle ?? p.title;
  const fields = Object.fromEntries(CARD_FIELDS.map((key) => [key, ""])) as Record<CardFieldKey, string>;
  fields.title = String(cardTitle ?? "");
  fields.description = String(p.summary ?? "");
  for (const key of CARD_TEXT_PROPERTIES) fields[key] = typeof p[key] === "string" ? p[key] : "";
  const draft: Draft = {
    id,
    catalogNumber: p.catalogNumber as number,
    printedNumber: p.printedNumber as string,
    title: p.title as string,
    ...(cardTitle !== p.title ? { cardTitle: cardTitle as string } : {}),
    summary: p.summary as string,
    leps: [],
    ongoing: p.ongoing as boolean,
    anpalSupport: p.anpalSupport as NormalizedPractice["anpalSupport"],
    startYear: (p.startYear as number | undefined) ?? null,
    territorialLevel: p.territorialLevel as NormalizedPractice["territorialLevel"],
    stakeholders: [],
    targets: [],
    funding: [],
    cpis: [],
    laws: [],
    tools: [],
    buildsOn: [],
    fields,
    source: { startLine, endLine: p.sourceEndLine as number },
    fieldLines: Object.fromEntries(CARD_FIELDS.map((key) => [key, startLine])) as Record<CardFieldKey, number>,
    editorLinks: [],
  };
  const reproduced: string[] = [];
  const problems: string[] = [];
  for (const link of [...links].sort(byTypeTargetAndLine)) {
    const spec = LINKS.find(
      (candidate) => candidate.type === link.relationship.type && hasLabel(link.target, candidate.label),
    );
    if (!spec) continue; // LISTED_IN is the catalogue's; anything else is reported as not exported
    const problem = addLink(draft, spec, link, cpiRegions);
    if (problem) problems.push(`${id} -[:${spec.type}]-> ${describeNode(link.target)} ${problem}`);
    else reproduced.push(link.relationship.elementId);
  }
  sortEntries(draft);
  const { editorLinks, ...rest } = draft;
  const parsed = PracticeSchema.safeParse(editorLinks.length > 0 ? { ...rest, editorLinks } : rest);
  if (!parsed.success) {
    return {
      reproduced: [],
      problems: [
        ...problems,
        ...parsed.error.issues.map((issue) => `practice ${id}: ${issue.path.join(".")} ${issue.message}`),
      ],
    };
  }
  // Each property must come back from the loader's own mapping, as it is: what does not is said.
  const written = practiceProperties(parsed.data);
  const keys = new Set(
    [...Object.keys(p), ...Object.keys(written)].filter((key) => key !== "id" && !DERIVED_PRACTICE_PROPERTY.test(key)),
  );
  const held: Record<string, unknown> = { ...p, cardTitle };
  for (const key of keys) {
    if ((held[key] ?? null) !== (written[key] ?? null)) {
      problems.push(
        `practice ${id}: property ${key} (${JSON.stringify(held[key] ?? null)}) would come back as ${JSON.stringify(written[key] ?? null)}`,
      );
    }
  }
  return { practice: parsed.data, reproduced, problems };
}

/** Puts one link of a practice into the draft; returns why it cannot, if it cannot. */
function addLink(
  draft: Draft,
  spec: LinkSpec,
  { relationship, target }: Link,
  cpiRegions: ReadonlyMap<string, string>,
): string | undefined {
  const { field: storedField, line, targetTitle, ...extra } = relationship.properties;
  if (Object.keys(extra).length > 0)
    return `has properties the catalogue format does not carry (${Object.keys(extra).join(", ")})`;
  const field = cardFieldKey(String(storedField));
  if (!field) return `names no card field (${JSON.stringify(storedField)})`;
  if (targetTitle !== undefined && (spec.type !== "BUILDS_ON" || line == null))
    return "has a targetTitle only a card's lineage has";
  const key = keyOf(target);
  if (line == null) {
    draft.editorLinks.push({ type: spec.type, to: key, field });
    return undefined;
  }
  if (typeof line !== "number") return `has a line that is no number (${JSON.stringify(line)})`;
  const source = { field, line };
  switch (spec.type) {
    case "IN_REGION":
      if (draft.region || field !== "region")
        return "is a second region read from the card, or read from another field";
      draft.region = { nuts: key, name: String(target.properties.name) };
      draft.fieldLines.region = line;
      return undefined;
    case "IMPLEMENTS":
      if (field !== "leps" || (draft.leps.length > 0 && draft.fieldLines.leps !== line))
        return "is read from another line than the card's other LEP codes";
      draft.leps.push(key);
      draft.fieldLines.leps = line;
      return undefined;
    case "BUILDS_ON":
      if (typeof targetTitle !== "string")
        return "was made before links kept their target's title: import its catalogue again first";
      draft.buildsOn.push({ id: key, title: targetTitle, source });
      return undefined;
  }
  if (!spec.entities) return "is of a kind the catalogue format does not carry";
  // An entity carries its node's properties (vocabulary.json holds them too, checked against the graph model there).
  const { [spec.key]: _key, ...properties } = target.properties;
  if (spec.type === "DELIVERED_AT") {
    const region = cpiRegions.get(target.elementId);
    if (region === undefined) return "leads to a job centre in no region";
    properties.region = region;
  }
  (draft[spec.entities] as unknown[]).push({ id: key, ...properties, source });
  return undefined;
}

function sortEntries(draft: Draft): void {
  const byIdAndSource = (a: { id: string; source: { field: string; line: number } }, b: typeof a) =>
    compareText(a.id, b.id) || compareText(a.source.field, b.source.field) || a.source.line - b.source.line;
  for (const array of [
    draft.stakeholders,
    draft.targets,
    draft.funding,
    draft.cpis,
    draft.laws,
    draft.tools,
    draft.buildsOn,
  ]) {
    (array as Array<Parameters<typeof byIdAndSource>[0]>).sort(byIdAndSource);
  }
  draft.leps.sort(compareText);
  draft.editorLinks.sort(
    (a, b) => compareText(a.type, b.type) || compareText(a.to, b.to) || compareText(a.field, b.field),
  );
}

function byTypeTargetAndLine(a: Link, b: Link): number {
  return (
    compareText(a.relationship.type, b.relationship.type) ||
    compareText(keyOf(a.target), keyOf(b.target)) ||
    Number(a.relationship.properties.line ?? 0) - Number(b.relationship.properties.line ?? 0)
  );
}

function nodesLabelled(graph: GraphContents, label: string): GraphNode[] {
  return graph.nodes.filter((node) => hasLabel(node, label)).sort((a, b) => compareText(keyOf(a), keyOf(b)));
}

/** Exactly this label: a node with another one as well is not one the model knows. */
function hasLabel(node: GraphNode, label: string): boolean {
  return node.labels.length === 1 && node.labels[0] === label;
}

function keyOf(node: GraphNode): string {
  const { id, nuts, code, type, from } = node.properties;
  // A node alias is one per type and old id (cypher/schema.cypher).
  if (hasLabel(node, "NodeAlias")) return `${String(type)}:${String(from)}`;
  return String(id ?? nuts ?? code ?? node.elementId);
}

function describeNode(node: GraphNode): string {
  return `(:${node.labels.join(":")} '${keyOf(node)}')`;
}

/** By code unit, not by locale: the order, and so the files, are the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
