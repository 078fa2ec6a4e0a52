import fs from "node:fs";

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.prassiTestNeo4j;
  if (!running) return;
  await running.neo4j.stop();
  fs.rmSync(running.dataDir, { recursive: true, force: true });
}
