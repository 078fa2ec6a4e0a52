import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** Issue 8: small enough to load on any portal. */
const BUDGET_GZIPPED_BYTES = 30 * 1024;
const SCRIPT = path.resolve(__dirname, "../../web/dist/widget/prassi-similar.js");

describe("the <prassi-similar> widget's script", () => {
  it("weighs at most 30 kB gzipped (gzip -9), as built by npm run build:web", () => {
    if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} is not built: npm run build:web (npm test runs it first)`);
    const gzipped = zlib.gzipSync(fs.readFileSync(SCRIPT), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIPPED_BYTES);
  });
});
