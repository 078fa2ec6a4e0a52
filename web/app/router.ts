/**
 * Every view has its own URL, served by the server as this same page (src/http/web.ts): the path picks the view.
 * Navigation is by plain links (a full load: the assets are cached for a year), so each view is also a shareable,
 * bookmarkable page that works with the back button and without client-side state.
 */
export type Route =
  | { view: "home" }
  | { view: "practice"; id: string }
  /** `name` as written in the URL: a NUTS code, or anything else, which the region view says names no territory. */
  | { view: "region"; name: string }
  | { view: "path"; from: string; to: string }
  | { view: "notFound" };

export function routeOf(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { view: "home" };
  if (path === "/path")
    return { view: "path", from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  const practice = /^\/practices\/([^/]+)$/.exec(path);
  if (practice) return { view: "practice", id: segment(practice[1]!) };
  const region = /^\/regions\/([^/]+)$/.exec(path);
  if (region) return { view: "region", name: segment(region[1]!) };
  return { view: "notFound" };
}

/** A path segment decoded; one that is not valid percent-encoding is taken as written. */
function segment(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
