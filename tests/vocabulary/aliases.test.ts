import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary, type Vocabulary } from "../../src/reference/vocabulary";
import { mergesTarget, NODE_TYPES, PRACTICE_LINKS } from "../../src/graph";
import { ALIAS_LABELS, ALIASABLE, aliasTargets, applyAliases, resolveAliases } from "../../src/vocabulary/aliases";

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

  it("names each link of a cycle and where it is recorded: the NodeAlias, or the vocabulary file and entry", () => {
    const vocabulary = withFormerIds("agro-solidale", ["comune-angri"]);
    const graph = [{ label: "Stakeholder" as const, from: "agro-solidale-old", into: "comune-angri" }];
    // comune-angri -> agro-solidale (vocabulary); a graph alias back from the entry is left out, not a cycle.
    expect(() => aliasTargets(vocabulary, graph)).not.toThrow();
    const cycle = [
      { label: "Cpi" as const, from: "cpi-a", into: "cpi-b" },
      { label: "Cpi" as const, from: "cpi-b", into: "cpi-a" },
    ];
    let message = "";
    try {
      aliasTargets(loadVocabulary(), cycle);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('cpi-a -> cpi-b: (:NodeAlias {type: "Cpi", from: "cpi-a", into: "cpi-b"})');
    expect(message).toContain('cpi-b -> cpi-a: (:NodeAlias {type: "Cpi", from: "cpi-b", into: "cpi-a"})');
    const vocabularyCycle = withFormerIds("agro-solidale", ["comune-angri"]);
    const back = [{ label: "Stakeholder" as const, from: "comune-x", into: "comune-angri" }];
    expect(aliasTargets(vocabularyCycle, back).get("Stakeholder")!.get("comune-x")).toBe("agro-solidale");
  });

  it("leaves out, with a warning, a graph alias whose old id is a vocabulary entry's: the vocabulary wins", () => {
    const graph = [{ label: "Stakeholder" as const, from: "anpal-servizi", into: "comune-angri" }];
    const { targets, warnings } = resolveAliases(loadVocabulary(), graph);
    expect(targets.get("Stakeholder")!.has("anpal-servizi")).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/"anpal-servizi" is an entry of stakeholders\.json/)]);
    const { catalogue: mapped, warnings: told } = applyAliases(catalogue, loadVocabulary(), graph);
    expect(mapped).toBe(catalogue);
    expect(told).toHaveLength(1);
  });

  it("a national organisation merged into another takes its branches along: no practice keeps the old id", () => {
    const vocabulary = loadVocabulary();
    // confindustria merged into confapi: its entry goes, its id becomes a former id of confapi.
    const merged: Vocabulary = {
      ...vocabulary,
      stakeholders: vocabulary.stakeholders
        .filter((entry) => entry.id !== "confindustria")
        .map((entry) => (entry.id === "confapi" ? { ...entry, formerIds: ["confindustria"] } : entry)),
    };
    const before = catalogue.practices.find((practice) => practice.id === "2023-010")!.stakeholders;
    expect(before.some((actor) => actor.id === "confindustria" || actor.partOf === "confindustria")).toBe(true);
    const { catalogue: mapped } = applyAliases(catalogue, merged);
    for (const practice of mapped.practices) {
      expect(practice.stakeholders.filter((actor) => actor.id === "confindustria")).toEqual([]);
      expect(practice.stakeholders.filter((actor) => actor.partOf === "confindustria")).toEqual([]);
    }
    const after = mapped.practices.find((practice) => practice.id === "2023-010")!.stakeholders;
    const branches = after.filter((actor) => actor.id.startsWith("confindustria-"));
    expect(branches.length).toBeGreaterThan(0);
    for (const branch of branches) expect(branch.partOf).toBe("confapi");
    expect(after.filter((actor) => actor.id === "confapi")).toHaveLength(1);
  });

  it("joins exactly the graph model's vocabulary node types, through the model's links", () => {
    const vocabularyTypes = Object.values(NODE_TYPES)
      .filter((type) => type.origin === "vocabulary")
      .map((type) => type.label);
    expect([...ALIAS_LABELS].sort()).toEqual(vocabularyTypes.sort());
    for (const label of ALIAS_LABELS) {
      const link = PRACTICE_LINKS.find((candidate) => candidate.target === label && mergesTarget(candidate));
      expect(link?.type).toBe(ALIASABLE[label].link);
    }
  });

  it("changes nothing without aliases", () => {
    expect(applyAliases(catalogue, loadVocabulary()).catalogue).toBe(catalogue);
  });
});
