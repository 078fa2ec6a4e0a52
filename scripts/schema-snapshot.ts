/**
 * npm run schema:snapshot
 * Prints the served schema into docs/schema.graphql, the contract tests/graphql/contract.test.ts holds the API to;
 * says which of the changes would break a client written against the previous snapshot.
 */
import { breakingChanges, printServedSchema, readSnapshot, SNAPSHOT_FILE, writeSnapshot } from "../src/graphql/contract/publicSchema";

async function main(): Promise<void> {
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
  writeSnapshot(served);
  process.stdout.write(`${SNAPSHOT_FILE}: written\n`);
  if (breaking.length > 0) process.stdout.write(`breaking for existing clients:\n${breaking.map((line) => `  ${line}`).join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
