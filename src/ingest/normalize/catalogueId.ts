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
/**
 * A territory a cover names: "Regione Lazio", "Regione Autonoma Valle d'Aosta", "Regione autonoma Friuli Venezia
 * Giulia", "Regione del Veneto", "Provincia Autonoma di Trento" (the autonomous provinces run their own services).
 * A name takes at most 4 words.
 */
const TERRITORY_ON_COVER =
  /\b(?:Regione|Provincia)\s+(?:autonom[ao]\s+)?(?:(?:di|della|del)\s+)?(\S+(?:\s+\S+){0,3})/giu;
/** The region that is two territories (Trento, Bolzano) of seed/regions.json publishes as itself, as neither. */
const TRENTINO_ALTO_ADIGE = /^Trentino\W+Alto\W+Adige\b/iu;

/**
 * The id given on the command line (--catalogue), or the cover's: the region its title names (`lazio-2023`), which
 * wins over ANPAL Servizi named below as a partner, else ANPAL Servizi's when it is the publisher, else the region
 * the publisher's lines name. A cover that says none of these is someone else's: its id must be given.
 */
export function catalogueIdentity(
  cover: { year: number; publisher: string; cover: string },
  requested?: string,
): CatalogueIdentity | { problem: string } {
  const anpal = `anpal-${cover.year}`;
  const nameOnCover = () =>
    regionalName(cover.cover) ?? (cover.publisher === ANPAL ? "anpal" : regionalName(cover.publisher));
  const name = requested === undefined ? nameOnCover() : undefined;
  const id = requested ?? (name === undefined ? undefined : `${name}-${cover.year}`);
  if (id === undefined) {
    return {
      problem:
        `the cover names neither ANPAL Servizi as its publisher nor a region ('Regione Lazio', 'Provincia autonoma ` +
        `di Trento'): give the catalogue's id with --catalogue <name>-${cover.year}`,
    };
  }
  if (id === anpal) return { id, practiceIdPrefix: `${cover.year}-` };
  if (new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*-${cover.year}$`).test(id)) return { id, practiceIdPrefix: `${id}-` };
  return {
    problem:
      `catalogue id '${id}': a catalogue other than ANPAL's is named <name>-<year> in lowercase, with its edition ` +
      `year (--catalogue lazio-${cover.year}), since its practice ids start with it`,
  };
}

/** The first territory the text names, as an id's name: "lazio", "valle-d-aosta", "trento", "trentino-alto-adige". */
function regionalName(text: string): string | undefined {
  for (const [, named] of text.matchAll(TERRITORY_ON_COVER)) {
    if (TRENTINO_ALTO_ADIGE.test(named!)) return "trentino-alto-adige";
    const words = named!.split(/\s+/);
    for (let count = words.length; count > 0; count--) {
      const region = resolveRegion(words.slice(0, count).join(" "));
      const name = region && foldForMatch(region.name.split("/")[0]!).replace(/^provincia autonoma di /, "");
      if (name) return name.replace(/ /g, "-");
    }
  }
  return undefined;
}
