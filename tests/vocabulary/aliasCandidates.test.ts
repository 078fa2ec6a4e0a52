import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { applyReview } from "../../src/vocabulary/applyReview";
import { cpiPlace } from "../../src/vocabulary/candidatePlaces";
import { withAliasCandidates } from "../../src/vocabulary/candidates";
import {
  pendingFromCatalogue,
  ReviewFileSchema,
  type Decision,
  type ReviewFile,
  type ReviewNode,
} from "../../src/vocabulary/reviewFile";
import { runScript } from "../support/cli";
import { vocabularyWith } from "../support/vocabulary";
import { catalogueNaming, filesOf, removeCatalogues } from "./reviewCatalogues";

const SEED = "seed/anpal-buone-prassi-catalogo-2023.md";

const branch = (id: string, name: string, partOf: string, place: object) => ({
  id,
  name,
  nameEn: `${name} (employers' association)`,
  kind: "EMPLOYER_ASSOCIATION",
  partOf,
  ...place,
  aliases: [name],
});
/**
 * Curated entries (of stakeholders.json) a card's "Confindustria Foggia" may be: its province's (under another
 * name), its region's.
 */
const ADDED = [
  branch("industriali-foggia", "Confindustria Foggia e BAT", "confindustria", { province: "FG" }),
  branch("confindustria-puglia", "Confindustria Puglia", "confindustria", { region: "ITF4" }),
  branch("confcommercio-foggia", "Confcommercio Foggia", "confcommercio", { province: "FG" }),
];
const NAMED = {
  Puglia: "Confindustria Foggia; Confcommercio Bari",
  Liguria: "CPI di Genova; Comune di Chiavari",
  Abruzzo: "Centro per l'impiego di Torino di Sangro",
  Campania: "Comune di Benevento",
};

afterAll(removeCatalogues);

const nodesOf = (review: ReviewFile): ReviewNode[] => Object.values(review.kinds).flat();
const nodeOf = (review: ReviewFile, id: string): ReviewNode => nodesOf(review).find((node) => node.id === id)!;

describe("the review file's alias candidates (candidates.ts)", () => {
  const dir = vocabularyWith(...ADDED);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const vocabulary = loadVocabulary(dir);
  const { file } = catalogueNaming(NAMED);
  const review = withAliasCandidates(
    pendingFromCatalogue(readCatalogue(file, { vocabulary }).catalogue!, file),
    vocabulary,
  );

  it("a branch: its organisation's entry of its province first, then of its region, none of another organisation", () => {
    expect(nodeOf(review, "confindustria-foggia").candidates).toEqual([
      {
        id: "industriali-foggia",
        name: "Confindustria Foggia e BAT",
        why: "shares: confindustria, foggia; same province FG",
      },
      { id: "confindustria-puglia", name: "Confindustria Puglia", why: "shares: confindustria; same region ITF4" },
    ]);
    // Confcommercio Bari's one entry sharing a word, Confcommercio Foggia ("confcommercio"), is of another province;
    // the national Confcommercio is its partOf (and listedOnly).
    expect(nodeOf(review, "confcommercio-bari").candidates).toBeUndefined();
  });

  it("a job centre: the curated CPI of its town (read from the entry's name), none of a town of another region", () => {
    expect(nodeOf(review, "cpi-genova").candidates).toEqual([
      { id: "cpi-genova-centro", name: "CPI Genova Centro", why: "shares: genova; same municipality Genova" },
    ]);
    // It shares "torino" with cpi-torino, in Piemonte: not the same job centre.
    expect(nodeOf(review, "cpi-torino-di-sangro")).toMatchObject({ region: "ITF1" });
    expect(nodeOf(review, "cpi-torino-di-sangro").candidates).toBeUndefined();
  });

  it("a stakeholder never gets a job centre or an entry of another kind; a node sharing nothing gets none", () => {
    // cpi-chiavari (cpis.json) and confindustria-benevento (an EMPLOYER_ASSOCIATION) share their town's name.
    expect(nodeOf(review, "comune-chiavari")).toMatchObject({ label: "Stakeholder", kind: "MUNICIPALITY" });
    expect(nodeOf(review, "comune-chiavari").candidates).toBeUndefined();
    expect(nodeOf(review, "comune-benevento").candidates).toBeUndefined();
    const candidateIds = nodesOf(review).flatMap((node) => (node.candidates ?? []).map((candidate) => candidate.id));
    expect(candidateIds.sort()).toEqual(["confindustria-puglia", "cpi-genova-centro", "industriali-foggia"]);
    // The seed's six municipalities share no word with a curated municipality ("Comune" is a designator).
    const seed = withAliasCandidates(pendingFromCatalogue(readCatalogue(SEED).catalogue!, SEED), loadVocabulary());
    expect(nodesOf(seed)).toHaveLength(6);
    expect(nodesOf(seed).filter((node) => node.candidates)).toEqual([]);
  });
});

const entry = (id: string, name: string, kind: string, fields: object = {}) => ({
  id,
  name,
  nameEn: name,
  kind,
  ...fields,
  aliases: [name],
});
/** Entries (of stakeholders.json) that rank, or would if a rule did not rule them out, among a node's candidates. */
const RANKED = [
  ...ADDED,
  // Each shares one word with "Confindustria Foggia": "confindustria" is in five entries, "foggia" in three.
  entry("a-giovani-confindustria", "Giovani Imprenditori Confindustria", "EMPLOYER_ASSOCIATION", {
    partOf: "confindustria",
  }),
  entry("b-consorzio-foggia", "Consorzio Imprese Foggia", "EMPLOYER_ASSOCIATION"),
  // A generic class: never a candidate, however much it shares (and its id first).
  entry("a-imprese-di-foggia", "Imprese di Foggia", "EMPLOYER_ASSOCIATION", { listedOnly: true }),
  // Benevento's town council under another name, and a union of its province: only the first is proposed.
  entry("municipio-sannita", "Municipio Sannita", "MUNICIPALITY", { municipality: "Benevento", province: "BN" }),
  entry("unione-valle-caudina", "Unione Valle Caudina", "MUNICIPALITY", { province: "BN" }),
];

describe("how candidates rank, and which entries never are", () => {
  const dir = vocabularyWith(...RANKED);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const vocabulary = loadVocabulary(dir);
  const { file } = catalogueNaming(
    {
      Puglia: "Confindustria Foggia",
      Campania: "Comune di Benevento; CPI di Napoli; CPI di Oliveto Citra; CPI di Eboli",
    },
    { Puglia: "Fondo Regionale Sociale Europeo Puglia" },
  );
  const review = withAliasCandidates(
    pendingFromCatalogue(readCatalogue(file, { vocabulary }).catalogue!, file),
    vocabulary,
  );
  const candidateIds = (id: string) => nodeOf(review, id).candidates?.map((candidate) => candidate.id);

  it("a rare shared word outranks a common one; a generic class (listedOnly) is never one", () => {
    // By id, a-giovani-confindustria and a-imprese-di-foggia would come before b-consorzio-foggia.
    expect(candidateIds("confindustria-foggia")).toEqual([
      "industriali-foggia",
      "confindustria-puglia",
      "b-consorzio-foggia",
    ]);
  });

  it("an entry sharing no word is one only in the node's very municipality", () => {
    expect(nodeOf(review, "comune-benevento").candidates).toEqual([
      { id: "municipio-sannita", name: "Municipio Sannita", why: "same municipality Benevento" },
    ]);
  });

  it("a job centre of several towns is in each: CPI di Oliveto Citra and CPI di Eboli may be CPI di Eboli-Oliveto Citra", () => {
    expect(nodeOf(review, "cpi-oliveto-citra").candidates).toEqual([
      {
        id: "cpi-eboli-oliveto-citra",
        name: "CPI di Eboli-Oliveto Citra",
        why: "shares: citra, oliveto; same municipality Oliveto Citra",
      },
    ]);
    expect(candidateIds("cpi-eboli")).toEqual(["cpi-eboli-oliveto-citra"]);
  });

  it("ties in id order (the vocabulary has Napoli's CPIs as centro, scampia, fuorigrotta)", () => {
    expect(vocabulary.cpis.filter((cpi) => cpi.id.startsWith("cpi-napoli-")).map((cpi) => cpi.id)).toEqual([
      "cpi-napoli-centro",
      "cpi-napoli-scampia",
      "cpi-napoli-fuorigrotta",
    ]);
    expect(candidateIds("cpi-napoli")).toEqual(["cpi-napoli-centro", "cpi-napoli-fuorigrotta", "cpi-napoli-scampia"]);
  });

  it("a fund, whatever kind its name suggests: the European Social Fund for a regional-sounding one", () => {
    const fund = nodeOf(review, "fondo-regionale-sociale-europeo-puglia");
    expect(fund.kind).not.toBe("ESF");
    expect(fund.candidates?.[0]).toEqual({
      id: "fse",
      name: "Fondo Sociale Europeo (FSE / FSE+)",
      why: "shares: europeo, sociale",
    });
  });
});

describe("a curated job centre's place (candidatePlaces.ts cpiPlace)", () => {
  it("its town after an articled preposition, as the importer reads it: CPI dell'Aquila, CPI della Spezia", () => {
    expect(cpiPlace({ name: "CPI dell'Aquila", aliases: [], region: "ITF1" })).toEqual({
      municipalities: [{ istat: "066049", name: "L'Aquila" }],
      provinces: ["AQ"],
      region: "ITF1",
    });
    expect(cpiPlace({ name: "CPI della Spezia", aliases: [], region: "ITC3" })).toEqual({
      municipalities: [{ istat: "011015", name: "La Spezia" }],
      provinces: ["SP"],
      region: "ITC3",
    });
  });

  it("unchanged for towns without an article: several after one designator, a town before a qualifier", () => {
    const place = (name: string, region: string) => cpiPlace({ name, aliases: [], region }).municipalities;
    expect(place("CPI di Eboli-Oliveto Citra", "ITF3").map((town) => town.name)).toEqual(["Eboli", "Oliveto Citra"]);
    expect(place("CPI Genova Centro", "ITC3").map((town) => town.name)).toEqual(["Genova"]);
    expect(place("Centro per l'Impiego di Pomigliano d'Arco", "ITF3").map((town) => town.name)).toEqual([
      "Pomigliano d'Arco",
    ]);
    // A town of another region is not the entry's.
    expect(place("CPI di Torino", "ITF1")).toEqual([]);
  });
});

describe("context and candidates are for the reader: npm run vocabulary -- review ignores them", () => {
  const dirs: string[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-review-files-"));
  afterAll(() => [...dirs, scratch].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const copy = () => {
    dirs.push(vocabularyWith(...ADDED));
    return dirs.at(-1)!;
  };

  it("a file written by pending has both; without them (as before), it parses and applies identically", () => {
    const [withFields, without] = [copy(), copy()];
    const { file } = catalogueNaming(NAMED);
    const written = path.join(scratch, "review.json");
    const pending = runScript(
      "src/vocabulary/cli.ts",
      ["pending", file, "--vocabulary", withFields, "--out", written],
      {},
    );
    expect(pending.status).toBe(0);
    const review = JSON.parse(fs.readFileSync(written, "utf8")) as ReviewFile;
    expect(nodeOf(review, "cpi-genova").candidates?.[0]?.id).toBe("cpi-genova-centro");
    expect(nodeOf(review, "cpi-genova").mentions[0]?.context).toContain("CPI di Genova");
    expect(review.help?.join(" ")).toContain('"candidates": entries it may be an alias of');

    const decisions: Record<string, Decision> = {
      "confindustria-foggia": { aliasOf: "industriali-foggia" },
      "cpi-genova": { aliasOf: "cpi-genova-centro" },
      "comune-chiavari": "accept",
      "fondo-vetrofiore": "accept",
    };
    for (const node of nodesOf(review)) node.decision = decisions[node.id] ?? node.decision;
    const old = structuredClone(review);
    for (const node of nodesOf(old)) {
      delete node.candidates;
      for (const mention of node.mentions) delete mention.context;
    }
    expect(JSON.stringify(old)).not.toMatch(/"candidates"|"context"/);
    const [newFile, oldFile] = [path.join(scratch, "new.json"), path.join(scratch, "old.json")];
    fs.writeFileSync(newFile, `${JSON.stringify(review, null, 2)}\n`);
    fs.writeFileSync(oldFile, `${JSON.stringify(old, null, 2)}\n`);
    expect(ReviewFileSchema.safeParse(review).success).toBe(true);
    expect(ReviewFileSchema.safeParse(old).success).toBe(true);

    const outcome = applyReview(newFile, withFields);
    expect(outcome).toMatchObject({
      accepted: [
        { label: "FundingSource", id: "fondo-vetrofiore" },
        { label: "Stakeholder", id: "comune-chiavari" },
      ],
      aliased: [
        { label: "Cpi", from: "cpi-genova", into: "cpi-genova-centro" },
        { label: "Stakeholder", from: "confindustria-foggia", into: "industriali-foggia" },
      ],
    });
    const before = applyReview(oldFile, without);
    expect({ ...before, files: [] }).toEqual({ ...outcome, files: [] });
    expect(filesOf(without)).toEqual(filesOf(withFields));
    expect(filesOf(withFields)["stakeholders.json"]).not.toMatch(/"candidates"|"context"|"why"/);
  });

  it("pending checks its usage before it reads the vocabulary: a usage error (exit 2), not a vocabulary failure", () => {
    const missing = path.join(scratch, "no-vocabulary");
    for (const args of [["pending"], ["pending", "a.md", "--database"], ["pending", "a.md", "--edition", "x"]]) {
      const run = runScript("src/vocabulary/cli.ts", [...args, "--vocabulary", missing], {});
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
    }
  });

  it("an expert's edits of them (a why deleted, a note added, a context emptied) refuse nothing", () => {
    const { file } = catalogueNaming(NAMED);
    const dir = copy();
    const vocabulary = loadVocabulary(dir);
    const review = withAliasCandidates(
      pendingFromCatalogue(readCatalogue(file, { vocabulary }).catalogue!, file),
      vocabulary,
    );
    nodeOf(review, "cpi-genova").decision = { aliasOf: "cpi-genova-centro" };
    type Edited = { id: string; candidates?: unknown; mentions: Array<Record<string, unknown>> };
    const edited = JSON.parse(JSON.stringify(review)) as { kinds: Record<string, Edited[]> };
    const editedNode = (id: string) =>
      Object.values(edited.kinds)
        .flat()
        .find((node) => node.id === id)!;
    editedNode("cpi-genova").candidates = [{ id: "cpi-genova-centro", note: "the same office" }, "cpi-genova-ovest"];
    editedNode("cpi-genova").mentions[0]!.context = null;
    editedNode("confindustria-foggia").candidates = null;
    const editedFile = path.join(scratch, "edited.json");
    fs.writeFileSync(editedFile, `${JSON.stringify(edited, null, 2)}\n`);
    expect(applyReview(editedFile, dir, { dryRun: true })).toMatchObject({
      aliased: [{ label: "Cpi", from: "cpi-genova", into: "cpi-genova-centro" }],
    });
  });
});
