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

/** The page of a practice, its id encoded as one path segment. */
export function practiceHref(id: string): string {
  return href(`/practices/${encodeURIComponent(id)}`);
}

/** The page of a territory, by its NUTS code (or any name the server redirects), encoded as one path segment. */
export function regionHref(nuts: string): string {
  return href(`/regions/${encodeURIComponent(nuts)}`);
}

/**
 * The same page in the other language. Only the path of this origin is kept, its leading slashes collapsed: a
 * request for `//evil.com/x` must not give a link to `//evil.com/x?lang=en`, which a browser reads as another site.
 */
export function otherLanguageHref(): string {
  const url = new URL(location.href);
  if (LANG === "en") url.searchParams.delete("lang");
  else url.searchParams.set("lang", "en");
  const search = url.searchParams.toString();
  return `${url.pathname.replace(/^\/+/, "/")}${search ? `?${search}` : ""}`;
}
