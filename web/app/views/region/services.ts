/** The region's own coverage beside the other territories', LEP service by LEP service; then its gaps with models. */
import { bar, h } from "../../dom";
import { LANG, localName, practiceHref, t } from "../../i18n";
import type { RegionAnswer } from "./answer";
import { LABELS } from "./labels";

type Profile = RegionAnswer["regionProfile"];

export function servicesSection(profile: Profile, territories: number): HTMLElement {
  const region = profile.region.name;
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "services-heading" },
    h("h2", { id: "services-heading" }, t(LABELS.servicesHeading)),
    // On a phone the table scrolls sideways: its box takes the keyboard's focus, so that arrows can scroll it.
    h(
      "div",
      { class: "table-responsive", tabindex: 0, role: "region", "aria-labelledby": "services-heading" },
      h(
        "table",
        { class: "table table-sm prassi-region-table" },
        h("caption", {}, LABELS.servicesCaption[LANG](region)),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t(LABELS.service)),
            h("th", { scope: "col" }, LABELS.here[LANG](region)),
            h("th", { scope: "col" }, t(LABELS.covering)),
          ),
        ),
        h(
          "tbody",
          {},
          profile.lepCoverage.map((entry) =>
            h(
              "tr",
              { "data-lep": entry.lep.code, class: entry.covered ? undefined : "prassi-gap" },
              h("th", { scope: "row" }, h("span", { class: "me-2" }, entry.lep.code), localName(entry.lep)),
              h(
                "td",
                { class: "text-nowrap" },
                entry.covered ? h("strong", {}, LABELS.yes[LANG](entry.practicesHere)) : t(LABELS.no),
              ),
              h(
                "td",
                { class: "text-nowrap" },
                bar(territories === 0 ? 0 : entry.regionsCovering / territories),
                LABELS.of[LANG](entry.regionsCovering, territories),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function gapsSection(profile: Profile): HTMLElement {
  const withModels = profile.gaps.filter((gap) => gap.models.length > 0);
  const without = profile.gaps.filter((gap) => gap.models.length === 0);
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "gaps-heading" },
    h("h2", { id: "gaps-heading" }, t(LABELS.gapsHeading)),
    profile.gaps.length === 0 ? h("p", {}, t(LABELS.noGaps)) : h("p", {}, t(LABELS.gapsIntro)),
    withModels.map((gap) =>
      h(
        "div",
        { class: "mb-3", "data-gap": gap.lep.code },
        h("h3", { class: "h5" }, `${gap.lep.code} · ${localName(gap.lep)}`),
        h(
          "ul",
          {},
          gap.models.map((model) =>
            h(
              "li",
              {},
              h("a", { href: practiceHref(model.id) }, model.title),
              model.regions.length > 0 ? ` (${model.regions.map((place) => place.name).join(", ")})` : null,
            ),
          ),
        ),
      ),
    ),
    without.length > 0
      ? h(
          "p",
          { "data-gaps-without-models": without.map((gap) => gap.lep.code).join(" ") },
          t(LABELS.noModels),
          " ",
          without.map((gap) => `${gap.lep.code} (${localName(gap.lep)})`).join(", "),
          ".",
        )
      : null,
  );
}

export function reachSection(profile: Profile): HTMLElement | null {
  const practices = profile.region.practicesConnection.edges.map((edge) => edge.node);
  if (practices.length === 0 && profile.targetGroups.length === 0) return null;
  return h(
    "section",
    { class: "mt-5 row", "aria-labelledby": "own-heading" },
    h(
      "div",
      { class: "col-lg-6" },
      h("h2", { id: "own-heading" }, t(LABELS.ownPractices)),
      h(
        "ul",
        {},
        practices.map((practice) => h("li", {}, h("a", { href: practiceHref(practice.id) }, practice.title))),
      ),
    ),
    h(
      "div",
      { class: "col-lg-6" },
      h("h2", { id: "targets-heading" }, t(LABELS.targetsHeading)),
      h(
        "ul",
        {},
        profile.targetGroups.map((reach) =>
          h("li", {}, `${localName(reach.targetGroup)}: ${LABELS.practiceCount[LANG](reach.practices)}`),
        ),
      ),
    ),
  );
}
