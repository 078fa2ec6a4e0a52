/**
 * The 21 territories coloured by the LEP services they cover: the map, its legend and credit, and the table that
 * is its text alternative (the same data, each territory a link).
 */
import { drawChoropleth, stripesSwatch, swatch } from "../../map/choropleth";
import { countScale } from "../../map/scale";
import { h, svg } from "../../dom";
import { LANG, regionHref, t } from "../../i18n";
import type { TerritoryCoverage } from "./answer";
import { LABELS } from "./labels";

const MAP_LINKS = [
  "https://mapsvg.com/maps/italy",
  "https://github.com/VictorCazanave/svg-maps/tree/master/packages/italy",
  "https://creativecommons.org/licenses/by/4.0/",
];

/** "MapSVG's map, as @svg-maps/italy by Victor Cazanave, CC BY 4.0, changed by Prassi", with its links. */
function credit(): HTMLElement {
  const [before, map, as, adaptation, licensed, licence, changes] = LABELS.credit[LANG];
  return h(
    "p",
    { class: "prassi-map-credit text-secondary mt-2" },
    before,
    h("a", { href: MAP_LINKS[0] }, map),
    as,
    h("a", { href: MAP_LINKS[1] }, adaptation),
    licensed,
    h("a", { href: MAP_LINKS[2], rel: "license" }, licence),
    changes,
  );
}

export function territoriesSection(
  territories: readonly TerritoryCoverage[],
  current: string,
  services: number,
): HTMLElement {
  const scale = countScale(Math.max(0, ...territories.map((territory) => territory.lepsCovered)));
  const label = (territory: TerritoryCoverage) =>
    LABELS.territoryLabel[LANG](territory.region.name, territory.lepsCovered, services);
  const map = drawChoropleth({
    title: t(LABELS.mapTitle),
    scale,
    current,
    territories: territories.map((territory) => ({
      nuts: territory.region.nuts,
      count: territory.lepsCovered,
      label: label(territory),
      href: regionHref(territory.region.nuts),
    })),
  });
  const legend = h(
    "ul",
    { class: "prassi-legend mt-2", "aria-label": t(LABELS.legend) },
    scale.steps.map((step) => h("li", {}, swatch(step.className), LABELS.services[LANG](step.from, step.to))),
    h(
      "li",
      {},
      svg(
        "svg",
        { viewBox: "0 0 20 14", class: "prassi-swatch", "aria-hidden": "true", focusable: "false" },
        svg("rect", { x: 2, y: 2, width: 16, height: 10, class: "prassi-current-swatch" }),
      ),
      t(LABELS.currentRegion),
    ),
    h("li", {}, stripesSwatch(), t(LABELS.stripes)),
  );
  const table = h(
    "table",
    { class: "table table-sm prassi-region-table" },
    h("caption", {}, t(LABELS.tableCaption)),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t(LABELS.rank)),
        h("th", { scope: "col" }, t(LABELS.territory)),
        h("th", { scope: "col" }, t(LABELS.lepsCovered)),
        h("th", { scope: "col" }, t(LABELS.practices)),
      ),
    ),
    h(
      "tbody",
      {},
      territories.map((territory) => {
        const here = territory.region.nuts === current;
        return h(
          "tr",
          { class: here ? "table-active" : undefined },
          h("td", {}, territory.coverageRank),
          h(
            "th",
            { scope: "row" },
            h(
              "a",
              { href: regionHref(territory.region.nuts), "aria-current": here ? "page" : undefined },
              territory.region.name,
            ),
            here ? ` ${t(LABELS.thisPage)}` : null,
          ),
          h(
            "td",
            { class: "text-nowrap" },
            swatch(scale.stepOf(territory.lepsCovered).className),
            LABELS.of[LANG](territory.lepsCovered, services),
          ),
          h("td", {}, territory.practiceCount),
        );
      }),
    ),
  );
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "map-heading" },
    h("h2", { id: "map-heading" }, t(LABELS.mapHeading)),
    h("p", {}, t(LABELS.mapHelp)),
    h(
      "div",
      { class: "row" },
      h("div", { class: "col-lg-6" }, h("figure", { class: "mb-4" }, map, h("figcaption", {}, legend, credit()))),
      h("div", { class: "col-lg-6" }, h("div", { class: "table-responsive" }, table)),
    ),
  );
}
