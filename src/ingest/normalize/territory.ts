/**
 * The territorial level of a practice from its AMBITO TERRITORIALE text: "Regionale", "REGIONE SICILIA",
 * "Locale. Provincia di Lecco", "Reggio Calabria" (a metropolitan city), "Ambito territoriale di
 * competenza del Cpl di Guidonia" (one job centre's area). A named area is more precise than the
 * adjective next to it, so "Locale. Provincia di Lecco" is PROVINCIAL.
 */
import { resolveRegion } from "../../reference/regions";
import { foldForMatch } from "../../text/inline";

export const TERRITORIAL_LEVELS = ["NATIONAL", "REGIONAL", "PROVINCIAL", "METROPOLITAN", "LOCAL"] as const;
export type TerritorialLevel = (typeof TERRITORIAL_LEVELS)[number];

/** The 14 metropolitan cities (città metropolitane), by their chief town. */
const METROPOLITAN_CITIES = [
  "torino",
  "genova",
  "milano",
  "venezia",
  "bologna",
  "firenze",
  "roma",
  "napoli",
  "bari",
  "reggio calabria",
  "palermo",
  "messina",
  "catania",
  "cagliari",
];

const RULES: readonly { level: TerritorialLevel; matches: (folded: string) => boolean }[] = [
  { level: "NATIONAL", matches: (t) => /\bnazional/.test(t) },
  {
    level: "METROPOLITAN",
    matches: (t) => /\b(citta|area) metropolitana\b/.test(t) || METROPOLITAN_CITIES.includes(t),
  },
  { level: "PROVINCIAL", matches: (t) => /\bprovincia (di|del|della)\b|\bprovincial/.test(t) },
  { level: "REGIONAL", matches: (t) => /\bregional|\bregione\b/.test(t) || resolveRegion(t) !== undefined },
  {
    level: "LOCAL",
    matches: (t) => /\blocal|\bcomun[ei]\b|\bambito territoriale\b|\bcp[il]\b|\bcentr[oi] per l impiego\b/.test(t),
  },
];

/** undefined when the text names no level this code knows. */
export function territorialLevelOf(text: string): TerritorialLevel | undefined {
  const folded = foldForMatch(text);
  return RULES.find((rule) => rule.matches(folded))?.level;
}
