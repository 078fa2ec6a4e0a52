/**
 * Node aliases: a node merged into another of its type, recorded as data so that every later import links the one it
 * was merged into. Two sources say it: the vocabulary (`formerIds` of an entry, written by `npm run vocabulary --
 * review` or `-- merges`) and the graph (`(:NodeAlias {type, from, into})`, written by the API's `mergeNodes`). An
 * import maps every entity of its catalogue whose id is a former one onto the node it became, with the card's
 * provenance, before the loader sees the catalogue (the loader keys nodes by id and knows nothing of aliases).
 */
import type { z } from "zod";
import {
  CpiSchema,
  FundingSchema,
  LawSchema,
  StakeholderSchema,
  TargetSchema,
  ToolSchema,
  type NormalizedCatalogue,
  type NormalizedPractice,
  type Provenance,
} from "../ingest/catalogue";
import { placeCuratedCpi } from "../ingest/extract/curatedPlaces";
import { formerIdsOf, type Vocabulary } from "../reference/vocabulary";

/** The node types an alias may join: the vocabulary's, each with the practice's array of it and the link to it. */
export const ALIASABLE = {
  Stakeholder: { array: "stakeholders", link: "INVOLVES", schema: StakeholderSchema },
  TargetGroup: { array: "targets", link: "TARGETS", schema: TargetSchema },
  FundingSource: { array: "funding", link: "FUNDED_BY", schema: FundingSchema },
  Cpi: { array: "cpis", link: "DELIVERED_AT", schema: CpiSchema },
  Law: { array: "laws", link: "REFERENCES", schema: LawSchema },
  Tool: { array: "tools", link: "USES", schema: ToolSchema },
} as const satisfies Record<string, { array: keyof NormalizedPractice; link: string; schema: z.ZodType }>;

export type AliasLabel = keyof typeof ALIASABLE;
export const ALIAS_LABELS = Object.keys(ALIASABLE) as AliasLabel[];

/**
 * A merge the graph records. `intoNode` is what an import writes for the node merged into when no vocabulary entry
 * describes it (a provisional node another was merged into): its properties as the database holds them.
 */
export type GraphAlias = { label: AliasLabel; from: string; into: string; intoNode?: Record<string, unknown> };

/** An alias an import applied: the entities of this catalogue it mapped. */
export type AppliedAlias = { label: AliasLabel; from: string; into: string; links: number };

type Entity = { id: string; source: Provenance; partOf?: string };

/**
 * Where each former id leads, per label, chains followed (a into b, b into c: a into c). The vocabulary's word wins
 * over the graph's for the same former id; a cycle is refused (it could only come from hand-edited data).
 */
export function aliasTargets(
  vocabulary: Vocabulary,
  graph: readonly GraphAlias[] = [],
): Map<AliasLabel, Map<string, string>> {
  const former = formerIdsOf(vocabulary);
  const targets = new Map<AliasLabel, Map<string, string>>();
  for (const label of ALIAS_LABELS) {
    const direct = new Map(former[label]);
    for (const alias of graph.filter((candidate) => candidate.label === label)) {
      if (!direct.has(alias.from)) direct.set(alias.from, alias.into);
    }
    const resolved = new Map<string, string>();
    for (const from of direct.keys()) {
      const seen = new Set([from]);
      let into = direct.get(from)!;
      while (direct.has(into)) {
        if (seen.has(into)) throw new Error(`${label} aliases form a cycle through "${into}"`);
        seen.add(into);
        into = direct.get(into)!;
      }
      resolved.set(from, into);
    }
    targets.set(label, resolved);
  }
  return targets;
}

/**
 * The catalogue with every entity whose id is a former one replaced by the node it was merged into, keeping the
 * card's provenance; an entity the practice then has twice keeps its first mention, as extraction does. A branch
 * merged into brings its national organisation along, as a branch read from the card does.
 */
export function applyAliases(
  catalogue: NormalizedCatalogue,
  vocabulary: Vocabulary,
  graph: readonly GraphAlias[] = [],
): { catalogue: NormalizedCatalogue; applied: AppliedAlias[] } {
  const targets = aliasTargets(vocabulary, graph);
  if ([...targets.values()].every((map) => map.size === 0)) return { catalogue, applied: [] };
  const applied = new Map<string, AppliedAlias>();
  const count = (label: AliasLabel, from: string, into: string) => {
    const key = `${label}:${from}`;
    const entry = applied.get(key) ?? { label, from, into, links: 0 };
    entry.links += 1;
    applied.set(key, entry);
  };
  const describe = nodeDescriptions(vocabulary, graph);
  const practices = catalogue.practices.map((practice) => {
    const mapped: Record<string, unknown> = {};
    for (const label of ALIAS_LABELS) {
      const { array, schema } = ALIASABLE[label];
      const map = targets.get(label)!;
      const entities = practice[array] as Entity[];
      if (!entities.some((entity) => map.has(entity.id))) continue;
      const replaced = entities.map((entity) => {
        const into = map.get(entity.id);
        if (into === undefined) return entity;
        count(label, entity.id, into);
        const node = describe(label, into, practice, entity);
        return schema.parse({ ...node, id: into, source: entity.source }) as Entity;
      });
      if (label === "Stakeholder") replaced.push(...nationals(replaced, vocabulary));
      mapped[array] = replaced.filter(
        (entity, index) => replaced.findIndex((other) => other.id === entity.id) === index,
      );
    }
    const editorLinks = practice.editorLinks?.map((link) => {
      const label = ALIAS_LABELS.find((candidate) => ALIASABLE[candidate].link === link.type);
      const into = label && targets.get(label)!.get(link.to);
      return into === undefined ? link : { ...link, to: into };
    });
    return { ...practice, ...mapped, ...(editorLinks ? { editorLinks } : {}) } as NormalizedPractice;
  });
  return { catalogue: { ...catalogue, practices }, applied: [...applied.values()] };
}

/** The national organisations of the branches a practice now involves, where it does not involve them yet. */
function nationals(stakeholders: Entity[], vocabulary: Vocabulary): Entity[] {
  return stakeholders.flatMap((entity) => {
    if (entity.partOf === undefined || stakeholders.some((other) => other.id === entity.partOf)) return [];
    const national = vocabulary.stakeholders.find((entry) => entry.id === entity.partOf);
    return national ? [StakeholderSchema.parse({ ...national, source: entity.source }) as Entity] : [];
  });
}

/**
 * What a node merged into is, for the catalogue: its vocabulary entry (a curated node: what the vocabulary says wins,
 * as for any entity), else the same node named elsewhere in the practice, else as the graph holds it, else the old
 * entity under the new id.
 */
function nodeDescriptions(vocabulary: Vocabulary, graph: readonly GraphAlias[]) {
  const entries: Record<AliasLabel, ReadonlyArray<{ id: string }>> = {
    Stakeholder: vocabulary.stakeholders,
    TargetGroup: vocabulary.targets,
    FundingSource: vocabulary.funding,
    Cpi: vocabulary.cpis.map((entry) => placeCuratedCpi(entry)),
    Law: vocabulary.laws,
    Tool: vocabulary.tools,
  };
  return (label: AliasLabel, id: string, practice: NormalizedPractice, old: Entity): object => {
    const entry = entries[label].find((candidate) => candidate.id === id);
    if (entry) return entry;
    const named = (practice[ALIASABLE[label].array] as Entity[]).find((entity) => entity.id === id);
    if (named) return named;
    const held = graph.find((alias) => alias.label === label && alias.into === id)?.intoNode;
    return held ?? old;
  };
}
