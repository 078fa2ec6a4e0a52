/**
 * The map of Italy's 21 territories coloured by a count (LEP services covered). Every territory is a link to its
 * page carrying its NUTS code in `data-nuts`, with a name for assistive technologies and a tooltip: the 19 regions'
 * own shapes, and the two autonomous provinces as markers over Trentino-Alto Adige's shared shape, which is
 * striped in their two colours. Keyboard: each territory is a link in the tab order, with a visible focus ring.
 */
import { svg } from "../dom";
import { PROVINCES, REGION_SHAPES, SHARED_PATH, VIEW_BOX } from "./italy";
import type { Scale } from "./scale";

export type MapTerritory = {
  nuts: string;
  count: number;
  /** What a territory says to a reader: "Liguria: 4 LEP services of 19". */
  label: string;
  href: string;
};

export type MapOptions = {
  territories: readonly MapTerritory[];
  scale: Scale;
  /** The territory of the page, outlined. */
  current?: string;
  /** The map's accessible name. */
  title: string;
};

const STRIPES_ID = "prassi-provinces-stripes";
const shapeId = (nuts: string) => `prassi-shape-${nuts}`;

function territoryLink(
  territory: MapTerritory,
  options: MapOptions,
  kind: string,
  ...shape: SVGElement[]
): SVGAElement {
  const current = territory.nuts === options.current;
  return svg(
    "a",
    {
      href: territory.href,
      "data-nuts": territory.nuts,
      class: `prassi-territory ${kind} ${options.scale.stepOf(territory.count).className}${current ? " prassi-current" : ""}`,
      "aria-label": territory.label,
      "aria-current": current ? "page" : undefined,
    },
    svg("title", {}, territory.label),
    ...shape,
  );
}

/**
 * An outline drawn over every shape (the regions' borders overlap, and a later neighbour would hide part of a
 * region's own): of the page's territory, and of the one that has the keyboard's focus. Decorative and inert.
 */
function outline(className: string, nuts?: string): SVGUseElement {
  return svg("use", {
    href: nuts === undefined ? undefined : `#${shapeId(nuts)}`,
    class: `prassi-outline ${className}`,
    "aria-hidden": "true",
  });
}

export function drawChoropleth(options: MapOptions): SVGSVGElement {
  const byNuts = new Map(options.territories.map((territory) => [territory.nuts, territory]));
  const territory = (nuts: string): MapTerritory => byNuts.get(nuts) ?? { nuts, count: 0, label: nuts, href: "#" };
  const [bolzano, trento] = PROVINCES.map((province) => territory(province.nuts));

  // Trentino-Alto Adige: diagonal stripes, one colour per province, under the two provinces' markers.
  const stripes = svg(
    "pattern",
    { id: STRIPES_ID, patternUnits: "userSpaceOnUse", width: 10, height: 10, patternTransform: "rotate(45)" },
    // The first stripe is drawn full width under the second, so that no seam shows between them.
    svg("rect", { width: 10, height: 10, class: options.scale.stepOf(bolzano!.count).className }),
    svg("rect", { x: 5, width: 5, height: 10, class: options.scale.stepOf(trento!.count).className }),
  );
  const regions = REGION_SHAPES.map(({ nuts, path }) =>
    territoryLink(territory(nuts), options, "prassi-region", svg("path", { d: path, id: shapeId(nuts) })),
  );
  const shared = svg("path", {
    d: SHARED_PATH,
    fill: `url(#${STRIPES_ID})`,
    class: "prassi-shared",
    "aria-hidden": "true",
  });
  // A marker's name starts with what it shows (BZ, TN), so that speech input can name it as seen.
  const provinces = PROVINCES.map((province) =>
    territoryLink(
      { ...territory(province.nuts), label: `${province.label}, ${territory(province.nuts).label}` },
      options,
      "prassi-province",
      svg("circle", { cx: province.x, cy: province.y, r: 9, id: shapeId(province.nuts) }),
      svg(
        "text",
        { x: province.x + 12, y: province.y + 5, class: "prassi-marker-label", "aria-hidden": "true" },
        province.label,
      ),
    ),
  );
  const focused = outline("prassi-outline-focus");
  const map = svg(
    "svg",
    { viewBox: VIEW_BOX, class: "prassi-map", role: "group", "aria-label": options.title, focusable: "false" },
    svg("defs", {}, stripes),
    ...regions,
    shared,
    options.current === undefined ? null : outline("prassi-outline-current", options.current),
    focused,
    ...provinces,
  );
  map.addEventListener("focusin", (event) => {
    const nuts =
      event.target instanceof Element ? event.target.closest("[data-nuts]")?.getAttribute("data-nuts") : null;
    if (nuts) focused.setAttribute("href", `#${shapeId(nuts)}`);
  });
  map.addEventListener("focusout", () => focused.removeAttribute("href"));
  return map;
}

/** A swatch of a colour step, for a legend or a table: decorative, its meaning is in the text beside it. */
export function swatch(className: string): SVGSVGElement {
  return swatchOf(svg("rect", { x: 0.5, y: 0.5, width: 19, height: 13, class: className }));
}

/** A swatch of Trentino-Alto Adige's stripes (drawn by the map on the same page). */
export function stripesSwatch(): SVGSVGElement {
  return swatchOf(svg("rect", { x: 0.5, y: 0.5, width: 19, height: 13, fill: `url(#${STRIPES_ID})` }));
}

function swatchOf(shape: SVGElement): SVGSVGElement {
  return svg("svg", { viewBox: "0 0 20 14", class: "prassi-swatch", "aria-hidden": "true", focusable: "false" }, shape);
}
