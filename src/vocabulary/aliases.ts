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
import type { RelationshipType } from "../graph";
import { formerIdsOf, type Vocabulary } from "../reference/vocabulary";
import { VOCABULARY_FILE_OF, vocabularyEntries } from "./files";

/**
 * The node types an alias may join: the vocabulary's (src/graph's types of origin "vocabulary", which
 * tests/vocabulary/aliases.test.ts holds this against), each with the practice's array of it, the link to it and the
 * schema of its entity. (The link is written here rather than read from src/graph's PRACTICE_LINKS at module load:
 * src/graph reaches this module back through the loader, so the model is not loaded yet when this runs.)
 */
export const ALIASABLE = {
  Stakeholder: { array: "stakeholders", link: "INVOLVES", schema: StakeholderSchema },
  TargetGroup: { array: "targets", link: "TARGETS", schema: TargetSchema },
  FundingSource: { array: "funding", link: "FUNDED_BY", schema: FundingSchema },
  Cpi: { array: "cpis", link: "DELIVERED_AT", schema: CpiSchema },
  Law: { array: "laws", link: "REFERENCES", schema: LawSchema },
  Tool: { array: "tools", link: "USES", schema: ToolSchema },
} as const satisfies Record<string, { array: keyof NormalizedPractice; link: RelationshipType; schema: z.ZodType }>;

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

/** Where each former id leads, per label, and the graph's aliases left out because the vocabulary says otherwise. */
export type AliasResolution = {
  targets: Map<AliasLabel, Map<string, string>>;
  /** What an import should tell: a graph alias of a vocabulary entry's id, left out (the vocabulary wins). */
  warnings: string[];
};

/**
 * Where each former id leads, per label, chains followed (a into b, b into c: a into c). The vocabulary's word wins
 * over the graph's: for the same former id, and for an alias whose old id is an entry's id (an editor's merge of a
 * curated node, or of a node an expert accepted since), which is left out with a warning. A cycle is refused, naming
 * each link and where it is recorded (it could only come from hand-edited data).
 */
export function resolveAliases(vocabulary: Vocabulary, graph: readonly GraphAlias[] = []): AliasResolution {
  const former = formerIdsOf(vocabulary);
  const targets = new Map<AliasLabel, Map<string, string>>();
  const warnings: string[] = [];
  for (const label of ALIAS_LABELS) {
    const file = VOCABULARY_FILE_OF[label];
    const entryIds = new Set(vocabularyEntries(vocabulary, label).map((entry) => entry.id));
    const direct = new Map(former[label]);
    const origin = new Map(
      [...former[label]].map(([from, into]) => [from, `${file} entry "${into}" (formerIds "${from}")`]),
    );
    for (const alias of graph.filter((candidate) => candidate.label === label)) {
      if (entryIds.has(alias.from)) {
        warnings.push(
          `(:NodeAlias {type: "${label}", from: "${alias.from}", into: "${alias.into}"}) left out: "${alias.from}" is an entry of ${file}, which wins (merge the entries by hand, or delete the NodeAlias)`,
        );
        continue;
      }
      if (direct.has(alias.from)) continue;
      direct.set(alias.from, alias.into);
      origin.set(alias.from, `(:NodeAlias {type: "${label}", from: "${alias.from}", into: "${alias.into}"})`);
    }
    const resolved = new Map<string, string>();
    for (const from of direct.keys()) {
      const chain = [from];
      let into = direct.get(from)!;
      while (direct.has(into)) {
        if (chain.includes(into)) {
          const links = chain.slice(chain.indexOf(into)).map((id) => `${id} -> ${direct.get(id)!}: ${origin.get(id)!}`);
          throw new Error(`${label} aliases form a cycle through "${into}":\n  ${links.join("\n  ")}`);
        }
        chain.push(into);
        into = direct.get(into)!;
      }
      resolved.set(from, into);
    }
    targets.set(label, resolved);
  }
  return { targets, warnings };
}

/** Where each former id leads, per label (resolveAliases without its warnings). */
export function aliasTargets(
  vocabulary: Vocabulary,
  graph: readonly GraphAlias[] = [],
): Map<AliasLabel, Map<string, string>> {
  return resolveAliases(vocabulary, graph).targets;
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
): { catalogue: NormalizedCatalogue; applied: AppliedAlias[]; warnings: string[] } {
  const { targets, warnings } = resolveAliases(vocabulary, graph);
  if ([...targets.values()].every((map) => map.size === 0)) return { catalogue, applied: [], warnings };
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
      const partOfMerged = (entity: Entity) => entity.partOf !== undefined && map.has(entity.partOf);
      if (!entities.some((entity) => map.has(entity.id) || partOfMerged(entity))) continue;
      const replaced = entities.map((entity) => {
        const into = map.get(entity.id);
        if (into === undefined) return entity;
        count(label, entity.id, into);
        const node = describe(label, into, practice, entity);
        return schema.parse({ ...node, id: into, source: entity.source }) as Entity;
      });
      // A branch of an organisation merged into another belongs to the one it became (never to the old id, which
      // the load would make again).
      const branches = replaced.map((entity) =>
        partOfMerged(entity) ? (schema.parse({ ...entity, partOf: map.get(entity.partOf!) }) as Entity) : entity,
      );
      if (label === "Stakeholder") branches.push(...nationals(branches, vocabulary));
      mapped[array] = branches.filter(
        (entity, index) => branches.findIndex((other) => other.id === entity.id) === index,
      );
    }
    const editorLinks = practice.editorLinks?.map((link) => {
      const label = ALIAS_LABELS.find((candidate) => ALIASABLE[candidate].link === link.type);
      const into = label && targets.get(label)!.get(link.to);
      return into === undefined ? link : { ...link, to: into };
    });
    return { ...practice, ...mapped, ...(editorLinks ? { editorLinks } : {}) } as NormalizedPractice;
  });
  return { catalogue: { ...catalogue, practices }, applied: [...applied.values()], warnings };
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
  const cpis = vocabulary.cpis.map((entry) => placeCuratedCpi(entry));
  return (label: AliasLabel, id: string, practice: NormalizedPractice, old: Entity): object => {
    const entries: ReadonlyArray<{ id: string }> = label === "Cpi" ? cpis : vocabularyEntries(vocabulary, label);
    const entry = entries.find((candidate) => candidate.id === id);
    if (entry) return entry;
    const named = (practice[ALIASABLE[label].array] as Entity[]).find((entity) => entity.id === id);
    if (named) return named;
    const held = graph.find((alias) => alias.label === label && alias.into === id)?.intoNode;
    return held ?? old;
  };
}
