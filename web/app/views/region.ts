/**
 * /regions/{nuts}: a territory's profile (what its practices cover against the LEP services of DM 4/2018), on a map
 * of Italy's 21 territories coloured by coverage, its coverage beside the others', and its gaps with models from
 * other regions. One request: docs/queries/region-coverage.graphql, as an analyst would send it. A name that matches
 * no territory (the API answers NOT_FOUND) is said so, with the 21 territories to choose from
 * (docs/queries/browse-catalogue.graphql).
 */
import "../styles/region.css";
import { ApiError } from "../../shared/api";
import { askDocumented } from "../api";
import { h } from "../dom";
import { LANG, regionHref, t } from "../i18n";
import { showView } from "../loading";
import type { RegionAnswer } from "./region/answer";
import { LABELS } from "./region/labels";
import { gapsSection, reachSection, servicesSection } from "./region/services";
import { territoriesSection } from "./region/territories";

/** `name` is the URL's: a NUTS code, or a name the server did not redirect to one. */
export async function render(main: HTMLElement, name: string): Promise<void> {
  let answer: RegionAnswer;
  try {
    answer = await askDocumented<RegionAnswer>("region-coverage", { region: name });
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") return unknownTerritory(main, name);
    throw error;
  }
  const { regionCoverage, regionProfile: profile } = answer;
  const services = profile.lepCoverage.length;
  const covered = profile.lepCoverage.filter((entry) => entry.covered).length;
  const percent = new Intl.NumberFormat(LANG === "it" ? "it-IT" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(profile.coverageRate);
  document.title = `${profile.region.name} · Prassi`;
  showView(
    main,
    h("h1", {}, profile.region.name),
    h(
      "p",
      { class: "lead" },
      profile.practiceCount === 0
        ? t(LABELS.none)
        : LABELS.lead[LANG](
            profile.practiceCount,
            covered,
            services,
            percent,
            profile.coverageRank,
            regionCoverage.length,
          ),
    ),
    h("p", { class: "text-secondary" }, t(LABELS.lep)),
    territoriesSection(regionCoverage, profile.region.nuts, services),
    servicesSection(profile, regionCoverage.length),
    gapsSection(profile),
    reachSection(profile),
  );
}

/** No territory is called `name`: say so, and list the 21 there are. */
async function unknownTerritory(main: HTMLElement, name: string): Promise<void> {
  const { regions } = await askDocumented<{ regions: Array<{ nuts: string; name: string }> }>("browse-catalogue");
  document.title = `${t(LABELS.unknownTitle)} · Prassi`;
  showView(
    main,
    h("h1", {}, t(LABELS.unknownTitle)),
    h("p", { id: "unknown-territory" }, LABELS.unknown[LANG](name)),
    h(
      "ul",
      { id: "territories" },
      regions.map((region) =>
        h("li", {}, h("a", { href: regionHref(region.nuts), "data-nuts": region.nuts }, region.name)),
      ),
    ),
  );
}
