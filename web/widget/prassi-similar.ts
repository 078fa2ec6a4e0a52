/**
 * GET /widget/prassi-similar.js: defines <prassi-similar> (element.ts; docs/widget.md). Loaded twice, or beside
 * another definition of the name, it leaves the first one in place; whatever goes wrong stays out of the host page.
 */
import { defineElement } from "./element";

try {
  if (typeof customElements !== "undefined" && !customElements.get("prassi-similar")) defineElement();
} catch (error) {
  console.warn("<prassi-similar> could not be defined:", error);
}
