import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page, Request } from "playwright-core";
import {
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
  watchedPage,
  type WatchedPage,
} from "../support/browser";
import { useTestService } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

const QUERIES_DIR = path.resolve(__dirname, "../../docs/queries");
const example = (file: string) => fs.readFileSync(path.join(QUERIES_DIR, file), "utf8");
/** The operation each file of docs/queries/ holds, by name: GraphiQL names a tab after its operation. */
const OPERATIONS = fs
  .readdirSync(QUERIES_DIR)
  .filter((file) => file.endsWith(".graphql"))
  .map((file) => /^\s*(?:query|mutation)\s+(\w+)/m.exec(example(file))?.[1] ?? `(no named operation in ${file})`);

/** What a Monaco editor shows, its lines in the order they are drawn, wrapped lines joined, spaces normalized. */
async function editorText(editor: Locator): Promise<string> {
  const lines = await editor.locator(".view-line").evaluateAll((elements) =>
    elements.map((element) => ({
      top: Number.parseFloat((element as HTMLElement).style.top),
      text: element.textContent ?? "",
    })),
  );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text)
    .join(" ")
    .replace(/\s+/g, " ");
}

/** The button that opens an example's tab (GraphiQL's tab strip, presented as a list of buttons). */
const tabButton = (page: Page, operation: string) =>
  page.locator(".graphiql-tab-button", { hasText: new RegExp(`^${operation}$`) });

/** Waits until the editor shows `expected` (15 s at most), and returns what it shows. */
async function editorShowing(editor: Locator, expected: string): Promise<string> {
  const started = Date.now();
  let shown: string;
  while (!(shown = await editorText(editor)).includes(expected)) {
    if (Date.now() - started > 15_000)
      throw new Error(`the editor never showed ${expected}; it shows: ${shown.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return shown;
}

/** Opens the example's tab, runs it with GraphiQL's run button, and returns the response pane once it shows `expected`. */
async function runExample(page: Page, operation: string, expected: string): Promise<string> {
  // Clicking the tab already open would reload its editors from GraphiQL's tab state, which follows the editors after a
  // debounce: a header typed a moment ago would be lost (seen in CI under load).
  if ((await tabButton(page, operation).getAttribute("aria-current")) !== "true")
    await tabButton(page, operation).click();
  await expect(tabButton(page, operation).getAttribute("aria-current")).resolves.toBe("true");
  await editorShowing(page.locator(".graphiql-query-editor .monaco-editor"), ` ${operation}`);
  // Run at once, as quick as no person is: the fetcher sends this tab's operation even before GraphiQL has re-read its
  // name from the editor (web/explorer/fetcher.ts).
  const sent = page.waitForRequest(
    (request) =>
      request.method() === "POST" &&
      new URL(request.url()).pathname === "/graphql" &&
      sentOperation(request) !== "IntrospectionQuery",
  );
  await page.getByRole("button", { name: /^Execute query/ }).click();
  expect(sentOperation(await sent)).toBe(operation);
  return editorShowing(page.locator(".graphiql-response .monaco-editor"), expected);
}

/** The operationName a request of GraphiQL's carried. */
const sentOperation = (request: Request): string | undefined =>
  (request.postDataJSON() as { operationName?: string } | null)?.operationName;

/**
 * The explorer as an analyst meets it in a browser at GET /graphql: GraphiQL served by Prassi, one page for the whole
 * block (the tests follow one another as an analyst's visit would).
 */
describe("the GraphQL explorer", () => {
  const service = useTestService({ PRASSI_RATE_LIMIT: "off", JWT_SECRET: TEST_SECRET });
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await watchedPage(browser);
    page = watched.page;
  });
  afterAll(async () => browser.close());

  it("loads GraphiQL from this origin only, without errors or policy violations", async () => {
    const response = await page.goto(`${service.base}/graphql`);
    expect(response?.status()).toBe(200);
    await page.locator(".graphiql-tab-button").first().waitFor();
    await page.locator(".graphiql-response .monaco-editor").waitFor();
    await page.waitForLoadState("networkidle");
    expect({ problems: watched.problems, origins: watched.origins() }).toEqual({
      problems: [],
      origins: [service.base],
    });
    // Italian, like the rest of Prassi (English with ?lang=en, below); GraphiQL's own interface is English.
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Prassi Esploratore GraphQL");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("it");
    await expect(page.getByRole("link", { name: "Le pagine di Prassi" }).getAttribute("href")).resolves.toBe("/");
    await expect(page.locator("#explorer").getAttribute("lang")).resolves.toBe("en");
  });

  it("opens with one tab per operation of docs/queries, each named after its operation", async () => {
    const tabs = await page.locator(".graphiql-tab-button").allTextContents();
    expect([...tabs].sort()).toEqual([...OPERATIONS].sort());
  });

  it("runs a preloaded example and shows the 2023 graph's own answer", async () => {
    const expected = (await (await service.post({ query: example("similar-practices.graphql") })).json()) as Answer;
    const [first] = (expected.data as { similarPractices: Array<{ practice: { id: string; title: string } }> })
      .similarPractices;
    expect(first?.practice.id).toBe("2023-005");
    const shown = await runExample(page, "SimilarPractices", `"id": "${first!.practice.id}"`);
    expect(shown).toContain(`"title": "${first!.practice.title}"`);
    expect(shown).not.toContain('"errors"');
    await screenshot(page, "explorer");

    const search = await runExample(page, "SearchPractices", '"searchPractices"');
    expect(search).toMatch(/"id": "2023-\d{3}"/);
    expect(watched.problems).toEqual([]);
  });

  it("carries an editor's token from the Headers pane: the example write goes through", async () => {
    await tabButton(page, "LinkTargetGroup").click();
    await page.locator('button[data-name="headers"]').click();
    const headers = page.locator(".graphiql-editor-tool .monaco-editor").filter({ visible: true });
    // The write's tab opens with the header to fill in.
    await editorShowing(headers, '"Authorization": "Bearer');
    const token = await editorToken();
    await headers.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    // Monaco closes the brackets and quotes it sees opened: what it added after the cursor goes.
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
    await expect(editorText(headers)).resolves.toBe(JSON.stringify({ Authorization: `Bearer ${token}` }));
    const sent = page.waitForRequest(
      (request) => request.method() === "POST" && sentOperation(request) === "LinkTargetGroup",
    );
    const shown = await runExample(page, "LinkTargetGroup", '"updatePractices"');
    expect((await sent).headers().authorization).toBe(`Bearer ${token}`);
    expect(shown).toContain('"id": "donne"');
    expect(shown).not.toContain('"errors"');
  });

  it("opens the schema's documentation on a type, with its description", async () => {
    const answer = (await (
      await service.post({ query: '{ __type(name: "Practice") { description } }' })
    ).json()) as Answer;
    const description = (answer.data as { __type: { description: string } }).__type.description;
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.getByRole("region", { name: "Documentation Explorer" });
    await docs.getByRole("link", { name: "Practice", exact: true }).click();
    await expect(docs.locator(".graphiql-doc-explorer-title").textContent()).resolves.toBe("Practice");
    const shown = (await docs.locator(".graphiql-markdown-description").first().textContent())?.replace(/\s+/g, " ");
    expect(shown).toContain(description.split(/\n/)[0]!.replace(/[`*_]/g, "").trim().slice(0, 40));
    await expect(docs.getByRole("link", { name: "similar", exact: true }).count()).resolves.toBe(1);
  });

  it("keeps the operations run in its history", async () => {
    await page.getByRole("button", { name: "Show History" }).click();
    const runs = await page
      .getByRole("region", { name: "History" })
      .locator(".graphiql-history-item-label")
      .allTextContents();
    expect(runs).toEqual(expect.arrayContaining(["SimilarPractices", "SearchPractices", "LinkTargetGroup"]));
  });

  it("has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA), with an answer and the docs or the history shown", async () => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.getByRole("region", { name: "Documentation Explorer" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("speaks English with ?lang=en, and its link to the pages keeps it", async () => {
    const english = await watchedPage(browser);
    await english.page.goto(`${service.base}/graphql?lang=en`);
    await english.page.locator(".graphiql-tab-button").first().waitFor();
    await expect(english.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Prassi GraphQL explorer",
    );
    await expect(english.page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(english.page.title()).resolves.toBe("Prassi · GraphQL explorer");
    await expect(english.page.locator(".prassi-banner p").textContent()).resolves.toMatch(
      /^The good practices \(buone prassi\) of Italy's public employment services/,
    );
    await expect(english.page.getByRole("link", { name: "Prassi's pages" }).getAttribute("href")).resolves.toBe(
      "/?lang=en",
    );
    expect(english.problems).toEqual([]);
    await english.close();
  });

  it("kept every request of the visit on this origin, Monaco's workers included, without an error", () => {
    expect({ problems: watched.problems, origins: watched.origins() }).toEqual({
      problems: [],
      origins: [service.base],
    });
    const workers = new Set(
      watched.requests.map((url) => /\/assets\/(\w+)\.worker-[\w-]+\.js$/.exec(url)?.[1]).filter(Boolean),
    );
    expect(workers).toEqual(new Set(["editor", "graphql", "json"]));
  });
});
