/**
 * /regions/{nuts}: a territory's profile (what its practices cover against the LEP services of DM 4/2018), on a map
 * of Italy's 21 territories coloured by coverage, its coverage beside the others', and its gaps with models from
 * other regions. One request: docs/queries/region-coverage.graphql, as an analyst would send it.
 */
import "../styles/region.css";
import { askApi } from "../../shared/api";
import { documentedQuery } from "../../shared/queries";
import { h, replace } from "../dom";
import { LANG, t } from "../i18n";
import type { RegionAnswer } from "./region/answer";
import { LABELS } from "./region/labels";
import { gapsSection, reachSection, servicesSection } from "./region/services";
import { territoriesSection } from "./region/territories";

const QUERY = documentedQuery("region-coverage");

export async function render(main: HTMLElement, nuts: string): Promise<void> {
  const { regionCoverage, regionProfile: profile } = await askApi<RegionAnswer>("/graphql", QUERY, { region: nuts });
  const services = profile.lepCoverage.length;
  const covered = profile.lepCoverage.filter((entry) => entry.covered).length;
  const percent = new Intl.NumberFormat(LANG === "it" ? "it-IT" : "en-GB", { style: "percent", maximumFractionDigits: 0 }).format(profile.coverageRate);
  document.title = `${profile.region.name} · Prassi`;
  replace(
    main,
    h("h1", {}, profile.region.name),
    h(
      "p",
      { class: "lead" },
      profile.practiceCount === 0
        ? t(LABELS.none)
        : LABELS.lead[LANG](profile.practiceCount, covered, services, percent, profile.coverageRank, regionCoverage.length),
    ),
    h("p", { class: "text-secondary" }, t(LABELS.lep)),
    territoriesSection(regionCoverage, profile.region.nuts, services),
    servicesSection(profile, regionCoverage.length),
    gapsSection(profile),
    reachSection(profile),
  );
}
