/**
 * The map of Italy of `@svg-maps/italy` (MapSVG's map, CC BY 4.0) read as Prassi's 21 territories: each of its
 * 20 shapes is one region's NUTS-2 code, except Trentino-Alto Adige, one shape for two territories of the graph, the
 * autonomous provinces of Bolzano (ITH1) and Trento (ITH2), which run their own employment services. The package
 * draws no border between them and none is traced here: the shared shape is drawn as one, and each province is a
 * marker of its own, near its chief town (see choropleth.ts).
 */
import italy from "@svg-maps/italy";

type Location = { id: string; name: string; path: string };
const MAP = italy as unknown as { viewBox: string; locations: Location[] };

export const VIEW_BOX = MAP.viewBox;

/** The package's shape ids, by the NUTS-2 code of the region each draws. */
const SHAPE_OF: Record<string, string> = {
  ITC1: "piedmont",
  ITC2: "aosta-valley",
  ITC3: "liguria",
  ITC4: "lombardy",
  ITH3: "veneto",
  ITH4: "friuli-venezia-giulia",
  ITH5: "emilia-romagna",
  ITI1: "tuscany",
  ITI2: "umbria",
  ITI3: "marche",
  ITI4: "lazio",
  ITF1: "abruzzo",
  ITF2: "molise",
  ITF3: "campania",
  ITF4: "apulia",
  ITF5: "basilicata",
  ITF6: "calabria",
  ITG1: "sicily",
  ITG2: "sardinia",
};
const SHARED_SHAPE = "trentino-south-tyrol";

/**
 * The autonomous provinces inside the shared shape: a marker each, near the middle of the province (Bolzano's about
 * 46.7°N 11.3°E, Trento's 46.05°N 11.1°E), placed on the shape's own scale: it spans 45.67..47.09°N over y 0..105
 * and 10.38..12.48°E over x 193..300.
 */
export const PROVINCES = [
  { nuts: "ITH1", label: "BZ", x: 240, y: 28 },
  { nuts: "ITH2", label: "TN", x: 228, y: 76 },
] as const;

function pathOf(id: string): string {
  const location = MAP.locations.find((candidate) => candidate.id === id);
  if (!location) throw new Error(`@svg-maps/italy has no shape '${id}'`);
  return location.path;
}

/** The 19 regions drawn by a shape of their own: NUTS code and outline. */
export const REGION_SHAPES: ReadonlyArray<{ nuts: string; path: string }> = Object.entries(SHAPE_OF).map(
  ([nuts, id]) => ({ nuts, path: pathOf(id) }),
);

/** Trentino-Alto Adige's outline, shared by ITH1 and ITH2. */
export const SHARED_PATH = pathOf(SHARED_SHAPE);
