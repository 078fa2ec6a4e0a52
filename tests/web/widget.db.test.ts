import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser";
import { startTestService, useTestService, type TestService } from "../support/service";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const QUERY = fs.readFileSync(path.resolve(__dirname, "../../docs/queries/similar-practices.graphql"), "utf8");
/** The widget names this many shared items, then "and N more". */
const SHOWN_ITEMS = 6;

type Match = {
  practice: {
    id: string;
    title: string;
    regions: Array<{ name: string }>;
    targets: Array<{ id: string; nameEn: string }>;
  };
  reasons: Array<{ kind: string; shared: Array<{ id: string; name: string }> }>;
};

type WidgetView = {
  state: string | undefined;
  lang: string | undefined;
  heading: string | null;
  message: string | null;
  items: Array<{
    id: string | undefined;
    title: string | null;
    href: string | null;
    regions: string | null;
    shared: string | null;
  }>;
};

/** What a reader of the widget sees, read from its (open) shadow root. */
function readWidget(page: Page, selector: string): Promise<WidgetView> {
  return page.$eval(selector, (element) => {
    const root = element.shadowRoot!;
    const section = root.querySelector("section");
    return {
      state: section?.dataset.state,
      lang: section?.lang,
      heading: root.querySelector("h2")?.textContent ?? null,
      message: root.querySelector(".message")?.textContent ?? null,
      items: [...root.querySelectorAll("ol > li")].map((item) => ({
        id: (item as HTMLElement).dataset.practice,
        title: item.querySelector("a")?.textContent ?? null,
        href: item.querySelector("a")?.href ?? null,
        regions: item.querySelector("[data-role=regions]")?.textContent ?? null,
        shared: item.querySelector("[data-role=shared]")?.textContent ?? null,
      })),
    };
  });
}

/** Waits until the widget at `selector` has finished loading (state ready or error) and `holds` of what it shows. */
async function settled(
  page: Page,
  selector: string,
  holds: (view: WidgetView) => boolean = () => true,
): Promise<WidgetView> {
  const started = Date.now();
  for (;;) {
    const view = await readWidget(page, selector);
    if ((view.state === "ready" || view.state === "error") && holds(view)) return view;
    if (Date.now() - started > 15_000) throw new Error(`${selector} did not settle: ${JSON.stringify(view)}`);
    await page.waitForTimeout(50);
  }
}

/**
 * The shared items' names as the widget lists them: the first (rarest) item of each reason in the API's order of
 * reasons, then the second of each, and so on; a LEP by its code, target groups in English when the widget is.
 */
function sharedLine(match: Match, lang: "it" | "en"): string {
  const name = (kind: string, item: { id: string; name: string }) => {
    if (kind === "LEP") return `LEP ${item.id}`;
    if (kind === "TARGET" && lang === "en")
      return match.practice.targets.find((target) => target.id === item.id)?.nameEn ?? item.name;
    return item.name;
  };
  const deepest = Math.max(...match.reasons.map((reason) => reason.shared.length));
  const names = Array.from({ length: deepest }, (_, rank) =>
    match.reasons.flatMap((reason) => (reason.shared[rank] ? [name(reason.kind, reason.shared[rank])] : [])),
  ).flat();
  const more = names.length - SHOWN_ITEMS;
  const label = lang === "en" ? "In common:" : "In comune:";
  const tail = more > 0 ? (lang === "en" ? ` and ${more} more` : ` e altri ${more}`) : "";
  return `${label} ${names.slice(0, SHOWN_ITEMS).join(", ")}${tail}`;
}

/** Some content of the host page, and its own script-free behaviour, that the widget must leave working. */
async function hostStillWorks(page: Page): Promise<void> {
  await page.locator("#host-details summary").click();
  expect(await page.locator("#host-details").evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
  await page.locator("#host-anchor").click();
  expect(new URL(page.url()).hash).toBe("#contatti");
  expect(await page.locator("h1").textContent()).toBe("Portale regionale del lavoro");
}

describe("the <prassi-similar> widget on another site's page", () => {
  // Generous timeouts: the browser and the database share a loaded machine, and no answer here is about time.
  const service = useTestService({
    PRASSI_RATE_LIMIT: "off",
    PRASSI_QUERY_TIMEOUT_MS: "20000",
    PRASSI_REQUEST_TIMEOUT_MS: "30000",
  });
  let browser: Browser;
  let host: http.Server;
  let hostOrigin: string;
  /** An API that is not there: a port that was free a moment ago. */
  let closedApi: string;
  /** The widgets the next host page carries. */
  let widgets = "";
  /** The Prassi whose script the host page loads: `service` unless a test says otherwise. */
  let prassi: TestService | undefined;
  const prassiBase = () => (prassi ?? service).base;

  const hostPage = () => `<!doctype html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Portale regionale del lavoro</title>
  <link rel="stylesheet" href="/host.css">
  <script src="${prassiBase()}/widget/prassi-similar.js" defer></script>
</head>
<body>
  <header><h1>Portale regionale del lavoro</h1></header>
  <main>
    <details id="host-details"><summary>Come funziona il portale</summary><p>Offerte, corsi e servizi dei centri per l'impiego.</p></details>
    <p><a id="host-anchor" href="#contatti">Contatti</a></p>
    ${widgets}
  </main>
  <footer id="contatti"><p>Portale di prova, servito da un'altra origine con una politica di sicurezza stretta.</p></footer>
</body>
</html>`;

  /** The host page's policy: scripts and calls only to Prassi (and the closed port), styles only from itself. */
  const hostPolicy = () =>
    [
      "default-src 'none'",
      `script-src ${prassiBase()}`,
      `connect-src ${prassiBase()} ${new URL(closedApi).origin}`,
      "style-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; ");

  beforeAll(async () => {
    browser = await launchBrowser();
    host = http.createServer((request, response) => {
      if (request.url === "/host.css") {
        response.writeHead(200, { "content-type": "text/css" });
        response.end(
          "body { font-family: Georgia, serif; margin: 0 auto; max-width: 60rem; padding: 1rem; } prassi-similar { margin: 1.5rem 0; }",
        );
      } else if (request.url === "/" || request.url?.startsWith("/?")) {
        response.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": hostPolicy(),
        });
        response.end(hostPage());
      } else if (request.url === "/favicon.ico") {
        // Chromium asks for it (unseen by the page's request events); a real portal has one.
        response.writeHead(204);
        response.end();
      } else {
        response.writeHead(404, { "content-type": "text/plain" });
        response.end("not here");
      }
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    closedApi = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => host.close(resolve));
  });

  async function similar(id: string, limit: number, lens = "BALANCED"): Promise<Match[]> {
    const response = await service.post({ query: QUERY, variables: { id, limit, lens } });
    const body = (await response.json()) as { data?: { similarPractices: Match[] }; errors?: unknown };
    expect({ status: response.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return body.data!.similarPractices;
  }

  /** Opens the host page with `markup` as its widgets; `prepare` runs on the page before it loads (routes, listeners). */
  async function openHost(
    markup: string,
    viewport?: { width: number; height: number },
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<WatchedPage> {
    widgets = markup;
    const watched = await watchedPage(browser, viewport);
    await prepare?.(watched.page);
    await watched.page.goto(hostOrigin);
    return watched;
  }

  it("shows the three practices most similar to 2023-004 as the API ranks them, with their regions and what they share, each linked to its page", async () => {
    expect(new URL(hostOrigin).origin).not.toBe(new URL(service.base).origin);
    const expected = await similar("2023-004", 3);
    expect(expected).toHaveLength(3);
    const watched = await openHost(
      `<prassi-similar id="widget" practice="2023-004" limit="3" lens="BALANCED" lang="it"></prassi-similar>`,
    );
    const view = await settled(watched.page, "#widget");
    expect(view).toEqual({
      state: "ready",
      lang: "it",
      heading: "Buone prassi simili",
      message: null,
      items: expected.map((match) => ({
        id: match.practice.id,
        title: match.practice.title,
        href: `${service.base}/practices/${match.practice.id}`,
        regions: `${match.practice.regions.length === 1 ? "Regione:" : "Regioni:"} ${match.practice.regions.map((region) => region.name).join(", ")}`,
        shared: sharedLine(match, "it"),
      })),
    });
    // Every match shares something: the reasons are what the widget is for.
    for (const match of expected) expect(match.reasons.length).toBeGreaterThan(0);
    expect(await watched.page.getByRole("list").getByRole("link").count()).toBe(3);

    await hostStillWorks(watched.page);
    expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
    await watched.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(watched.page, "widget");
    expect({ problems: watched.problems, origins: watched.origins().sort() }).toEqual({
      problems: [],
      origins: [hostOrigin, service.base].sort(),
    });
    // It asked its own origin's API (the script's, as no api attribute was given) with a GET persisted query: the
    // query's hash alone, then, if this instance did not know it yet, the query with its hash.
    const [script, ...calls] = watched.requests
      .filter((url) => url.startsWith(service.base))
      .map((url) => new URL(url));
    expect(script?.pathname).toBe("/widget/prassi-similar.js");
    expect(
      calls.map((url) => ({
        path: url.pathname,
        hash: (JSON.parse(url.searchParams.get("extensions") ?? "{}") as { persistedQuery?: { sha256Hash?: string } })
          .persistedQuery?.sha256Hash,
        query: url.searchParams.get("query"),
      })),
    ).toEqual(
      [
        { path: "/graphql", hash: sha256(QUERY), query: null },
        { path: "/graphql", hash: sha256(QUERY), query: QUERY },
      ].slice(0, calls.length),
    );
    expect(calls.length).toBeGreaterThanOrEqual(1);
    await watched.close();
  });

  it("tells the reader when the practice is unknown or the API cannot be reached, and the host page keeps working", async () => {
    const unknown = await service.post({ query: QUERY, variables: { id: "2099-999" } });
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    const watched = await openHost(
      [
        `<prassi-similar id="unknown" practice="2099-999"></prassi-similar>`,
        `<prassi-similar id="stopped" practice="2023-004" api="${closedApi}"></prassi-similar>`,
        `<prassi-similar id="missing"></prassi-similar>`,
        `<prassi-similar id="working" practice="2023-004" limit="2"></prassi-similar>`,
      ].join("\n"),
    );
    const [unknownView, stoppedView, missingView, workingView] = await Promise.all(
      ["#unknown", "#stopped", "#missing", "#working"].map((selector) => settled(watched.page, selector)),
    );
    expect({ state: unknownView!.state, message: unknownView!.message, items: unknownView!.items }).toEqual({
      state: "error",
      message: "Nessuna buona prassi del catalogo ha il codice «2099-999».",
      items: [],
    });
    expect({ state: stoppedView!.state, message: stoppedView!.message }).toEqual({
      state: "error",
      message: "Il servizio Prassi non è raggiungibile in questo momento. Riprovare più tardi.",
    });
    expect({ state: missingView!.state, message: missingView!.message }).toMatchObject({
      state: "error",
      message: expect.stringContaining("attributo practice"),
    });
    expect(workingView!.items).toHaveLength(2);
    await hostStillWorks(watched.page);
    // The browser reports the refused connection itself; the page has no uncaught error and breaks no policy.
    const ownProblems = watched.problems.filter(
      (problem) => !/Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(problem),
    );
    expect(ownProblems).toEqual([]);
    expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
    await watched.close();
  });

  it("shows again what its attributes ask when they change, in English with lang=en", async () => {
    const watched = await openHost(`<prassi-similar id="widget" practice="2023-004"></prassi-similar>`);
    await settled(watched.page, "#widget");
    const expected = await similar("2023-012", 2, "TARGETS");
    await watched.page.$eval("#widget", (widget) => {
      widget.setAttribute("practice", "2023-012");
      widget.setAttribute("limit", "2");
      widget.setAttribute("lens", "targets");
    });
    const changed = await settled(
      watched.page,
      "#widget",
      (view) => view.items.length === 2 && view.items[0]!.id === expected[0]!.practice.id,
    );
    expect(changed.items.map((item) => [item.title, item.shared])).toEqual(
      expected.map((match) => [match.practice.title, sharedLine(match, "it")]),
    );

    await watched.page.$eval("#widget", (widget) => widget.setAttribute("lang", "en"));
    const english = await settled(watched.page, "#widget", (view) => view.lang === "en");
    expect({
      heading: english.heading,
      items: english.items.map((item) => ({
        href: item.href,
        regions: item.regions?.split(" ")[0],
        shared: item.shared,
      })),
    }).toEqual({
      heading: "Similar good practices",
      items: expected.map((match) => ({
        href: `${service.base}/practices/${match.practice.id}?lang=en`,
        regions: match.practice.regions.length === 1 ? "Region:" : "Regions:",
        shared: sharedLine(match, "en"),
      })),
    });
    // Under the target groups lens they share target groups, whose names the API has in English too.
    expect(expected.flatMap((match) => match.reasons).some((reason) => reason.kind === "TARGET")).toBe(true);

    await watched.page.$eval("#widget", (widget) => widget.setAttribute("practice", "2099-999"));
    const unknown = await settled(watched.page, "#widget", (view) => view.state === "error");
    expect(unknown.message).toBe("No practice of the catalogue has the id “2099-999”.");
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it("fits a phone's width (360 px) without scrolling sideways", async () => {
    const watched = await openHost(`<prassi-similar id="widget" practice="2023-004" limit="3"></prassi-similar>`, {
      width: 360,
      height: 740,
    });
    const view = await settled(watched.page, "#widget");
    expect(view.items).toHaveLength(3);
    const widths = await watched.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widget: document.querySelector("#widget")!.getBoundingClientRect().right,
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.widget).toBeLessThanOrEqual(360);
    expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
    await screenshot(watched.page, "widget-phone");
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it("shows six widgets of one page under the API's default limits (4 requests in flight per client), without being refused", async () => {
    // Another service on the same graph, with the default limits: the other tests run with them off.
    prassi = await startTestService({ PRASSI_QUERY_TIMEOUT_MS: "20000", PRASSI_REQUEST_TIMEOUT_MS: "30000" });
    try {
      const ids = ["2023-004", ...(await similar("2023-004", 5)).map((match) => match.practice.id)];
      expect(new Set(ids).size).toBe(6);
      const expected = await Promise.all(ids.map((id) => similar(id, 3)));
      const answers: number[] = [];
      const watched = await openHost(
        ids.map((id, index) => `<prassi-similar id="widget-${index}" practice="${id}"></prassi-similar>`).join("\n"),
        undefined,
        async (page) =>
          page.on("response", (response) => {
            const url = new URL(response.url());
            // The hash-only GETs: one per widget (a second GET with the query follows when the instance lacks it).
            if (`${url.origin}${url.pathname}` === `${prassiBase()}/graphql` && !url.searchParams.has("query"))
              answers.push(response.status());
          }),
      );
      const views = await Promise.all(ids.map((_, index) => settled(watched.page, `#widget-${index}`)));
      expect(views.map((view) => ({ state: view.state, ids: view.items.map((item) => item.id) }))).toEqual(
        expected.map((matches) => ({ state: "ready", ids: matches.map((match) => match.practice.id) })),
      );
      // The widgets took turns (three at a time): no request was refused, none was sent twice.
      expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
      expect(watched.problems).toEqual([]);
      await watched.close();
    } finally {
      await prassi.stop();
      prassi = undefined;
    }
  });

  it("asks again after a short Retry-After (429), and tells the reader when the API asks to wait longer", async () => {
    const expected = await similar("2023-004", 3);
    /** The hash-only GETs of each practice's widget, in order. */
    const posts: Record<string, number> = {};
    const refusal = (seconds: number) => ({
      status: 429,
      headers: {
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "retry-after",
        "retry-after": String(seconds),
      },
      contentType: "application/json",
      body: JSON.stringify({
        errors: [{ message: `Too many requests; retry in ${seconds} s`, extensions: { code: "RATE_LIMITED" } }],
      }),
    });
    const watched = await openHost(
      [
        `<prassi-similar id="brief" practice="2023-004"></prassi-similar>`,
        `<prassi-similar id="long" practice="2023-012"></prassi-similar>`,
      ].join("\n"),
      undefined,
      (page) =>
        page.route(
          (url) => `${url.origin}${url.pathname}` === `${service.base}/graphql`,
          async (route) => {
            const url = new URL(route.request().url());
            if (route.request().method() !== "GET" || url.searchParams.has("query")) return route.continue();
            const id = (JSON.parse(url.searchParams.get("variables") ?? "{}") as { id: string }).id;
            posts[id] = (posts[id] ?? 0) + 1;
            if (id === "2023-012") return route.fulfill(refusal(60));
            return posts[id] === 1 ? route.fulfill(refusal(1)) : route.continue();
          },
        ),
    );
    const [brief, long] = await Promise.all([settled(watched.page, "#brief"), settled(watched.page, "#long")]);
    expect(brief.items.map((item) => item.id)).toEqual(expected.map((match) => match.practice.id));
    expect({ state: long.state, message: long.message }).toEqual({
      state: "error",
      message: "Il servizio Prassi non ha potuto rispondere. Riprovare più tardi.",
    });
    expect(posts).toEqual({ "2023-004": 2, "2023-012": 1 });
    // The browser reports each refused request itself; nothing else went wrong.
    const ownProblems = watched.problems.filter(
      (problem) => !/Failed to load resource: the server responded with a status of 429/.test(problem),
    );
    expect({ refusals: watched.problems.length - ownProblems.length, ownProblems }).toEqual({
      refusals: 2,
      ownProblems: [],
    });
    await watched.close();
  });
});
