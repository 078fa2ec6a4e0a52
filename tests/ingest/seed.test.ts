import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSeedCatalogues } from "../../src/ingest/seed";

describe("readSeedCatalogues", () => {
  it("names the file whose JSON does not parse", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-seed-"));
    const file = path.join(dir, "broken.catalogue.json");
    fs.writeFileSync(file, '{ "catalog": ');
    try {
      expect(() => readSeedCatalogues(dir)).toThrow(`${file} is not valid JSON`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
