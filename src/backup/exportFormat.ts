/**
 * The files of an export (`npm run export -- DIR`): one `<catalogue id>.catalogue.json` per catalogue, in the
 * normalized catalogue format the loader reads (src/ingest/catalogue.ts), and `vocabulary.json`, the curated nodes as
 * the database holds them: the regions and LEP codes, and every stakeholder, target group, funding source, job
 * centre, law and tool, whether or not a practice links to it (an editor may have created it), and the merges
 * editors made (`nodeAliases`), which later imports apply.
 * Written deterministically (arrays sorted by key, objects in schema order), so two exports of one graph are equal.
 */
import { z } from "zod";
import { FundingKindSchema, StakeholderKindSchema, type NormalizedCatalogue } from "../ingest/catalogue";
import { CATALOGUE_FILE_SUFFIX } from "../ingest/seed";
import { NutsCodeSchema } from "../reference/regions";

export const VOCABULARY_FILE = "vocabulary.json";

const text = z.string().min(1);
const RegionNodeSchema = z.strictObject({ nuts: NutsCodeSchema, name: text, istat: z.string() });
const LepNodeSchema = z.strictObject({ code: text, name: text, nameEn: text, group: z.enum(["PERSONS", "COMPANIES"]) });
/** Whether an actor is curated and where it is (docs/actors.md); optional, as exports made before them lack them. */
const actor = {
  curated: z.boolean().optional(),
  municipality: text.optional(),
  municipalityIstat: text.optional(),
  province: text.optional(),
  provinceName: text.optional(),
};
const StakeholderNodeSchema = z.strictObject({
  id: text,
  name: text,
  nameEn: text.optional(),
  kind: StakeholderKindSchema,
  ...actor,
});
const TargetGroupNodeSchema = z.strictObject({ id: text, name: text, nameEn: text });
const FundingSourceNodeSchema = z.strictObject({
  id: text,
  name: text,
  kind: FundingKindSchema,
  curated: actor.curated,
});
const CpiNodeSchema = z.strictObject({ id: text, name: text, ...actor });
const LawNodeSchema = z.strictObject({ id: text, title: text, year: z.number().int().optional() });
const ToolNodeSchema = z.strictObject({ id: text, name: text });
/** A merge an editor made through the API (src/vocabulary/graphAliases.ts): later imports apply it. */
const NodeAliasNodeSchema = z.strictObject({
  type: z.enum(["Stakeholder", "TargetGroup", "FundingSource", "Cpi", "Law", "Tool"]),
  from: text,
  into: text,
  mergedBy: text,
  mergedAt: text,
});

export const VocabularySnapshotSchema = z.strictObject({
  regions: z.array(RegionNodeSchema),
  leps: z.array(LepNodeSchema),
  /** LEP sub-codes and the code they are part of (F1 -> F). */
  lepParts: z.array(z.strictObject({ lep: text, partOf: text })),
  stakeholders: z.array(StakeholderNodeSchema),
  /** Stakeholders and their region, where known. */
  stakeholderRegions: z.array(z.strictObject({ stakeholder: text, region: text })).default([]),
  /** Local branches and their national organisation (Confindustria Bari -> Confindustria). */
  stakeholderParts: z.array(z.strictObject({ stakeholder: text, partOf: text })).default([]),
  targetGroups: z.array(TargetGroupNodeSchema),
  fundingSources: z.array(FundingSourceNodeSchema),
  cpis: z.array(CpiNodeSchema),
  /** Job centres and their region. */
  cpiRegions: z.array(z.strictObject({ cpi: text, region: text })),
  laws: z.array(LawNodeSchema),
  tools: z.array(ToolNodeSchema),
  /** Merges editors made through the API: the node `from` of `type` became `into` (absent in older exports). */
  nodeAliases: z.array(NodeAliasNodeSchema).default([]),
});

export type VocabularySnapshot = z.infer<typeof VocabularySnapshotSchema>;
type NodeArray =
  "regions" | "leps" | "stakeholders" | "targetGroups" | "fundingSources" | "cpis" | "laws" | "tools" | "nodeAliases";
type LinkArray = "lepParts" | "cpiRegions" | "stakeholderRegions" | "stakeholderParts";

/** Each curated node type: its label, its array in vocabulary.json, its key property and the properties it has. */
export const VOCABULARY_NODES: ReadonlyArray<{
  label: string;
  array: NodeArray;
  key: string;
  schema: z.ZodType<Record<string, unknown>>;
}> = [
  { label: "Region", array: "regions", key: "nuts", schema: RegionNodeSchema },
  { label: "Lep", array: "leps", key: "code", schema: LepNodeSchema },
  { label: "Stakeholder", array: "stakeholders", key: "id", schema: StakeholderNodeSchema },
  { label: "TargetGroup", array: "targetGroups", key: "id", schema: TargetGroupNodeSchema },
  { label: "FundingSource", array: "fundingSources", key: "id", schema: FundingSourceNodeSchema },
  { label: "Cpi", array: "cpis", key: "id", schema: CpiNodeSchema },
  { label: "Law", array: "laws", key: "id", schema: LawNodeSchema },
  { label: "Tool", array: "tools", key: "id", schema: ToolNodeSchema },
  { label: "NodeAlias", array: "nodeAliases", key: "from", schema: NodeAliasNodeSchema },
];

/** The relationships between curated nodes (they have no properties), and where vocabulary.json lists them. */
export const VOCABULARY_LINKS: ReadonlyArray<{
  type: string;
  from: string;
  to: string;
  array: LinkArray;
  fromKey: string;
  toKey: string;
}> = [
  { type: "PART_OF", from: "Lep", to: "Lep", array: "lepParts", fromKey: "lep", toKey: "partOf" },
  { type: "IN_REGION", from: "Cpi", to: "Region", array: "cpiRegions", fromKey: "cpi", toKey: "region" },
  {
    type: "IN_REGION",
    from: "Stakeholder",
    to: "Region",
    array: "stakeholderRegions",
    fromKey: "stakeholder",
    toKey: "region",
  },
  {
    type: "PART_OF",
    from: "Stakeholder",
    to: "Stakeholder",
    array: "stakeholderParts",
    fromKey: "stakeholder",
    toKey: "partOf",
  },
];

/**
 * What an export holds; `unexported` names what the database holds that these files cannot carry, and `database`
 * counts what it held (similarity aside), for the manifest.
 */
export type DatabaseExport = {
  catalogues: NormalizedCatalogue[];
  vocabulary: VocabularySnapshot;
  unexported: string[];
  database: { nodes: number; relationships: number };
};

/** A catalogue id as a file name: kept as it is when it is a plain name, escaped otherwise. */
export function catalogueFileName(catalogId: string): string {
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(catalogId)
    ? catalogId
    : encodeURIComponent(catalogId).replace(/\./g, "%2E");
  return `${safe}${CATALOGUE_FILE_SUFFIX}`;
}

/** Stable JSON: two-space indented, a final newline; key order is the order objects were built or parsed in. */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
