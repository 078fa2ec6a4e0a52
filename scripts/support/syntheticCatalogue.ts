/**
 * A synthetic catalogue of N practices with a realistic link distribution, and its loading: a graph the API can
 * serve (every non-null field of schema/*.graphql is set, regions as seed/regions.json has them), used by
 * `npm run bench` (scripts/bench-similarity.ts) and `npm run bench:http -- --synthetic N`.
 *
 * The links are drawn from one seeded stream, so two runs load the same catalogue; the card fields the links do
 * not depend on are derived from the practice's position, without drawing, so the links are the same as those
 * docs/similarity.md was measured with before the fields existed.
 */
import type { Graph } from "../../src/neo4j/graph";
import { LEPS } from "../../src/reference/lep";
import { REGIONS } from "../../src/reference/regions";

const PRACTICES_PER_LOAD = 2_000;

/** Deterministic pseudo-random numbers, so that two runs load the same catalogue. */
export function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Draws from `size` items with Zipf popularity: item k is drawn with probability ∝ 1 / (k+1)^exponent. */
function zipf(random: () => number, size: number, exponent: number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) cumulative[k] = total += 1 / (k + 1) ** exponent;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export type SyntheticPractice = {
  id: string;
  region: string;
  leps: string[];
  targets: string[];
  stakeholders: string[];
  funding: string[];
  cpis: string[];
  laws: string[];
  tools: string[];
  buildsOn: string[];
};

const CPIS_PER_REGION = 26; // about 550 job centres in Italy

/**
 * Like the real catalogue, scaled: one region, a few LEPs, targets from a small vocabulary, two near-ubiquitous
 * actors (ANPAL Servizi, "centri per l'impiego") plus a long tail of local ones, the job centres of its region,
 * a few laws and tools; 2% build on an earlier practice. `random` is consumed in the same order as always.
 */
export function syntheticCatalogue(size: number, random: () => number): SyntheticPractice[] {
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const draw = (count: number, next: () => number, prefix: string) => [
    ...new Set(Array.from({ length: count }, () => `${prefix}-${next()}`)),
  ];
  const region = zipf(random, REGIONS.length, 0.6);
  const lep = zipf(random, LEPS.length, 1);
  const target = zipf(random, 80, 1);
  const actor = zipf(random, Math.max(1_000, size / 2), 1.05);
  const funding = zipf(random, 15, 1.2);
  const cpi = zipf(random, CPIS_PER_REGION, 0.8);
  const law = zipf(random, 300, 1.1);
  const tool = zipf(random, 120, 1.1);
  return Array.from({ length: size }, (_, n) => {
    const nuts = REGIONS[region()]!.nuts;
    const stakeholders = draw(between(1, 6), actor, "actor");
    if (random() < 0.75) stakeholders.push("anpal-servizi");
    if (random() < 0.85) stakeholders.push("centri-per-l-impiego");
    return {
      id: syntheticId(n),
      region: nuts,
      leps: [...new Set(Array.from({ length: between(1, 4) }, () => LEPS[lep()]!.code))],
      targets: draw(between(1, 5), target, "target"),
      stakeholders,
      funding: draw(between(1, 2), funding, "funding"),
      cpis: draw(between(0, 4), cpi, `cpi-${nuts}`),
      laws: draw(between(0, 3), law, "law"),
      tools: draw(between(0, 2), tool, "tool"),
      buildsOn: n > 0 && random() < 0.02 ? [syntheticId(Math.floor(random() * n))] : [],
    };
  });
}

function syntheticId(position: number): string {
  return `bench-${String(position).padStart(6, "0")}`;
}

/** Words of the cards' own vocabulary, so that full-text search finds synthetic practices. */
const SUMMARY_PHRASES = [
  "collocamento mirato delle persone con disabilità",
  "orientamento specialistico dei giovani NEET",
  "incontro tra domanda e offerta di lavoro",
  "accompagnamento al lavoro dei disoccupati di lunga durata",
  "formazione per la riqualificazione professionale",
  "servizi alle imprese per la ricerca di personale",
  "tirocini di inserimento e reinserimento lavorativo",
  "rete territoriale dei centri per l'impiego",
];
const TERRITORIAL_LEVELS = ["REGIONAL", "PROVINCIAL", "LOCAL", "METROPOLITAN", "NATIONAL"];
const ANPAL_SUPPORT = ["YES", "NO", "PARTIAL"];
const STAKEHOLDER_KINDS = [
  "COMPANY",
  "MUNICIPALITY",
  "TRAINING_PROVIDER",
  "THIRD_SECTOR",
  "SCHOOL",
  "EMPLOYER_ASSOCIATION",
  "COOPERATIVE",
  "OTHER",
];
const FUNDING_KINDS = ["ORDINARY", "REGIONAL_BUDGET", "ESF", "NATIONAL_PROGRAMME", "PNRR", "PARTNERS"];
const LINES_PER_CARD = 40;

/** The card fields the schema requires (and a few it does not), from the practice's position alone. */
function cardFields(position: number): Record<string, unknown> {
  const phrase = (k: number) => SUMMARY_PHRASES[k % SUMMARY_PHRASES.length]!;
  return {
    catalogNumber: position + 1,
    printedNumber: String(position + 1),
    summary: `Pratica sintetica di ${phrase(position)} e ${phrase(position * 3 + 1)}.`,
    territorialLevel: TERRITORIAL_LEVELS[position % TERRITORIAL_LEVELS.length],
    ongoing: position % 3 !== 0,
    anpalSupport: ANPAL_SUPPORT[position % ANPAL_SUPPORT.length],
    startYear: 2015 + (position % 9),
    results: position % 4 === 0 ? `${(position % 90) + 10} persone inserite al lavoro.` : null,
    sourceStartLine: position * LINES_PER_CARD + 1,
    sourceEndLine: (position + 1) * LINES_PER_CARD,
  };
}

/** Per label: the key property and the properties the schema requires, from the key. */
function itemProperties(label: string, key: string): Record<string, unknown> {
  const suffix = Number(key.slice(key.lastIndexOf("-") + 1));
  switch (label) {
    case "TargetGroup":
      return { name: `Gruppo ${key}`, nameEn: `Group ${key}` };
    case "Stakeholder":
      if (key === "anpal-servizi") return { name: "ANPAL Servizi", kind: "NATIONAL_AGENCY" };
      if (key === "centri-per-l-impiego") return { name: "Centri per l'impiego", kind: "REGIONAL_AGENCY" };
      return {
        name: `Attore ${key}`,
        kind: STAKEHOLDER_KINDS[suffix % STAKEHOLDER_KINDS.length],
      };
    case "FundingSource":
      return {
        name: `Fonte ${key}`,
        kind: FUNDING_KINDS[suffix % FUNDING_KINDS.length],
      };
    case "Cpi":
      return { name: `CPI ${key}` };
    case "Law":
      return { title: `Norma ${key}` };
    case "Tool":
      return { name: `Strumento ${key}` };
    default:
      throw new Error(`no synthetic properties for ${label}`);
  }
}

const MERGE_REGIONS = `
UNWIND $regions AS region
MERGE (r:Region {nuts: region.nuts}) SET r.name = region.name, r.istat = region.istat`;

const MERGE_LEPS = `
UNWIND $leps AS lep
MERGE (l:Lep {code: lep.code}) SET l.name = lep.name, l.nameEn = lep.nameEn, l.group = lep.group
WITH l, lep WHERE lep.parent IS NOT NULL
MERGE (parent:Lep {code: lep.parent})
MERGE (l)-[:PART_OF]->(parent)`;

/** Labels and key properties are constants of this file, never input. */
const MERGE_ITEMS = `
UNWIND $items AS item
CALL (item) {
  WITH item WHERE item.label = 'TargetGroup' MERGE (n:TargetGroup {id: item.key}) SET n += item.properties
  UNION
  WITH item WHERE item.label = 'Stakeholder' MERGE (n:Stakeholder {id: item.key}) SET n += item.properties
  UNION
  WITH item WHERE item.label = 'FundingSource' MERGE (n:FundingSource {id: item.key}) SET n += item.properties
  UNION
  WITH item WHERE item.label = 'Cpi' MERGE (n:Cpi {id: item.key}) SET n += item.properties
  UNION
  WITH item WHERE item.label = 'Law' MERGE (n:Law {id: item.key}) SET n += item.properties
  UNION
  WITH item WHERE item.label = 'Tool' MERGE (n:Tool {id: item.key}) SET n += item.properties
}`;

/** A synthetic job centre belongs to the region its key names (`cpi-ITC3-4`). */
const LINK_CPI_REGIONS = `
MATCH (c:Cpi) WHERE c.id STARTS WITH 'cpi-IT' AND NOT (c)-[:IN_REGION]->()
MATCH (r:Region {nuts: split(c.id, '-')[1]})
CREATE (c)-[:IN_REGION]->(r)`;

const CREATE_PRACTICES = `
UNWIND $practices AS row
CREATE (p:Practice {id: row.id, title: 'Synthetic practice ' + row.id})
SET p += row.card
WITH p, row
CALL (p, row) { MATCH (n:Region {nuts: row.region}) CREATE (p)-[:IN_REGION]->(n) }
CALL (p, row) { UNWIND row.leps AS key MATCH (n:Lep {code: key}) CREATE (p)-[:IMPLEMENTS]->(n) }
CALL (p, row) { UNWIND row.targets AS key MATCH (n:TargetGroup {id: key}) CREATE (p)-[:TARGETS]->(n) }
CALL (p, row) { UNWIND row.stakeholders AS key MATCH (n:Stakeholder {id: key}) CREATE (p)-[:INVOLVES]->(n) }
CALL (p, row) { UNWIND row.funding AS key MATCH (n:FundingSource {id: key}) CREATE (p)-[:FUNDED_BY]->(n) }
CALL (p, row) { UNWIND row.cpis AS key MATCH (n:Cpi {id: key}) CREATE (p)-[:DELIVERED_AT]->(n) }
CALL (p, row) { UNWIND row.laws AS key MATCH (n:Law {id: key}) CREATE (p)-[:REFERENCES]->(n) }
CALL (p, row) { UNWIND row.tools AS key MATCH (n:Tool {id: key}) CREATE (p)-[:USES]->(n) }`;

const LINK_LINEAGE = `
UNWIND $links AS link
MATCH (p:Practice {id: link.from}), (q:Practice {id: link.to})
CREATE (p)-[:BUILDS_ON]->(q)`;

/** Item nodes first (MERGE on their keys), then practices and their links, in batches. */
export async function loadSynthetic(graph: Graph, practices: SyntheticPractice[]): Promise<void> {
  const run = (query: string, parameters: Record<string, unknown> = {}) => graph.write(query, parameters);
  await run(MERGE_REGIONS, {
    regions: REGIONS.map(({ nuts, name, istat }) => ({ nuts, name, istat })),
  });
  await run(MERGE_LEPS, {
    leps: LEPS.map((lep) => ({
      code: lep.code,
      name: lep.name,
      nameEn: lep.nameEn,
      group: lep.group,
      parent: lep.parent ?? null,
    })),
  });
  const items = new Map<string, { label: string; key: string; properties: Record<string, unknown> }>();
  const add = (label: string, keys: string[]) =>
    keys.forEach((key) =>
      items.set(`${label}:${key}`, {
        label,
        key,
        properties: itemProperties(label, key),
      }),
    );
  for (const practice of practices) {
    add("TargetGroup", practice.targets);
    add("Stakeholder", practice.stakeholders);
    add("FundingSource", practice.funding);
    add("Cpi", practice.cpis);
    add("Law", practice.laws);
    add("Tool", practice.tools);
  }
  const all = [...items.values()];
  for (let start = 0; start < all.length; start += 10_000)
    await run(MERGE_ITEMS, { items: all.slice(start, start + 10_000) });
  await run(LINK_CPI_REGIONS);
  for (let start = 0; start < practices.length; start += PRACTICES_PER_LOAD) {
    const batch = practices.slice(start, start + PRACTICES_PER_LOAD).map((practice, offset) => ({
      ...practice,
      card: cardFields(start + offset),
    }));
    await run(CREATE_PRACTICES, { practices: batch });
  }
  const links = practices.flatMap((practice) => practice.buildsOn.map((to) => ({ from: practice.id, to })));
  await run(LINK_LINEAGE, { links });
}
