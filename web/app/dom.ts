/**
 * Builds DOM nodes from data: text is always set as text (never parsed as HTML), so names read from the API cannot
 * inject markup, and no inline style is ever written (the pages' CSP forbids it: classes only).
 */
export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** h() for SVG: the element in the SVG namespace (a map's shapes, a bar), with presentation attributes, never `style`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Child | Child[]>
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

/** Sets each attribute given a value: `true` as an empty attribute, `false` and `undefined` not at all. */
function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
}

/** A bar `share` (0..1) of the full width: an SVG rectangle's width, so that no style is written. Decorative: the numbers are in the text beside it. */
export function bar(share: number, valueClass = ""): SVGSVGElement {
  const clamped = Math.max(0, Math.min(1, share));
  return svg(
    "svg",
    {
      viewBox: "0 0 100 10",
      preserveAspectRatio: "none",
      class: "prassi-bar",
      "aria-hidden": "true",
      focusable: "false",
    },
    svg("rect", { width: 100, height: 10, class: "prassi-bar-track" }),
    svg("rect", {
      width: (clamped * 100).toFixed(2),
      height: 10,
      class: `prassi-bar-value${valueClass ? ` ${valueClass}` : ""}`,
      "data-share": share.toFixed(4),
    }),
  );
}

/** A name cut to at most `max` characters, with an ellipsis when cut (a node's label on a canvas). */
export function truncate(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 2)}…` : name;
}

export function append(parent: Node, ...children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Replaces everything in `parent` with `children`. */
export function replace(parent: Node, ...children: Array<Child | Child[]>): void {
  parent.textContent = "";
  append(parent, ...children);
}
