import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import { aliasTargets, applyAliases } from "../../src/vocabulary/aliases";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

/** The seed vocabulary with former ids given to one stakeholder entry. */
function withFormerIds(id: string, formerIds: string[]): Vocabulary {
  const vocabulary = loadVocabulary();
  return {
    ...vocabulary,
    stakeholders: vocabulary.stakeholders.map((entry) => (entry.id === id ? { ...entry, formerIds } : entry)),
  };
}

describe("node aliases applied to a catalogue (src/vocabulary/aliases.ts)", () => {
  const catalogue = readCatalogue(SEED, { sourceName: SEED }).catalogue!;
  const card15 = (practices: typeof catalogue.practices) => practices.find((practice) => practice.id === "2023-015")!;

  it("links the entry a former id was merged into, with the card's provenance, once per practice", () => {
    const vocabulary = withFormerIds("agro-solidale", ["comune-angri", "comune-corbara"]);
    const { catalogue: mapped, applied } = applyAliases(catalogue, vocabulary);
    const before = card15(catalogue.practices).stakeholders;
    const after = card15(mapped.practices).stakeholders;
    expect(after.map((actor) => actor.id)).not.toContain("comune-angri");
    expect(after.filter((actor) => actor.id === "agro-solidale")).toHaveLength(1);
    expect(after.length).toBe(before.length - 2);
    expect(applied).toEqual([
      { label: "Stakeholder", from: "comune-angri", into: "agro-solidale", links: 1 },
      { label: "Stakeholder", from: "comune-corbara", into: "agro-solidale", links: 1 },
    ]);
    // Every other practice is as it was.
    expect(mapped.practices.filter((practice) => practice.id !== "2023-015")).toEqual(
      catalogue.practices.filter((practice) => practice.id !== "2023-015"),
    );
  });

  it("follows chains, the vocabulary's word first, and refuses a cycle", () => {
    const vocabulary = withFormerIds("agro-solidale", ["comune-angri"]);
    const graph = [
      { label: "Stakeholder" as const, from: "comune-corbara", into: "comune-angri" },
      { label: "Stakeholder" as const, from: "comune-angri", into: "comune-maddaloni" },
    ];
    expect(aliasTargets(vocabulary, graph).get("Stakeholder")).toEqual(
      new Map([
        ["comune-angri", "agro-solidale"],
        ["comune-corbara", "agro-solidale"],
      ]),
    );
    const cycle = [
      { label: "Cpi" as const, from: "cpi-a", into: "cpi-b" },
      { label: "Cpi" as const, from: "cpi-b", into: "cpi-a" },
    ];
    expect(() => aliasTargets(loadVocabulary(), cycle)).toThrow(/cycle/);
  });

  it("changes nothing without aliases", () => {
    expect(applyAliases(catalogue, loadVocabulary()).catalogue).toBe(catalogue);
  });
});
