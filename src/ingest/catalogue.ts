/**
 * The normalized catalogue format: what `ingest --dry-run --out` writes and the loader reads. Entities read from a card (stakeholders, targets, ...) carry their provenance as
 * `source: {field, line}`: the card field they were read from and its line in the catalogue file.
 */
import { z } from "zod";
import { NutsCodeSchema } from "../reference/regions";
import { CARD_FIELDS } from "./card";
import { TERRITORIAL_LEVELS } from "./normalize";

const CardFieldKeySchema = z.enum(CARD_FIELDS);
/**
 * `<catalogue year>-<index>`, the index zero-padded to 3 digits: published ids (`2023-004`) never change form, and
 * past 999 the number simply grows (`2024-1000`). Another catalogue of the year than ANPAL's prefixes them with its
 * id, which ends with the year (`lazio-2023-001`).
 */
export const PracticeIdSchema = z
  .string()
  .regex(
    /^(?:[a-z0-9]+(?:-[a-z0-9]+)*-)?\d{4}-(?:\d{3}|[1-9]\d{3,})$/,
    "a practice id is [<catalogue id>-]<catalogue year>-<index>, the index zero-padded to 3 digits",
  );
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "an id is a lowercase slug");
const LineSchema = z.number().int().positive();

const ProvenanceSchema = z.object({ field: CardFieldKeySchema, line: LineSchema });

export const StakeholderKindSchema = z.enum([
  "NATIONAL_AGENCY",
  "REGIONAL_AGENCY",
  "REGION",
  "SCHOOL",
  "UNIVERSITY",
  "COMPANY",
  "COOPERATIVE",
  "EMPLOYER_ASSOCIATION",
  "CHAMBER_OF_COMMERCE",
  "PROFESSIONAL_BODY",
  "MUNICIPALITY",
  "TRAINING_PROVIDER",
  "EMPLOYMENT_AGENCY",
  "THIRD_SECTOR",
  "OTHER",
]);
export const FundingKindSchema = z.enum([
  "ORDINARY",
  "REGIONAL_BUDGET",
  "ESF",
  "NATIONAL_PROGRAMME",
  "PNRR",
  "PARTNERS",
  "NONE",
]);
const AnpalSupportSchema = z.enum(["YES", "NO", "PARTIAL"]);
const TerritorialLevelSchema = z.enum(TERRITORIAL_LEVELS);

/**
 * Where an actor is, from the gazetteer (src/reference/gazetteer.ts), where the card names its town: the
 * municipality (ISTAT's name and code) and its province. Flat, as the actor's node holds them (practiceGraph.ts), so
 * that an entity carries its node's properties.
 */
const PlaceFields = {
  municipality: z.string().min(1).optional(),
  municipalityIstat: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  province: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  provinceName: z.string().min(1).optional(),
};
/**
 * An actor the vocabulary lacks, named with a designator ("CPI di Cantù", "Confartigianato Lecce"), is provisional,
 * `curated: false`, until an expert accepts it into seed/vocabulary/ under the same id. Absent means curated.
 */
const CuratedSchema = z.boolean().optional();

export const StakeholderSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  kind: StakeholderKindSchema,
  curated: CuratedSchema,
  /** The region it belongs to (IN_REGION), where the vocabulary or the gazetteer says. */
  region: NutsCodeSchema.optional(),
  ...PlaceFields,
  /** The national organisation a local branch belongs to (PART_OF): "confindustria" for "Confindustria Bari". */
  partOf: SlugSchema.optional(),
  source: ProvenanceSchema,
});
export const TargetSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  source: ProvenanceSchema,
});
export const FundingSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  kind: FundingKindSchema,
  curated: CuratedSchema,
  source: ProvenanceSchema,
});
export const CpiSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  region: NutsCodeSchema,
  curated: CuratedSchema,
  ...PlaceFields,
  source: ProvenanceSchema,
});
export const LawSchema = z.object({
  id: SlugSchema,
  title: z.string().min(1),
  year: z.number().int().optional(),
  source: ProvenanceSchema,
});
export const ToolSchema = z.object({ id: SlugSchema, name: z.string().min(1), source: ProvenanceSchema });
/**
 * A practice this one says it grows out of (BUILDS_ON), the model that links them ("LAB PAL"), and that practice's
 * title: ids are positions in a catalogue's index, so the loader checks the title before linking to an id. The graph
 * keeps the title but not the model, so a catalogue exported from the database has none.
 */
const LineageSchema = z.object({
  id: PracticeIdSchema,
  title: z.string().min(1),
  model: z.string().min(1).optional(),
  source: ProvenanceSchema,
});

/** The relationships from a practice that a card states (load/ writes them). */
export const PRACTICE_LINK_TYPES = [
  "IN_REGION",
  "IMPLEMENTS",
  "INVOLVES",
  "TARGETS",
  "FUNDED_BY",
  "DELIVERED_AT",
  "REFERENCES",
  "USES",
  "BUILDS_ON",
] as const;

/**
 * A link an editor added through the API: in the graph its provenance names a card field but no line (`line` is
 * null), and re-imports keep it. A catalogue exported from the database lists such links here, by relationship type
 * and the key of the node they lead to (an id, a LEP code, a NUTS code), so that a restore writes them back.
 */
const EditorLinkSchema = z.object({
  type: z.enum(PRACTICE_LINK_TYPES),
  to: z.string().min(1),
  field: CardFieldKeySchema,
});

const CardTableSchema = z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) });

const NormalizedPracticeSchema = z.object({
  id: PracticeIdSchema,
  /** Position in the catalogue's index: the identity. */
  catalogNumber: z.number().int().positive(),
  /** The number printed on the card (not unique). */
  printedNumber: z.string(),
  title: z.string().min(1),
  /**
   * The title the card prints, where an editor has since changed `title` through the API (only in catalogues
   * exported from the database). Only imports write it, so lineage is checked against it, never against an
   * editor's retitling.
   */
  cardTitle: z.string().min(1).optional(),
  /** The full description; readers may truncate it. */
  summary: z.string(),
  region: z.object({ nuts: NutsCodeSchema, name: z.string().min(1) }),
  /** LEP codes as written by the card (sub-codes such as F1 are kept). */
  leps: z.array(z.string().regex(/^[A-Z]\d?$/)),
  ongoing: z.boolean(),
  anpalSupport: AnpalSupportSchema,
  /** null when the card gives no year (e.g. "attiva da circa 1 anno"). */
  startYear: z.number().int().nullable(),
  territorialLevel: TerritorialLevelSchema,
  stakeholders: z.array(StakeholderSchema),
  targets: z.array(TargetSchema),
  funding: z.array(FundingSchema),
  cpis: z.array(CpiSchema),
  laws: z.array(LawSchema),
  tools: z.array(ToolSchema),
  /** Practices this one explicitly builds on (BUILDS_ON), with the model that links them and where the card says so. */
  buildsOn: z.array(LineageSchema),
  /** Clean text of every card field ("" for a field the card lacks). */
  fields: z.record(CardFieldKeySchema, z.string()),
  /** Tables found in the fields, as data. */
  tables: z.partialRecord(CardFieldKeySchema, z.array(CardTableSchema)).optional(),
  source: z.object({ startLine: LineSchema, endLine: LineSchema }),
  /** Line of each field (the card's first line for a field it lacks): provenance of what is read from it. */
  fieldLines: z.record(CardFieldKeySchema, LineSchema),
  /** Links editors added through the API (absent in catalogues read from a file). */
  editorLinks: z.array(EditorLinkSchema).optional(),
});

/** A practice as normalization produces it, before entity extraction fills the entity arrays. */
export const NormalizedPracticeCoreSchema = NormalizedPracticeSchema.omit({
  stakeholders: true,
  targets: true,
  funding: true,
  cpis: true,
  laws: true,
  tools: true,
  buildsOn: true,
  editorLinks: true,
});

const CatalogSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  year: z.number().int(),
  asOf: z.iso.date(),
  source: z.string().min(1),
});

const CatalogueWarningSchema = z.object({
  line: LineSchema,
  practice: PracticeIdSchema.optional(),
  message: z.string().min(1),
});

export const NormalizedCatalogueSchema = z.object({
  catalog: CatalogSchema,
  practices: z.array(NormalizedPracticeSchema),
  warnings: z.array(CatalogueWarningSchema),
});

export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Lineage = z.infer<typeof LineageSchema>;
export type PracticeLinkType = (typeof PRACTICE_LINK_TYPES)[number];
export type AnpalSupport = z.infer<typeof AnpalSupportSchema>;
export type NormalizedPractice = z.infer<typeof NormalizedPracticeSchema>;
export type NormalizedPracticeCore = z.infer<typeof NormalizedPracticeCoreSchema>;
export type NormalizedCatalogue = z.infer<typeof NormalizedCatalogueSchema>;

/**
 * Oldest edition first, the order catalogues are loaded and exported in: a later catalogue may build on practices of
 * an earlier one. Compared by code unit, not by locale, so that the order is the same on every machine.
 */
export function byEdition({ catalog: a }: NormalizedCatalogue, { catalog: b }: NormalizedCatalogue): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return a.year - b.year || text(a.asOf, b.asOf) || text(a.id, b.id);
}
