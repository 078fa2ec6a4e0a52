/**
 * Similar practices and why: each match's reasons drawn as bars proportional to their weight (on one scale for the
 * whole answer, the best match's score), with the numbers and the shared items in text beside them. A lens switch
 * asks again under another lens and keeps it in the URL (?lens=TARGETS), so the view can be shared as it is.
 */
import { LENSES as LENS_VALUES, type Lens } from "../../../shared/lenses";
import { askDocumented } from "../../api";
import { bar, h, replace } from "../../dom";
import { readableError } from "../../errors";
import { LANG, practiceHref, t } from "../../i18n";
import { LENSES, REASON_KINDS, label } from "./labels";

const LABELS = {
  heading: { it: "Buone prassi simili, e perché", en: "Similar practices, and why" },
  intro: {
    it: "Ogni barra è la parte del punteggio dovuta a un tipo di collegamento in comune, sulla stessa scala per tutte le buone prassi.",
    en: "Each bar is the part of the score due to one kind of shared link, on one scale for every practice.",
  },
  lens: { it: "Lente: che cosa conta di più", en: "Lens: what counts most" },
  score: { it: "punteggio", en: "score" },
  none: { it: "Nessuna buona prassi simile sotto questa lente.", en: "No similar practice under this lens." },
  loading: { it: "Caricamento…", en: "Loading…" },
  reasonsOf: { it: "Perché è simile", en: "Why it is similar" },
};

type Match = {
  score: number;
  practice: { id: string; title: string; regions: Array<{ name: string }> };
  reasons: Array<{ kind: string; weight: number; shared: Array<{ id: string; name: string }> }>;
};

const LIMIT = 5;

/**
 * The section; `names` gives the shared items' names in the page's language (the reasons carry Italian names;
 * the shared items are the practice's own links, whose English names the card has).
 */
export function similarSection(id: string, initialLens: Lens, names: ReadonlyMap<string, string>): HTMLElement {
  const results = h(
    "div",
    { id: "similar-results", "aria-live": "polite", "aria-busy": "true" },
    h("p", {}, t(LABELS.loading)),
  );
  let asked = 0;
  const show = async (lens: Lens): Promise<void> => {
    const ask = ++asked;
    results.setAttribute("aria-busy", "true");
    const data = await askDocumented<{ similarPractices: Match[] }>("similar-practices", { id, lens, limit: LIMIT });
    if (ask !== asked) return;
    replace(results, matchesList(data.similarPractices, names));
    results.setAttribute("data-lens", lens);
    results.setAttribute("aria-busy", "false");
  };
  const failed = (error: unknown) => {
    replace(results, h("div", { class: "alert alert-warning", role: "alert" }, readableError(error)));
    results.setAttribute("aria-busy", "false");
  };
  const switchLens = h(
    "fieldset",
    { class: "prassi-lens mb-3" },
    h("legend", { class: "h6" }, t(LABELS.lens)),
    LENS_VALUES.map((lens) =>
      h(
        "div",
        { class: "form-check form-check-inline" },
        h("input", {
          class: "form-check-input",
          type: "radio",
          name: "lens",
          id: `lens-${lens}`,
          value: lens,
          checked: lens === initialLens,
        }),
        h("label", { class: "form-check-label", for: `lens-${lens}` }, label(LENSES, lens, LANG)),
      ),
    ),
  );
  switchLens.addEventListener("change", (event) => {
    const lens = (event.target as HTMLInputElement).value as Lens;
    const url = new URL(location.href);
    if (lens === "BALANCED") url.searchParams.delete("lens");
    else url.searchParams.set("lens", lens);
    history.replaceState(null, "", url);
    show(lens).catch(failed);
  });
  show(initialLens).catch(failed);
  return h(
    "section",
    { class: "mt-5", "aria-labelledby": "similar-heading" },
    h("h2", { id: "similar-heading" }, t(LABELS.heading)),
    h("p", { class: "small text-muted" }, t(LABELS.intro)),
    switchLens,
    results,
  );
}

function matchesList(matches: Match[], names: ReadonlyMap<string, string>): HTMLElement {
  if (matches.length === 0) return h("p", {}, t(LABELS.none));
  const scale = Math.max(...matches.map((match) => match.score));
  return h(
    "ol",
    { class: "prassi-matches" },
    matches.map((match) =>
      h(
        "li",
        { class: "card card-bg mb-3", "data-practice": match.practice.id },
        h(
          "div",
          { class: "card-body" },
          h(
            "h3",
            { class: "card-title h5" },
            h("a", { href: practiceHref(match.practice.id) }, `${match.practice.id} · ${match.practice.title}`),
          ),
          h(
            "p",
            { class: "small mb-2" },
            match.practice.regions.map((region) => region.name).join(", "),
            ` · ${t(LABELS.score)} ${match.score.toFixed(2)}`,
          ),
          h(
            "ul",
            { class: "prassi-reasons", "aria-label": `${t(LABELS.reasonsOf)}: ${match.practice.id}` },
            match.reasons.map((reason) => reasonRow(reason, scale, names)),
          ),
        ),
      ),
    ),
  );
}

function reasonRow(reason: Match["reasons"][number], scale: number, names: ReadonlyMap<string, string>): HTMLElement {
  const share = scale > 0 ? reason.weight / scale : 0;
  return h(
    "li",
    { class: "prassi-reason", "data-kind": reason.kind, "data-weight": reason.weight.toFixed(6) },
    h("span", { class: "prassi-reason-kind" }, label(REASON_KINDS, reason.kind, LANG)),
    bar(share, `prassi-reason-${reason.kind.toLowerCase()}`),
    h("span", { class: "prassi-reason-weight" }, reason.weight.toFixed(2)),
    h(
      "span",
      { class: "prassi-reason-shared small" },
      reason.shared.map((item) => names.get(item.id) ?? item.name).join(", "),
    ),
  );
}
