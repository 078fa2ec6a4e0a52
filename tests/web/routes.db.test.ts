import { launchBrowser, watchedPage } from "../support/browser";
import { useTestService } from "../support/service";
import type { Browser } from "playwright-core";

/** What the server answers on the front end's paths, and that /graphql stays the API for everything but a browser's page. */
describe("the front end's routes", () => {
  const service = useTestService({ PRASSI_RATE_LIMIT: "off" });
  let browser: Browser;
  beforeAll(async () => void (browser = await launchBrowser()));
  afterAll(async () => browser.close());

  it("opens the explorer for a browser at GET /graphql, with a policy that keeps every request on this origin", async () => {
    const response = await fetch(`${service.base}/graphql`, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'.*connect-src 'self'/);
  });

  it("answers every other GET /graphql as the API", async () => {
    for (const accept of [undefined, "*/*", "application/json", "application/graphql-response+json"]) {
      const response = await fetch(`${service.base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: accept ? { accept } : {},
      });
      expect({ accept, status: response.status, body: await response.json() }).toEqual({
        accept,
        status: 200,
        body: { data: { __typename: "Query" } },
      });
    }
  });

  it("redirects a region's name to its NUTS code, keeping the query, and serves unknown names as a 404 page", async () => {
    const byName = await fetch(`${service.base}/regions/Liguria?lang=en`, { redirect: "manual" });
    expect({ status: byName.status, location: byName.headers.get("location") }).toEqual({
      status: 301,
      location: "/regions/ITC3?lang=en",
    });
    const lowerCase = await fetch(`${service.base}/regions/itc3`, { redirect: "manual" });
    expect(lowerCase.headers.get("location")).toBe("/regions/ITC3");
    const trento = await fetch(`${service.base}/regions/${encodeURIComponent("Provincia autonoma di Trento")}`, {
      redirect: "manual",
    });
    expect(trento.headers.get("location")).toBe("/regions/ITH2");
    const unknown = await fetch(`${service.base}/regions/Atlantide`);
    expect({ status: unknown.status, type: unknown.headers.get("content-type") }).toMatchObject({
      status: 404,
      type: expect.stringMatching(/^text\/html/),
    });
  });

  it("serves each view's URL as a page that loads only from this origin, without errors", async () => {
    for (const path of ["/", "/practices/2023-004", "/regions/ITC3", "/path?from=2023-004&to=2023-012"]) {
      const watched = await watchedPage(browser);
      const response = await watched.page.goto(`${service.base}${path}`);
      await watched.page.waitForLoadState("networkidle");
      expect({ path, status: response?.status(), problems: watched.problems, origins: watched.origins() }).toEqual({
        path,
        status: 200,
        problems: [],
        origins: [service.base],
      });
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await watched.close();
    }
  });

  it("answers a browser's request for a page that is not there with a 404 page, and an API client's with JSON", async () => {
    const watched = await watchedPage(browser);
    const response = await watched.page.goto(`${service.base}/nowhere-at-all?lang=en`);
    expect(response?.status()).toBe(404);
    await expect(watched.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
    await watched.close();
    const api = await fetch(`${service.base}/nowhere-at-all`);
    expect({ status: api.status, type: api.headers.get("content-type") }).toMatchObject({
      status: 404,
      type: expect.stringMatching(/^application\/json/),
    });
  });

  it("answers a path whose percent-encoding is broken with 400, not an internal error", async () => {
    for (const path of ["/practices/%E0", "/regions/%E0", "/nowhere%E0"]) {
      const response = await fetch(`${service.base}${path}`, { headers: { accept: "text/html" } });
      expect({ path, status: response.status, body: await response.json() }).toMatchObject({
        path,
        status: 400,
        body: { errors: [{ extensions: { code: "BAD_REQUEST" } }] },
      });
    }
    expect(service.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it("serves the hashed assets for a year and the widget's script for five minutes", async () => {
    const page = await (await fetch(`${service.base}/`, { headers: { accept: "text/html" } })).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${service.base}${asset}`)).headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    const widget = await fetch(`${service.base}/widget/prassi-similar.js`);
    expect({ status: widget.status, cache: widget.headers.get("cache-control") }).toEqual({
      status: 200,
      cache: "public, max-age=300",
    });
    expect((await fetch(`${service.base}/assets/missing.js`)).status).toBe(404);
    // Compressed for a browser that asks (fetch asks for gzip and inflates it).
    expect((await fetch(`${service.base}${asset}`)).headers.get("content-encoding")).toBe("gzip");
    const api = await fetch(`${service.base}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(api.headers.get("content-encoding")).toBeNull();
  });
});
