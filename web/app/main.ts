/**
 * The pages: a thin client of the public GraphQL API. One HTML page for every view; the layout is drawn here and the
 * view of the URL is loaded on demand (the graph library only where a graph is drawn).
 */
import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "./styles/fonts.css";
import "./styles/app.css";
import { h, replace } from "./dom";
import { LANG, href, otherLanguageHref, t } from "./i18n";
import { showLoading } from "./loading";
import { routeOf, type Route } from "./router";
import { showFailure } from "./views/failure";

const LABELS = {
  skip: { it: "Vai al contenuto", en: "Skip to content" },
  tagline: { it: "Buone prassi dei servizi per il lavoro", en: "Good practices of public employment services" },
  search: { it: "Cerca", en: "Search" },
  path: { it: "Percorsi", en: "Paths" },
  explorer: { it: "Esplora l'API", en: "API explorer" },
  otherLanguage: { it: "English", en: "Italiano" },
  navigation: { it: "Navigazione principale", en: "Main navigation" },
  source: {
    it: "Dati: ANPAL Servizi, Buone prassi nei servizi per il lavoro e politiche attive, Catalogo 2023.",
    en: "Data: ANPAL Servizi, Good practices in employment services and active policies, 2023 catalogue.",
  },
};

function layout(): HTMLElement {
  const main = h("main", { id: "main", class: "container my-4", tabindex: "-1" });
  document.documentElement.lang = LANG;
  replace(
    document.body,
    h("a", { class: "visually-hidden-focusable", href: "#main" }, t(LABELS.skip)),
    h(
      "header",
      { class: "it-header-wrapper" },
      h(
        "div",
        { class: "it-header-center-wrapper" },
        h(
          "div",
          { class: "container" },
          h(
            "div",
            { class: "it-header-center-content-wrapper" },
            h(
              "div",
              { class: "it-brand-wrapper" },
              h(
                "a",
                { href: href("/") },
                h(
                  "div",
                  { class: "it-brand-text" },
                  h("div", { class: "it-brand-title" }, "Prassi"),
                  h("div", { class: "it-brand-tagline d-none d-md-block" }, t(LABELS.tagline)),
                ),
              ),
            ),
            h(
              "nav",
              { class: "it-right-zone prassi-nav", "aria-label": t(LABELS.navigation) },
              h("a", { href: href("/") }, t(LABELS.search)),
              h("a", { href: href("/path") }, t(LABELS.path)),
              h("a", { href: href("/graphql") }, t(LABELS.explorer)),
              h("a", { href: otherLanguageHref(), lang: LANG === "it" ? "en" : "it" }, t(LABELS.otherLanguage)),
            ),
          ),
        ),
      ),
    ),
    main,
    h(
      "footer",
      { class: "it-footer prassi-footer" },
      h("div", { class: "container py-3", id: "credits" }, h("p", {}, t(LABELS.source))),
    ),
  );
  return main;
}

async function show(main: HTMLElement, route: Route): Promise<void> {
  switch (route.view) {
    case "home":
      return (await import("./views/home")).render(main);
    case "practice":
      return (await import("./views/practice")).render(main, route.id);
    case "region":
      return (await import("./views/region")).render(main, route.name);
    case "path":
      return (await import("./views/path")).render(main, route.from, route.to);
    case "notFound":
      return (await import("./views/notFound")).render(main);
  }
}

const main = layout();
showLoading(main);
show(main, routeOf(new URL(location.href))).catch((error: unknown) => showFailure(main, error));
