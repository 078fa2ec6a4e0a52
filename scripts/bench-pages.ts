/**
 * The front door, measured where its users are: in a browser. Starts the service on a throw-away bundled Neo4j with
 * the 2023 catalogue, opens each view in headless Chromium (Debian's, as the tests do) five times, each in a fresh
 * context (nothing cached), and prints side by side per view: first contentful paint, the time until the view is
 * drawn (its content in place: the graph, the map, the explorer's editor), the bytes transferred, and every origin
 * the page requested. Then the widget's script size, raw and gzipped. Asserts nothing.
 *
 *   npm run bench:pages
 */
import { gzipSync } from "node:zlib";
import type { Prassi } from "../src/app";
import { createLogger } from "../src/logger";
import { launchBrowser, watchedPage } from "../tests/support/browser";
import { GRAPH_DRAWN_MARK, PATH_DRAWN_MARK } from "../web/app/graph/marks";
import { runBenchmark, withThrowawayService } from "./support/throwawayService";

const RUNS = 5;

/**
 * Each view, and when it is drawn: the performance mark the graph views set once cytoscape has drawn on screen,
 * or else the element whose presence means the view's content is in place.
 */
const VIEWS: Array<{ name: string; path: string; drawn: { mark: string } | { selector: string } }> = [
  { name: "explorer", path: "/graphql", drawn: { selector: ".graphiql-container .monaco-editor" } },
  { name: "home", path: "/?q=collocamento", drawn: { selector: "#results li" } },
  { name: "practice", path: "/practices/2023-004", drawn: { mark: GRAPH_DRAWN_MARK } },
  { name: "region", path: "/regions/ITC3", drawn: { selector: "[data-nuts]" } },
  { name: "path", path: "/path?from=2023-004&to=2023-012", drawn: { mark: PATH_DRAWN_MARK } },
];

type Sample = { paint: number; drawn: number; bytes: number; origins: string[] };

function summary(values: number[], unit: string): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]} ${unit} (${sorted[0]}-${sorted.at(-1)})`;
}

async function measureViews(prassi: Prassi): Promise<void> {
  const base = `http://127.0.0.1:${prassi.port}`;
  const browser = await launchBrowser();
  try {
    console.log(
      `${"view".padEnd(10)} ${"first paint".padEnd(20)} ${"drawn".padEnd(20)} ${"transferred".padEnd(22)} origins requested`,
    );
    for (const view of VIEWS) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        const watched = await watchedPage(browser);
        let bytes = 0;
        // As sent over the wire (compressed), as a first visit downloads them.
        watched.page.on(
          "requestfinished",
          (request) =>
            void request.sizes().then(
              (sizes) => (bytes += sizes.responseBodySize),
              () => undefined,
            ),
        );
        await watched.page.goto(`${base}${view.path}`);
        let drawn: number;
        if ("mark" in view.drawn) {
          const mark = view.drawn.mark;
          await watched.page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
            timeout: 30_000,
          });
          drawn = await watched.page.evaluate(
            (name) => Math.round(performance.getEntriesByName(name)[0]!.startTime),
            mark,
          );
        } else {
          await watched.page.waitForSelector(view.drawn.selector, { state: "attached", timeout: 30_000 });
          drawn = await watched.page.evaluate(() => Math.round(performance.now()));
        }
        const paint = await watched.page.evaluate(() =>
          Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN),
        );
        await watched.page.waitForLoadState("networkidle");
        samples.push({ paint, drawn, bytes, origins: watched.origins() });
        if (watched.problems.length > 0) console.log(`  ${view.name}: ${watched.problems.join("; ")}`);
        await watched.close();
      }
      const origins = [...new Set(samples.flatMap((sample) => sample.origins))];
      console.log(
        `${view.name.padEnd(10)} ${summary(
          samples.map((s) => s.paint),
          "ms",
        ).padEnd(20)} ${summary(
          samples.map((s) => s.drawn),
          "ms",
        ).padEnd(20)} ` +
          `${summary(
            samples.map((s) => Math.round(s.bytes / 1024)),
            "KB",
          ).padEnd(22)} ${origins.join(", ")}`,
      );
    }
    const widget = Buffer.from(await (await fetch(`${base}/widget/prassi-similar.js`)).arrayBuffer());
    console.log(
      `widget     /widget/prassi-similar.js: ${widget.length} bytes, ${gzipSync(widget, { level: 9 }).length} gzipped`,
    );
  } finally {
    await browser.close();
  }
}

runBenchmark(() => withThrowawayService("bench-pages", {}, createLogger("silent"), measureViews));
