/**
 * The designators that name an actor whether or not the vocabulary knows it, and what each is followed by: a job
 * centre, a municipality or a chamber of commerce by its town, a university by its town and name, a school by its
 * name, a regional labour agency by its region, an association's branch by its territory, a fund by its name.
 * Patterns are matched case-insensitively but for the fund's "Fondo" (a "fondo perduto" is a grant, not a fund,
 * whatever its case).
 */
import type { z } from "zod";
import type { FundingKindSchema, StakeholderKindSchema } from "../catalogue";

export type ActorLabel = "Stakeholder" | "Cpi" | "FundingSource";
/** How the words after the designator are read (actorPlaces.ts). */
export type Reading =
  "towns" | "townAndName" | "name" | "school" | "region" | "regionLavoro" | "territory" | "fundName";

export type Designator = {
  label: ActorLabel;
  kind: z.infer<typeof StakeholderKindSchema> | z.infer<typeof FundingKindSchema> | "CPI";
  pattern: RegExp;
  reading: Reading;
  /** The id's first words: `cpi` + `cantu`. */
  idPrefix: string;
  /** The name given to the actor, from the designator's canonical form and the words read after it. */
  name: (read: string, written: string) => string;
  /** The curated national organisation a branch belongs to. */
  partOf?: string;
};

const BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const OF = String.raw`\s*(?:(?:di|de|del|della|dello)(?![\p{L}])|dell['’]|d['’])?\s*`;
const designator = (source: string, flags = "giu") => new RegExp(`${BEFORE}(?:${source})`, flags);

/** Employers' and trade associations whose branches are named "<association> <territory>", by their curated ids. */
const ASSOCIATIONS: ReadonlyArray<{ id: string; name: string; pattern: string; flags?: string }> = [
  { id: "confindustria", name: "Confindustria", pattern: "confindustria" },
  { id: "confartigianato", name: "Confartigianato", pattern: "confartigianato" },
  { id: "confcommercio", name: "Confcommercio", pattern: "confcommercio" },
  { id: "confesercenti", name: "Confesercenti", pattern: "confesercenti" },
  { id: "confagricoltura", name: "Confagricoltura", pattern: "confagricoltura" },
  { id: "confcooperative", name: "Confcooperative", pattern: "confcooperative" },
  { id: "confapi", name: "Confapi", pattern: "confapi" },
  { id: "confprofessioni", name: "Confprofessioni", pattern: "confprofessioni" },
  { id: "legacoop", name: "Legacoop", pattern: "legacoop" },
  { id: "coldiretti", name: "Coldiretti", pattern: "coldiretti" },
  { id: "casartigiani", name: "Casartigiani", pattern: "casartigiani" },
  { id: "cna", name: "CNA", pattern: "CNA", flags: "gu" },
];

export const DESIGNATORS: readonly Designator[] = [
  {
    label: "Cpi",
    kind: "CPI",
    pattern: designator(
      String.raw`(?:centr[oi]\s+(?:per\s+l['’]\s*|dell['’]\s*)imp(?:iego|egno)(?:\s*\(\s*cp[il]\s*\))?` +
        String.raw`|c\.\s?p\.\s?i\.|cpi|cpl)(?![\p{L}\p{N}])${OF}`,
    ),
    reading: "towns",
    idPrefix: "cpi",
    name: (town) => `CPI di ${town}`,
  },
  {
    label: "Stakeholder",
    kind: "MUNICIPALITY",
    pattern: designator(String.raw`unione\s+(?:dei|di|delle)\s+comuni|unione\s+montana`),
    reading: "name",
    idPrefix: "unione-comuni",
    name: (name, written) => `${written} ${name}`,
  },
  {
    label: "Stakeholder",
    kind: "MUNICIPALITY",
    pattern: designator(String.raw`comun[ei]\s+(?:(?:di|de|del|della|dello)(?![\p{L}])|dell['’]|d['’])\s*`),
    reading: "towns",
    idPrefix: "comune",
    name: (town) => `Comune di ${town}`,
  },
  {
    label: "Stakeholder",
    kind: "CHAMBER_OF_COMMERCE",
    pattern: designator(String.raw`(?:camer[ae]\s+di\s+commercio|c\.?c\.?i\.?a\.?a\.?)(?![\p{L}])${OF}`),
    reading: "territory",
    idPrefix: "cciaa",
    name: (territory) => `Camera di Commercio di ${territory}`,
  },
  {
    label: "Stakeholder",
    kind: "UNIVERSITY",
    pattern: designator(
      String.raw`universit(?:à|a['’]?|y)\s+(?:degli\s+studi\s+)?(?:(?:di|del|della)(?![\p{L}])|dell['’])\s*`,
    ),
    reading: "townAndName",
    idPrefix: "universita",
    name: (name) => `Università di ${name}`,
  },
  {
    label: "Stakeholder",
    kind: "SCHOOL",
    pattern: designator(
      String.raw`istituto\s+(?:(?:tecnico|professionale|comprensivo|superiore|statale|alberghiero|agrario|` +
        String.raw`nautico|industriale|commerciale|tecnologico|d['’]\s*istruzione\s+superiore|` +
        String.raw`di\s+istruzione\s+superiore)\s*)+`,
    ),
    reading: "school",
    idPrefix: "istituto",
    name: (name, written) => `${written} ${name}`,
  },
  {
    label: "Stakeholder",
    kind: "REGIONAL_AGENCY",
    pattern: designator(String.raw`arpal\s+`),
    reading: "region",
    idPrefix: "arpal",
    name: (region) => `ARPAL ${region}`,
  },
  {
    label: "Stakeholder",
    kind: "REGIONAL_AGENCY",
    pattern: designator(
      String.raw`agenzia\s+(?:regionale\s+)?(?:per\s+il|del|per\s+le\s+politiche\s+(?:attive\s+)?del)\s+lavoro` +
        String.raw`\s+(?:della\s+regione\s+|della\s+provincia\s+autonoma\s+di\s+|del\s+|della\s+|dell['’]\s*|di\s+)?`,
    ),
    reading: "region",
    idPrefix: "agenzia-regionale-lavoro",
    name: (region) => `Agenzia regionale per il lavoro ${region}`,
  },
  {
    label: "Stakeholder",
    kind: "REGIONAL_AGENCY",
    pattern: designator(String.raw`agenzia\s+(?!regionale|per|del)`),
    reading: "regionLavoro",
    idPrefix: "agenzia",
    name: (region) => `Agenzia ${region} Lavoro`,
  },
  ...ASSOCIATIONS.map(({ id, name, pattern, flags }): Designator => ({
    label: "Stakeholder",
    kind: "EMPLOYER_ASSOCIATION",
    pattern: designator(`${pattern}\\s+`, flags),
    reading: "territory",
    idPrefix: id,
    name: (territory) => `${name} ${territory}`,
    partOf: id,
  })),
  {
    label: "FundingSource",
    kind: "NATIONAL_PROGRAMME",
    pattern: designator(String.raw`Fondo\s+(?![pP][eE][rR][dD][uU][tT][oO](?![\p{L}]))`, "gu"),
    reading: "fundName",
    idPrefix: "fondo",
    name: (name) => `Fondo ${name}`,
  },
];
