import { ApiError } from "../../shared/api";
import { h, replace } from "../dom";
import { t } from "../i18n";

const LABELS = {
  title: { it: "La pagina non può essere mostrata", en: "The page cannot be shown" },
  unreachable: { it: "Il servizio non risponde: riprova tra poco.", en: "The service does not answer: try again shortly." },
  notFound: { it: "Non trovato.", en: "Not found." },
};

/** What a reader sees when a view fails: a message in words, never a stack. */
export function showFailure(main: HTMLElement, error: unknown): void {
  const detail =
    error instanceof ApiError
      ? error.failure === "unreachable" || error.code === "SERVICE_UNAVAILABLE"
        ? t(LABELS.unreachable)
        : error.message
      : t(LABELS.unreachable);
  replace(main, h("div", { class: "alert alert-danger", role: "alert" }, h("h1", { class: "h4" }, t(LABELS.title)), h("p", {}, detail)));
}
