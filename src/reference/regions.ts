/** The 21 PES territories (seed/regions.json) and the matching of the names cards give them. */
import { z } from "zod";
import regionsFile from "../../seed/regions.json";
import { foldForMatch } from "../text/inline";

export const NutsCodeSchema = z.string().regex(/^IT[A-Z]\d$/, "must be an Italian NUTS-2 code such as ITC1");

const RegionSchema = z.object({
  nuts: NutsCodeSchema,
  name: z.string().min(1),
  istat: z.string().regex(/^\d{2,3}$/),
  aliases: z.array(z.string()),
});

export type Region = z.infer<typeof RegionSchema>;

export const REGIONS: readonly Region[] = z
  .object({ regions: z.array(RegionSchema).length(21) })
  .parse(regionsFile).regions;

const REGION_BY_KEY = new Map<string, Region>(
  REGIONS.flatMap((region) => [region.name, ...region.aliases].map((name) => [foldForMatch(name), region] as const)),
);

/** "Piemonte", "REGIONE SICILIA", "Regione Siciliana", "EMILIA-ROMAGNA" ...; undefined when no territory has that name. */
export function resolveRegion(text: string): Region | undefined {
  const key = foldForMatch(text);
  return REGION_BY_KEY.get(key) ?? REGION_BY_KEY.get(key.replace(/^regione\s+/, ""));
}
