/**
 * While a view waits for the API, <main> says so (a status, and aria-busy for assistive technologies); the view
 * replaces it with what it shows through showView.
 */
import { h, replace, type Child } from "./dom";
import { t } from "./i18n";

const LOADING = { it: "Caricamento…", en: "Loading…" };

export function showLoading(main: HTMLElement): void {
  main.setAttribute("aria-busy", "true");
  replace(main, h("p", { role: "status", class: "text-muted" }, t(LOADING)));
}

/** Replaces the loading status (or anything in <main>) with the view. */
export function showView(main: HTMLElement, ...children: Array<Child | Child[]>): void {
  replace(main, ...children);
  main.removeAttribute("aria-busy");
}
