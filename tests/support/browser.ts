/**
 * Headless Chromium from Debian's package (/usr/bin/chromium; .ci/run installs it), driven by playwright-core, for
 * the front end's tests: pages that record every request they make, every uncaught error, console error and
 * Content-Security-Policy violation; axe-core's accessibility check; and a screenshot of each view.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.PRASSI_CHROMIUM ?? "/usr/bin/chromium";
/** Where the run writes its screenshots; `npm run screenshots` points it at docs/img. */
export const SCREENSHOT_DIR = path.resolve(process.env.PRASSI_SCREENSHOT_DIR ?? "test-results/screenshots");

/**
 * Without these, Chromium connects to Google's services at start (component updates, sync, field trials) and the
 * "no request leaves the origin" checks would see the browser's own traffic, or wait for a closed network.
 */
const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set PRASSI_CHROMIUM`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: QUIET_FLAGS });
}

export type WatchedPage = {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested (documents, scripts, styles, fonts, images, fetches, workers). */
  requests: string[];
  /** Uncaught errors, console errors and CSP violations, as text. */
  problems: string[];
  /** The origins of `requests`, without repeats. */
  origins(): string[];
  close(): Promise<void>;
};

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: "it-IT" });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (request) => void requests.push(request.url()));
  page.on("pageerror", (error) => void problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return {
    page,
    context,
    requests,
    problems,
    origins: () => [...new Set(requests.filter((url) => /^https?:/.test(url)).map((url) => new URL(url).origin))],
    close: () => context.close(),
  };
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/** What axe-core reports of a rule the page breaks, as far as the tests read it. */
type AxeResult = { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> };

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is; the serious and critical violations. Evaluated through
 * the DevTools protocol, which a page's CSP does not restrict, so the page is checked under its real policy.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Writes `<name>.png` of the whole page into SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
