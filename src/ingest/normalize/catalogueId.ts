/**
 * Which catalogue a file is, and the ids its practices get. ANPAL's catalogue of an edition year is `anpal-<year>`
 * and its practices `<year>-<index>`, the ids published since 2023; any other catalogue of that year (a region's) is
 * named `<name>-<year>` and prefixes its practices' ids with that name (`lazio-2023-001`). Ids depend on the file and
 * the catalogue id only, never on what a database holds: a re-import keeps them, a dry run shows them, and ANPAL's
 * catalogue keeps its plain ids whichever catalogue of its year was loaded first.
 */
import { resolveRegion } from "../../reference/regions";
import { foldForMatch } from "../../text/inline";

export type CatalogueIdentity = { id: string; practiceIdPrefix: string };

const ANPAL = "ANPAL Servizi";
/** "Regione Lazio", "Regione Emilia-Romagna", "Regione Friuli Venezia Giulia": a region takes at most 4 words. */
const REGION_ON_COVER = /\bRegione\s+(\S+(?:\s+\S+){0,3})/i;

/**
 * The id given on the command line (--catalogue), or the cover's: ANPAL Servizi's catalogue, or the region the
 * cover names (`lazio-2023`), or else `anpal-<year>` as every catalogue before 2025 was named.
 */
export function catalogueIdentity(
  cover: { year: number; publisher: string; cover: string },
  requested?: string,
): CatalogueIdentity | { problem: string } {
  const anpal = `anpal-${cover.year}`;
  const id = requested ?? (cover.publisher === ANPAL ? anpal : regionalId(cover.cover, cover.year) ?? anpal);
  if (id === anpal) return { id, practiceIdPrefix: `${cover.year}-` };
  if (new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*-${cover.year}$`).test(id)) return { id, practiceIdPrefix: `${id}-` };
  return {
    problem:
      `catalogue id '${id}': a catalogue other than ANPAL's is named <name>-<year> in lowercase, with its edition ` +
      `year (--catalogue lazio-${cover.year}), since its practice ids start with it`,
  };
}

function regionalId(cover: string, year: number): string | undefined {
  const words = REGION_ON_COVER.exec(cover)?.[1]?.split(/\s+/) ?? [];
  for (let count = words.length; count > 0; count--) {
    const region = resolveRegion(words.slice(0, count).join(" "));
    if (region) return `${foldForMatch(region.name.split("/")[0] ?? "").replace(/ /g, "-")}-${year}`;
  }
  return undefined;
}
