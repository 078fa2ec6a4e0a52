import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { actorCatalogue } from "../../scripts/support/actorCatalogue";
import type { NormalizedCatalogue } from "../../src/ingest/catalogue";
import { loadCatalogue } from "../../src/ingest/load";
import { readCatalogue } from "../../src/ingest/pipeline";
import { municipalityByIstat } from "../../src/reference/gazetteer";
import { loadVocabulary } from "../../src/reference/vocabulary";
import { useTestDatabase } from "../support/database";

/** Each practice of the catalogue with the job centres it is delivered at, and their places. */
const DELIVERED_AT = `
MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: $catalog})
OPTIONAL MATCH (p)-[:DELIVERED_AT]->(c:Cpi)-[:IN_REGION]->(r:Region)
RETURN p.id AS id, collect({istat: c.municipalityIstat, province: c.province, region: r.nuts}) AS cpis`;

const BRANCHES = `
MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: $catalog})
OPTIONAL MATCH (p)-[:INVOLVES]->(branch:Stakeholder)-[:PART_OF]->(national:Stakeholder)<-[:INVOLVES]-(p)
OPTIONAL MATCH (branch)-[:IN_REGION]->(r:Region)
RETURN p.id AS id,
  collect({branch: branch.id, curated: branch.curated, national: national.id, region: r.nuts}) AS branches`;

const PROVISIONAL = `
MATCH (n) WHERE (n:Stakeholder OR n:Cpi OR n:FundingSource) AND n.curated = false
RETURN labels(n)[0] AS label, n.id AS id, n.name AS name, n.kind AS kind, n.municipalityIstat AS istat,
  [(n)-[:PART_OF]->(m) | m.id][0] AS partOf, [(n)-[:IN_REGION]->(r) | r.nuts][0] AS region
ORDER BY id`;

/** Each provisional stakeholder of a kind a practice involves, with the practice's region and level. */
const INVOLVED = `
MATCH (p:Practice)-[:LISTED_IN]->(:Catalog {id: $catalog}), (p)-[:IN_REGION]->(pr:Region)
MATCH (p)-[:INVOLVES]->(s:Stakeholder {kind: $kind})
OPTIONAL MATCH (s)-[:IN_REGION]->(sr:Region)
RETURN p.id AS practice, pr.nuts AS practiceRegion, p.territorialLevel AS level, s.id AS id, s.curated AS curated,
  s.municipalityIstat AS istat, sr.nuts AS region`;

async function rows(
  driver: Driver,
  cypher: string,
  catalog?: string,
  parameters: Record<string, unknown> = {},
  // The rows are the statement's columns, read by the assertions under the names the Cypher gives them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<Array<Record<string, any>>> {
  const { records } = await driver.executeQuery(cypher, { catalog, ...parameters });
  return records.map((record) => record.toObject());
}

describe("a catalogue of 200 cards naming actors the vocabulary has never seen (docs/actors.md)", () => {
  const db = useTestDatabase();
  const { text, expected } = actorCatalogue(2031, 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prassi-actors-"));
  const file = path.join(dir, "actors-2031.md");
  fs.writeFileSync(file, text);
  let catalogue: NormalizedCatalogue;
  let warnings: string[];
  beforeAll(async () => {
    const reading = readCatalogue(file, { sourceName: "actors-2031.md" });
    expect(reading.errors).toEqual([]);
    catalogue = reading.catalogue!;
    warnings = reading.warnings.map((warning) => warning.message);
    await loadCatalogue(db.graph, catalogue);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("links at least 95% of the job centres named, each placed in its municipality, province and region", async () => {
    const practices = await rows(db.driver, DELIVERED_AT, catalogue.catalog.id);
    expect(practices).toHaveLength(200);
    let linked = 0;
    let placed = 0;
    for (const { id, cpis } of practices) {
      const { istat, region } = expected.cpis.get(id)!;
      const cpi = cpis.find((candidate: { istat: string }) => candidate.istat === istat);
      if (cpi === undefined) continue;
      linked += 1;
      if (cpi.region === region && cpi.province === municipalityByIstat(istat)!.province.sigla) placed += 1;
    }
    expect(linked / practices.length).toBeGreaterThanOrEqual(0.95);
    expect(placed / practices.length).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps each local branch a node of its own, PART_OF its organisation, both involved in the practice", async () => {
    const practices = await rows(db.driver, BRANCHES, catalogue.catalog.id);
    let apart = 0;
    for (const { id, branches } of practices) {
      const { national, region } = expected.branches.get(id)!;
      const found = branches.find((candidate: { national: string }) => candidate.national === national);
      if (found && found.branch !== national && found.curated === false && found.region === region) apart += 1;
    }
    expect(apart / practices.length).toBeGreaterThanOrEqual(0.95);
    // Branches of one organisation in different provinces are different nodes.
    const ids = new Set(
      practices.flatMap(({ branches }) => branches.map((branch: { branch: string }) => branch.branch)),
    );
    expect(ids.size).toBeGreaterThan(50);
  });

  it("makes no provisional node for what the vocabulary knows, aliases included", async () => {
    const vocabulary = loadVocabulary();
    const curated = new Set(
      [...vocabulary.stakeholders, ...vocabulary.cpis, ...vocabulary.funding].map((entry) => entry.id),
    );
    const provisional = await rows(db.driver, PROVISIONAL);
    expect(provisional.filter((node) => curated.has(node.id))).toEqual([]);
    for (const [practice, ids] of expected.known) {
      const linked = catalogue.practices.find((candidate) => candidate.id === practice)!.stakeholders;
      for (const id of ids) expect(linked.find((stakeholder) => stakeholder.id === id)).toMatchObject({ id });
      expect(
        linked.filter((stakeholder) => stakeholder.curated === false && stakeholder.kind === "CHAMBER_OF_COMMERCE"),
      ).toEqual([]);
    }
    // Every provisional node is an actor the generator named as new, of the kind its designator says.
    const unexpected = provisional.filter(
      (node) =>
        !(node.label === "Cpi" && node.istat && node.region) &&
        !(node.kind === "MUNICIPALITY" && node.istat && node.region) &&
        !(node.kind === "EMPLOYER_ASSOCIATION" && node.partOf && node.region) &&
        !(node.kind === "REGIONAL_AGENCY" && node.region) &&
        !(node.kind === "CHAMBER_OF_COMMERCE" && node.region) &&
        !(node.kind === "SCHOOL" && node.region) &&
        !(node.label === "FundingSource" && /^Fondo Lavoro Territori \d+$/.test(node.name)),
    );
    expect(unexpected).toEqual([]);
  });

  it("makes no provisional node for a fund the vocabulary knows, named in running text", async () => {
    expect(expected.fse.size).toBeGreaterThan(50);
    for (const practice of catalogue.practices.filter((candidate) => expected.fse.has(candidate.id))) {
      expect(practice.funding.map(({ id, curated }) => [id, curated])).toContainEqual(["fse", undefined]);
    }
    const funds = (await rows(db.driver, PROVISIONAL)).filter((node) => node.label === "FundingSource");
    expect(funds.filter((fund) => !/^Fondo Lavoro Territori \d+$/.test(fund.name))).toEqual([]);
  });

  it("gives a chamber or a branch one id whatever the spelling of its province", () => {
    expect(expected.spelled.size).toBeGreaterThan(20);
    const ids = new Map<string, Set<string>>();
    for (const practice of catalogue.practices.filter((candidate) => expected.spelled.has(candidate.id))) {
      const sigla = expected.spelled.get(practice.id)!;
      for (const prefix of ["cciaa-", "confagricoltura-"]) {
        const named = practice.stakeholders.filter((stakeholder) => stakeholder.id.startsWith(prefix));
        expect({ practice: practice.id, named: named.length }).toEqual({ practice: practice.id, named: 1 });
        const key = `${prefix}${sigla}`;
        ids.set(key, new Set([...(ids.get(key) ?? []), named[0]!.id]));
      }
    }
    expect([...ids].filter(([, spelled]) => spelled.size !== 1)).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(10);
  });

  it("links no municipality outside its card's region unless the card is national, nor lowercase words", async () => {
    const municipalities = await rows(db.driver, INVOLVED, catalogue.catalog.id, { kind: "MUNICIPALITY" });
    expect(municipalities.filter((row) => row.region !== row.practiceRegion && row.level !== "NATIONAL")).toEqual([]);
    expect(expected.national.size).toBeGreaterThanOrEqual(10);
    for (const [practice, istat] of expected.national) {
      expect(municipalities.filter((row) => row.practice === practice && row.istat === istat)).toHaveLength(1);
    }
    // A town's id, with the ISTAT code where towns share the name: comune-ponte, comune-castro-075096, cpi-ora-auer.
    const words = [...expected.commonWords.values()].flat().join("|");
    const lowercase = new RegExp(`^(?:comune|cpi)-(?:${words}|ora-auer)(?:-\\d{6})?$`);
    const linked = catalogue.practices.flatMap((practice) => [...practice.stakeholders, ...practice.cpis]);
    expect(linked.filter((actor) => lowercase.test(actor.id)).map(({ id }) => id)).toEqual([]);
    expect(warnings.filter((warning) => warning.includes("not in the card's region"))).toEqual([]);
  });

  it("keeps schools of the same name apart, one per region", async () => {
    const schools = await rows(db.driver, INVOLVED, catalogue.catalog.id, { kind: "SCHOOL" });
    expect(schools).toHaveLength(200);
    const regionsOf = new Map<string, Set<string>>();
    for (const { id, practiceRegion } of schools) {
      regionsOf.set(id, new Set([...(regionsOf.get(id) ?? []), practiceRegion]));
    }
    expect([...regionsOf].filter(([, regions]) => regions.size !== 1)).toEqual([]);
    expect(regionsOf.size).toBe(new Set(catalogue.practices.map((practice) => practice.region.nuts)).size);
  });

  it("gives every node the same id on a second import, which creates nothing", async () => {
    const before = await rows(db.driver, PROVISIONAL);
    const again = readCatalogue(file, { sourceName: "actors-2031.md" }).catalogue!;
    const report = await loadCatalogue(db.graph, again);
    expect([report.nodesCreated, report.relationshipsCreated]).toEqual([0, 0]);
    expect(await rows(db.driver, PROVISIONAL)).toEqual(before);
  });
});
