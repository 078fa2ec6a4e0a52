import type { Browser, Page } from "playwright-core";
import { REGIONS } from "../../src/reference/regions";
import {
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser";
import { useTestService } from "../support/service";

type Coverage = {
  region: { nuts: string; name: string };
  lepsCovered: number;
  practiceCount: number;
  coverageRank: number;
};
type Lep = { code: string; name: string; nameEn: string };
type Profile = {
  lepCoverage: Array<{ lep: Lep; covered: boolean; practicesHere: number; regionsCovering: number }>;
  gaps: Array<{ lep: Lep; models: Array<{ id: string }> }>;
};
type MapTerritory = { tag: string; nuts: string; step: string; label: string; href: string | null };

/** The region page: the map of the 21 territories, the region's coverage beside the others', its gaps and models. */
describe("the region page", () => {
  // A loaded machine (2 cores, a browser, Neo4j planning its first queries) can take longer than the 3 s default.
  const service = useTestService({
    PRASSI_RATE_LIMIT: "off",
    PRASSI_QUERY_TIMEOUT_MS: "30000",
    PRASSI_REQUEST_TIMEOUT_MS: "60000",
  });
  let browser: Browser;
  beforeAll(async () => void (browser = await launchBrowser()));
  afterAll(async () => browser.close());

  async function api<T>(query: string): Promise<T> {
    const answer = (await (await service.post({ query })).json()) as { data: T; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const coverage = () =>
    api<{ regionCoverage: Coverage[] }>(
      "{ regionCoverage { region { nuts name } lepsCovered practiceCount coverageRank } }",
    ).then((data) => data.regionCoverage);

  async function open(path: string): Promise<WatchedPage> {
    const watched = await watchedPage(browser);
    await watched.page.goto(`${service.base}${path}`);
    // The page's map, or the message of a failure, which then says why.
    await watched.page
      .locator("#map-heading, .alert-danger")
      .first()
      .waitFor({ timeout: 60_000 })
      .catch((error: Error) => {
        throw new Error(
          `${path} showed neither its map nor a message: ${error.message}; problems: ${JSON.stringify(watched.problems)}`,
        );
      });
    expect(await watched.page.locator(".alert-danger").allTextContents()).toEqual([]);
    return watched;
  }
  const mapTerritories = (page: Page) =>
    page.$$eval("svg.prassi-map [data-nuts]", (elements) =>
      elements.map((element) => ({
        tag: element.tagName,
        nuts: element.getAttribute("data-nuts")!,
        step: /prassi-step-\d+/.exec(element.getAttribute("class") ?? "")?.[0] ?? "",
        label: element.getAttribute("aria-label") ?? "",
        href: element.getAttribute("href"),
      })),
    ) as Promise<MapTerritory[]>;

  it("draws the 21 territories, each a link with its own data-nuts, coloured by the LEP services regionCoverage counts", async () => {
    const watched = await open("/regions/ITC3");
    const { page } = watched;
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Liguria");

    const drawn = await mapTerritories(page);
    expect(drawn.map((territory) => territory.nuts).sort()).toEqual(REGIONS.map((region) => region.nuts).sort());
    for (const territory of drawn) {
      expect(territory).toMatchObject({
        tag: "a",
        href: `/regions/${territory.nuts}`,
        step: expect.stringMatching(/^prassi-step-\d$/),
      });
      expect(territory.label.length).toBeGreaterThan(0);
    }
    // Colours follow the API's counts: equal counts share a colour, more services never a lighter one.
    const counts = new Map((await coverage()).map((entry) => [entry.region.nuts, entry.lepsCovered]));
    const step = (territory: MapTerritory) => Number(territory.step.replace("prassi-step-", ""));
    for (const a of drawn) {
      for (const b of drawn) {
        if (counts.get(a.nuts) === counts.get(b.nuts))
          expect([a.nuts, b.nuts, a.step]).toEqual([a.nuts, b.nuts, b.step]);
        if (counts.get(a.nuts)! > counts.get(b.nuts)!)
          expect([a.nuts, b.nuts, step(a) > step(b)]).toEqual([a.nuts, b.nuts, true]);
      }
    }
    const max = Math.max(...counts.values());
    const widest = drawn.find((territory) => counts.get(territory.nuts) === max)!;
    const none = drawn.find((territory) => counts.get(territory.nuts) === 0)!;
    expect(widest.step).not.toBe(none.step);
    expect(drawn.find((territory) => territory.nuts === "ITC3")!.label).toContain(`${counts.get("ITC3")}`);

    // The map's text alternative: every territory in the table, with its count and a link to its page.
    const rows = await page.$$eval("#map-heading ~ .row table tbody tr", (trs) =>
      trs.map((tr) => ({
        href: tr.querySelector("th a")?.getAttribute("href"),
        cells: [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim()),
      })),
    );
    expect(rows).toEqual(
      (await coverage()).map((entry) => ({
        href: `/regions/${entry.region.nuts}`,
        cells: [String(entry.coverageRank), `${entry.lepsCovered} su 19`, String(entry.practiceCount)],
      })),
    );
    await expect(page.locator(".prassi-map-credit a[rel=license]").getAttribute("href")).resolves.toBe(
      "https://creativecommons.org/licenses/by/4.0/",
    );

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, "region");
    expect({ problems: watched.problems, origins: watched.origins() }).toEqual({
      problems: [],
      origins: [service.base],
    });
    await watched.close();
  });

  it("shows Liguria's coverage beside the other territories', and its gaps with models linking to their pages", async () => {
    const { regionProfile: profile } = await api<{ regionProfile: Profile }>(
      '{ regionProfile(region: "ITC3") { lepCoverage { lep { code name nameEn } covered practicesHere regionsCovering } gaps { lep { code name nameEn } models { id } } } }',
    );
    const watched = await open("/regions/ITC3");
    const { page } = watched;
    const rows = await page.$$eval("tr[data-lep]", (trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute("data-lep"),
        cells: [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim()),
      })),
    );
    expect(rows).toEqual(
      profile.lepCoverage.map((entry) => ({
        code: entry.lep.code,
        cells: [
          entry.covered
            ? `Sì, ${entry.practicesHere} ${entry.practicesHere === 1 ? "buona prassi" : "buone prassi"}`
            : "No",
          `${entry.regionsCovering} su 21`,
        ],
      })),
    );
    for (const gap of profile.gaps.filter((candidate) => candidate.models.length > 0)) {
      const links = await page.$$eval(`[data-gap="${gap.lep.code}"] a`, (anchors) =>
        anchors.map((anchor) => anchor.getAttribute("href")),
      );
      expect({ lep: gap.lep.code, links }).toEqual({
        lep: gap.lep.code,
        links: gap.models.map((model) => `/practices/${model.id}`),
      });
    }
    const without = profile.gaps.filter((gap) => gap.models.length === 0).map((gap) => gap.lep.code);
    await expect(page.locator("[data-gaps-without-models]").getAttribute("data-gaps-without-models")).resolves.toBe(
      without.join(" "),
    );
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it("opens a territory's page when it is clicked on the map, or chosen with the keyboard, the provinces included", async () => {
    const watched = await open("/regions/ITC3");
    const { page } = watched;
    await page.locator('svg.prassi-map [data-nuts="ITI3"]').click();
    await page.waitForURL(`${service.base}/regions/ITI3`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Marche");

    await page.locator("#map-heading").waitFor();
    await page.locator('svg.prassi-map [data-nuts="ITH2"] circle').click();
    await page.waitForURL(`${service.base}/regions/ITH2`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Provincia autonoma di Trento");

    await page.locator("#map-heading").waitFor();
    await page.locator('svg.prassi-map [data-nuts="ITH1"]').focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${service.base}/regions/ITH1`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Provincia autonoma di Bolzano");
    expect(watched.problems).toEqual([]);
    await watched.close();
  });

  it("lands on the NUTS code from a name, and speaks English with ?lang=en, vocabulary included", async () => {
    const { regionProfile: profile } = await api<{ regionProfile: Profile }>(
      '{ regionProfile(region: "ITC3") { lepCoverage { lep { code name nameEn } covered practicesHere regionsCovering } gaps { lep { code name nameEn } models { id } } } }',
    );
    const watched = await open("/regions/Liguria?lang=en");
    const { page } = watched;
    expect(page.url()).toBe(`${service.base}/regions/ITC3?lang=en`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.locator("#map-heading").textContent()).resolves.toBe("LEP coverage across Italy");
    const names = await page.$$eval("tr[data-lep] th", (cells) => cells.map((cell) => cell.textContent));
    expect(names).toEqual(profile.lepCoverage.map((entry) => `${entry.lep.code}${entry.lep.nameEn}`));
    const hrefs = await mapTerritories(page);
    expect(hrefs.every((territory) => territory.href === `/regions/${territory.nuts}?lang=en`)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // On a phone's width too (tables scroll sideways there).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, "region-phone");
    expect({ problems: watched.problems, origins: watched.origins() }).toEqual({
      problems: [],
      origins: [service.base],
    });
    await watched.close();
  });

  it("says that no territory is called an unknown name, in Italian or English, and links the 21 territories", async () => {
    for (const [path, sentence, title] of [
      [
        "/regions/Atlantide",
        "Nessun territorio si chiama «Atlantide». I 21 territori del catalogo sono questi:",
        "Territorio non trovato",
      ],
      [
        "/regions/ITZ9?lang=en",
        "No territory is called “ITZ9”. These are the catalogue's 21 territories:",
        "Territory not found",
      ],
    ] as const) {
      const watched = await watchedPage(browser);
      await watched.page.goto(`${service.base}${path}`);
      await watched.page.locator("#unknown-territory").waitFor({ timeout: 60_000 });
      await expect(watched.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
      await expect(watched.page.locator("#unknown-territory").textContent()).resolves.toBe(sentence);
      const links = await watched.page.$$eval("#territories a", (anchors) =>
        anchors.map((anchor) => ({ nuts: anchor.getAttribute("data-nuts")!, href: anchor.getAttribute("href") })),
      );
      const lang = path.endsWith("lang=en") ? "?lang=en" : "";
      expect(links.map((link) => link.nuts).sort()).toEqual(REGIONS.map((region) => region.nuts).sort());
      expect(links.every((link) => link.href === `/regions/${link.nuts}${lang}`)).toBe(true);
      expect(watched.problems.filter((problem) => problem.startsWith("uncaught"))).toEqual([]);
      await watched.close();
    }
  });
});
