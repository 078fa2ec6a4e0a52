/**
 * Every view has its own URL, served by the server as this same page (src/http/web.ts): the path picks the view.
 * Navigation is by plain links (a full load: the assets are cached for a year), so each view is also a shareable,
 * bookmarkable page that works with the back button and without client-side state.
 */
export type Route =
  | { view: "home" }
  | { view: "practice"; id: string }
  | { view: "region"; nuts: string }
  | { view: "path"; from: string; to: string }
  | { view: "notFound" };

export function routeOf(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { view: "home" };
  if (path === "/path") return { view: "path", from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  const practice = /^\/practices\/([^/]+)$/.exec(path);
  if (practice) return { view: "practice", id: decodeURIComponent(practice[1]!) };
  const region = /^\/regions\/(IT[A-Z]\d)$/.exec(path);
  if (region) return { view: "region", nuts: region[1]! };
  return { view: "notFound" };
}
