import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { webRoutes } from "../../src/http/web";

/** The service started without `npm run build:web`: a browser and a host page get told, in their own media types. */
describe("the web routes when web/dist is not built", () => {
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-no-web-"));
  let server: ReturnType<express.Express["listen"]>;
  let base: string;
  beforeAll(async () => {
    const app = express().use(webRoutes(emptyDir));
    await new Promise<void>((resolve) => void (server = app.listen(0, "127.0.0.1", () => resolve())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(emptyDir, { recursive: true, force: true });
  });

  it("answers a page with a 503 page that says how to build it", async () => {
    const response = await fetch(`${base}/practices/2023-004`);
    expect({ status: response.status, type: response.headers.get("content-type") }).toMatchObject({
      status: 503,
      type: expect.stringMatching(/^text\/html/),
    });
    expect(await response.text()).toContain("npm run build:web");
  });

  it("answers the widget's script with a 503 script that only warns, so a host page gets no syntax error", async () => {
    const response = await fetch(`${base}/widget/prassi-similar.js`);
    expect({ status: response.status, type: response.headers.get("content-type") }).toMatchObject({
      status: 503,
      type: expect.stringMatching(/^text\/javascript/),
    });
    expect(await response.text()).toMatch(/^console\.warn\("Prassi: the widget is not built/);
  });
});
