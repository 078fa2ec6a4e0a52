import { breakingChanges, printServedSchema, readSnapshot } from "../../src/graphql/contract/publicSchema";

describe("the public schema, a contract with the widgets and queries written against it", () => {
  let served: string;
  let snapshot: string;
  beforeAll(async () => {
    served = await printServedSchema();
    snapshot = readSnapshot();
  });

  it("breaks nothing a client of the committed snapshot (docs/schema.graphql) relies on", () => {
    // A failure lists what would break; if the break is meant, `npm run schema:snapshot` records it.
    expect(breakingChanges(snapshot, served)).toEqual([]);
  });

  it("is the committed snapshot exactly, so that the next breaking change is measured against today's API", () => {
    // Additions are fine but must be recorded: `npm run schema:snapshot`.
    expect(served === snapshot).toBe(true);
  });

  it("notices a breaking change: an enum value or a field gone, an argument made required", () => {
    const withoutValue = snapshot.replace(/^ {2}"""Mostly the services offered \(LEP\)."""\n {2}SERVICES\n/m, "");
    const lawTitle = /^ {2}"""Official title, e.g. `Legge 12 marzo 1999, n. 68`."""\n {2}title: String!\n/m;
    const withoutField = snapshot.replace(lawTitle, "");
    const lensRequired = snapshot.replace("lens: SimilarityLens = BALANCED", "lens: SimilarityLens!");
    for (const changed of [withoutValue, withoutField, lensRequired]) expect(changed).not.toBe(snapshot);
    expect(breakingChanges(snapshot, withoutValue).join("\n")).toMatch(/VALUE_REMOVED_FROM_ENUM/);
    expect(breakingChanges(snapshot, withoutField).join("\n")).toMatch(/FIELD_REMOVED/);
    expect(breakingChanges(snapshot, lensRequired).join("\n")).toMatch(/REQUIRED_ARG_ADDED|ARG_CHANGED_KIND/);
  });
});
