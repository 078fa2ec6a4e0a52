import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCatalogue } from "../../src/ingest/pipeline";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { applyReview } from "../../src/vocabulary/applyReview";
import { withAliasCandidates } from "../../src/vocabulary/candidates";
import {
  pendingFromCatalogue,
  ReviewFileSchema,
  type Decision,
  type ReviewFile,
  type ReviewNode,
} from "../../src/vocabulary/reviewFile";
import { runScript } from "../support/cli";
import { catalogueNaming, filesOf, vocabularyCopy } from "./reviewCatalogues";

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
/** Curated entries a card's "Confindustria Foggia" may be: its province's (under another name), its region's. */
const ADDED = {
  "stakeholders.json": [
    branch("industriali-foggia", "Confindustria Foggia e BAT", "confindustria", { province: "FG" }),
    branch("confindustria-puglia", "Confindustria Puglia", "confindustria", { region: "ITF4" }),
    branch("confcommercio-foggia", "Confcommercio Foggia", "confcommercio", { province: "FG" }),
  ],
};
const NAMED = {
  Puglia: "Confindustria Foggia; Confcommercio Bari",
  Liguria: "CPI di Genova; Comune di Chiavari",
  Abruzzo: "Centro per l'impiego di Torino di Sangro",
  Campania: "Comune di Benevento",
};

const nodesOf = (review: ReviewFile): ReviewNode[] => Object.values(review.kinds).flat();
const nodeOf = (review: ReviewFile, id: string): ReviewNode => nodesOf(review).find((node) => node.id === id)!;

describe("the review file's alias candidates (candidates.ts)", () => {
  const dir = vocabularyCopy(ADDED);
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
    // Confcommercio Foggia shares "foggia" and the province, but is no Confindustria: and no branch elsewhere is.
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

describe("context and candidates are for the reader: npm run vocabulary -- review ignores them", () => {
  const dirs: string[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-review-files-"));
  afterAll(() => [...dirs, scratch].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const copy = () => {
    dirs.push(vocabularyCopy(ADDED));
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
});
