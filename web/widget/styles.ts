/**
 * The widget's look, themeable from the host page through CSS custom properties (docs/widget.md lists them), which
 * cross the shadow boundary. Adopted as a constructable stylesheet: a host page's CSP that forbids inline styles
 * does not stop it.
 */
const CSS = `
:host {
  display: block;
  font-family: var(--prassi-font, inherit);
  font-size: var(--prassi-font-size, 1rem);
  line-height: 1.45;
  color: var(--prassi-text, #1c2024);
}
:host([hidden]) { display: none; }
.box {
  box-sizing: border-box;
  max-width: 100%;
  padding: var(--prassi-spacing, 1rem);
  background: var(--prassi-background, #fff);
  border: 1px solid var(--prassi-border, #c5c7c9);
  border-radius: var(--prassi-radius, 8px);
  overflow-wrap: anywhere;
}
h2 {
  margin: 0 0 0.75em;
  font-size: 1.15em;
  line-height: 1.3;
  color: var(--prassi-heading, var(--prassi-text, #1c2024));
}
ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.9em; }
li { padding-left: 0.75em; border-left: 4px solid var(--prassi-accent, #0066cc); }
a {
  color: var(--prassi-accent, #0066cc);
  font-weight: 600;
  text-decoration: underline;
  text-underline-offset: 0.15em;
}
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--prassi-focus, #b35c00); outline-offset: 2px; border-radius: 2px; }
p { margin: 0.2em 0 0; }
.meta { color: var(--prassi-muted, #4d5358); font-size: 0.9em; }
.label { font-weight: 600; }
.message { margin: 0; }
.message[data-kind="error"] { color: var(--prassi-error, #a4122a); }
`;

let shared: CSSStyleSheet | undefined;

/** Styles a shadow root: one stylesheet shared by every instance, or a <style> where constructable ones are missing. */
export function adoptStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [shared];
    return;
  }
  const style = document.createElement("style");
  style.textContent = CSS;
  root.appendChild(style);
}
