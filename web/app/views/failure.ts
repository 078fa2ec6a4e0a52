import { h } from "../dom";
import { readableError } from "../errors";
import { t } from "../i18n";
import { showView } from "../loading";

const LABELS = {
  title: { it: "La pagina non può essere mostrata", en: "The page cannot be shown" },
};

/** What a reader sees when a view fails: a message in words, never a stack. `missing` is what NOT_FOUND means here. */
export function showFailure(main: HTMLElement, error: unknown, missing?: string): void {
  showView(
    main,
    h(
      "div",
      { class: "alert alert-danger", role: "alert" },
      h("h1", { class: "h4" }, t(LABELS.title)),
      h("p", {}, readableError(error, missing)),
    ),
  );
}
