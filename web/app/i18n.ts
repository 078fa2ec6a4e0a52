/**
 * Italian first; `?lang=en` switches the interface and the vocabulary's names to English. The language travels in
 * every link the pages make (href), so a shared URL opens in the language it was shared in.
 */
export type Lang = "it" | "en";

export const LANG: Lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "it";

/** A label in both languages. */
export type Text = { it: string; en: string };

export function t(text: Text): string {
  return text[LANG];
}

/** A node's name in the page's language: its English name when it has one and the page is in English. */
export function localName(node: { name: string; nameEn?: string | null }): string {
  return LANG === "en" && node.nameEn ? node.nameEn : node.name;
}

/** A path of the site with the page's language kept: href("/practices/2023-004"). */
export function href(path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (LANG === "en") params.set("lang", "en");
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The same page in the other language. */
export function otherLanguageHref(): string {
  const params = new URLSearchParams(location.search);
  if (LANG === "en") params.delete("lang");
  else params.set("lang", "en");
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}`;
}
