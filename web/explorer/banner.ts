/**
 * The banner above GraphiQL speaks Italian, like the rest of Prassi (index.html), and English with `?lang=en`, which
 * its link to the pages keeps. GraphiQL's own interface is English only (its <main> says so with lang="en").
 */
export function translateBanner(): void {
  if (new URLSearchParams(location.search).get("lang") !== "en") return;
  document.documentElement.lang = "en";
  document.title = "Prassi · GraphQL explorer";
  document
    .querySelector('meta[name="description"]')
    ?.setAttribute(
      "content",
      "GraphiQL on Prassi's GraphQL API: the knowledge graph of good practices of Italian public employment services.",
    );
  const banner = document.querySelector(".prassi-banner")!;
  banner.querySelector("h1 span")!.textContent = "GraphQL explorer";
  const italian = document.createElement("span");
  italian.lang = "it";
  italian.textContent = "buone prassi";
  banner
    .querySelector("p")!
    .replaceChildren(
      "The good practices (",
      italian,
      ") of Italy's public employment services, as a graph. Each tab is a documented example: run it with ▶ or Ctrl-Enter. An editor's token goes in Headers.",
    );
  const pages = banner.querySelector("nav a")!;
  pages.textContent = "Prassi's pages";
  pages.setAttribute("href", "/?lang=en");
}
