import { h } from "../dom";
import { href, t } from "../i18n";
import { showView } from "../loading";

const LABELS = {
  title: { it: "Pagina non trovata", en: "Page not found" },
  back: { it: "Torna alla ricerca", en: "Back to search" },
};

export async function render(main: HTMLElement): Promise<void> {
  document.title = `${t(LABELS.title)} · Prassi`;
  showView(main, h("h1", {}, t(LABELS.title)), h("p", {}, h("a", { href: href("/") }, t(LABELS.back))));
}
