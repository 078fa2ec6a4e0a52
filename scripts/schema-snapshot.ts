/**
 * npm run schema:snapshot [-- --accept-breaking]
 * Prints the served schema into docs/schema.graphql, the contract tests/graphql/contract.test.ts holds the API to.
 * A change that would break a client written against the previous snapshot is listed and not recorded unless
 * --accept-breaking says it is meant: additions are recorded as a matter of course, breaks never by reflex.
 */
import { parseArgs } from "node:util";
import {
  breakingChanges,
  printServedSchema,
  readSnapshot,
  SNAPSHOT_FILE,
  writeSnapshot,
} from "../src/graphql/contract/publicSchema";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "accept-breaking": { type: "boolean", default: false } } });
  const served = await printServedSchema();
  let previous = "";
  try {
    previous = readSnapshot();
  } catch {
    // First snapshot: nothing to compare with.
  }
  if (previous === served) {
    process.stdout.write(`${SNAPSHOT_FILE}: unchanged\n`);
    return;
  }
  const breaking = previous ? breakingChanges(previous, served) : [];
  const listed = breaking.map((line) => `  ${line}`).join("\n");
  if (breaking.length > 0 && !values["accept-breaking"]) {
    process.stderr.write(`breaking for existing clients, not recorded (--accept-breaking records them):\n${listed}\n`);
    process.exit(1);
  }
  writeSnapshot(served);
  process.stdout.write(`${SNAPSHOT_FILE}: written\n`);
  if (breaking.length > 0) process.stdout.write(`recorded as meant, breaking for existing clients:\n${listed}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
