/**
 * The front end, built from web/ into web/dist by `npm run build:web`: the explorer (GraphiQL) at GET /graphql when a
 * browser asks for a page, the pages at /, /practices/:id, /regions/:nuts and /path, their hashed assets under
 * /assets, and the widget's script. Every request to /graphql that does not prefer HTML goes on to the API.
 *
 * Each page carries a Content-Security-Policy that lets it load and call nothing but this origin, so that a page
 * that tried to reach a CDN, a font service or a telemetry endpoint would be stopped by the browser, and the tests
 * would see it. The explorer's editor (Monaco) injects its own <style> elements and runs web workers, which its policy
 * allows; the pages' policy allows no inline script or style at all.
 */
import fs from "node:fs";
import path from "node:path";
import compression from "compression";
import express from "express";
import { NutsCodeSchema, REGIONS, resolveRegion } from "../reference/regions";

export const WEB_DIST = path.resolve(__dirname, "../../web/dist");

const PAGE_DIRECTIVES: Record<string, string> = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  // bootstrap-italia's stylesheet carries an icon font inline (a data: URL: no request).
  "font-src": "'self' data:",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};
// Monaco injects its own <style> elements and runs its language services in blob: workers.
const EXPLORER_DIRECTIVES = { ...PAGE_DIRECTIVES, "style-src": "'self' 'unsafe-inline'", "worker-src": "'self' blob:" };

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join("; ");
}

const PAGE_POLICY = policy(PAGE_DIRECTIVES);
const EXPLORER_POLICY = policy(EXPLORER_DIRECTIVES);

/** What a browser gets when the service runs without `npm run build:web` having built the pages. */
const NOT_BUILT_PAGE =
  '<!doctype html><html lang="it"><meta charset="utf-8"><title>Prassi</title>' +
  "<p>Le pagine di Prassi non sono state costruite: <code>npm run build:web</code>. L'API risponde a /graphql.</p>" +
  '<p lang="en">Prassi\'s pages are not built: <code>npm run build:web</code>. The API answers at /graphql.</p></html>';
const NOT_BUILT_SCRIPT = 'console.warn("Prassi: the widget is not built on this server (npm run build:web)");\n';

/** The widget's script keeps its name across releases: hosts pick up a new one within five minutes. */
const WIDGET_CACHE = "public, max-age=300";

/** Whether a GET asks for a page rather than a GraphQL answer: a browser's navigation prefers text/html. */
function prefersHtml(request: express.Request): boolean {
  return (
    request.method === "GET" &&
    request.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html"
  );
}

export function webRoutes(distDir = WEB_DIST): express.Router {
  const router = express.Router();
  const page =
    (file: string, contentPolicy: string): express.RequestHandler =>
    (_request, response) => {
      const html = path.join(distDir, file);
      if (!fs.existsSync(html)) {
        response.status(503).type("html").send(NOT_BUILT_PAGE);
        return;
      }
      response.set({
        "content-security-policy": contentPolicy,
        "cache-control": "no-cache",
        "referrer-policy": "same-origin",
        "x-content-type-options": "nosniff",
      });
      response.sendFile(html);
    };
  // Pages and assets (the explorer is 5.9 MB raw, 1.8 MB gzipped); the API's answers are compressed in server.ts.
  const compress = compression();
  const explorer = page("explorer/index.html", EXPLORER_POLICY);
  const pages = page("app/index.html", PAGE_POLICY);

  router.get("/graphql", (request, response, next) =>
    prefersHtml(request) ? compress(request, response, () => explorer(request, response, next)) : next(),
  );
  // A year: the assets' names change with their content.
  router.use(
    "/assets",
    compress,
    express.static(path.join(distDir, "assets"), { immutable: true, maxAge: "365d", index: false }),
  );
  router.get("/widget/prassi-similar.js", compress, (_request, response, next) => {
    response.set({ "cache-control": WIDGET_CACHE, "cross-origin-resource-policy": "cross-origin" });
    const script = path.join(distDir, "widget/prassi-similar.js");
    if (!fs.existsSync(script)) {
      response.status(503).type("text/javascript").send(NOT_BUILT_SCRIPT);
      return;
    }
    response.sendFile(script, (error) => error && next(error));
  });
  router.get(["/", "/practices/:id", "/path"], compress, pages);
  // A region's page is at its NUTS code; a name ("Liguria", "Provincia autonoma di Trento") or a code in another case
  // ("itc3") redirects there.
  router.get("/regions/:region", compress, (request, response, next) => {
    const asked = String(request.params.region);
    if (NutsCodeSchema.safeParse(asked).success && REGIONS.some((region) => region.nuts === asked))
      return pages(request, response, next);
    const region = REGIONS.find((territory) => territory.nuts === asked.toUpperCase()) ?? resolveRegion(asked);
    // The page says that no territory has that name.
    if (!region) return pages(request, response.status(404), next);
    const query = request.originalUrl.indexOf("?");
    response.redirect(301, `/regions/${region.nuts}${query < 0 ? "" : request.originalUrl.slice(query)}`);
  });
  // Any other page a browser asks for: the pages say it is not there (an API client gets the JSON 404 further on).
  router.get("/{*path}", (request, response, next) =>
    prefersHtml(request) ? compress(request, response, () => pages(request, response.status(404), next)) : next(),
  );
  return router;
}
