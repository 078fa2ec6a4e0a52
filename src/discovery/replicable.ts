/**
 * replicableModels: practices of OTHER regions that a region could copy for the LEP services and target groups
 * it asks about (or, asking nothing, for its gaps), ranked by how much of the ask they cover, weighting what
 * the region does not offer yet, then by the evidence on the card that the practice travels.
 * The formula is explained in docs/discovery.md.
 */
import type { GraphReader } from "../neo4j/reader";
import type { MatchReason, SharedItem } from "../similarity/model";
import { compareMatches } from "../similarity/score";
import { NotFoundError } from "../errors";
import { checkLimit } from "./limits";
import { readEvidence, transferability, type CardFacts, type TransferabilityEvidence } from "./evidence";
import { COVERED_LEP_CODES, readLeps } from "./lep";
import { findRegion } from "./region";
import { graphVersionKey } from "./versionMemo";

/** The kinds of reason a replicable model has (LinkKind's LEP and TARGET). */
type AskedKind = Extract<MatchReason["kind"], "LEP" | "TARGET">;

export type ReplicableMatch = {
  practiceId: string;
  /** coverage part (the sum of the reasons' weights) + transferability part; 0..1. */
  score: number;
  reasons: MatchReason[];
  evidence: TransferabilityEvidence[];
};
/** One thing asked, and whether a practice of the region already offers it (then it weighs less). */
type AskedItem = SharedItem & { offeredHere: boolean };
type ReplicableModelsInput = { region: string; leps?: string[]; targets?: string[]; limit: number };
type ReplicableModels = {
  region: { nuts: string; name: string };
  /** What the matches were ranked against: the ask, or the region's LEP gaps when nothing was asked. */
  asked: { mode: "ASKED" | "GAPS"; leps: AskedItem[]; targets: AskedItem[] };
  matches: ReplicableMatch[];
};

/** Share of the score given to coverage of the ask; the rest rewards transferability evidence. */
const COVERAGE_SHARE = 0.9;
const TRANSFERABILITY_SHARE = 0.1;
/** An asked item the region does not offer yet weighs twice one it already offers. */
const GAP_WEIGHT = 2;
const OFFERED_WEIGHT = 1;

/**
 * What the region already offers, in one row: the LEP codes its practices cover (own codes and the parents of
 * sub-codes, lep.ts's rule) and the target groups they reach, each LEP and group read once, not once per practice.
 */
const REGION_OFFER = `
CALL {
  MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(:Practice)-[:IMPLEMENTS]->(l:Lep)
  WITH DISTINCT l
  UNWIND [l.code] + [(l)-[:PART_OF]->(parent:Lep) | parent.code] AS code
  RETURN collect(DISTINCT code) AS lepCodes
}
CALL {
  MATCH (:Region {nuts: $nuts})<-[:IN_REGION]-(:Practice)-[:TARGETS]->(t:TargetGroup)
  RETURN collect(DISTINCT t.id) AS targetIds
}
RETURN lepCodes, targetIds`;

const TARGET_GROUPS = `
MATCH (t:TargetGroup) WHERE t.id IN $ids
RETURN t.id AS id, t.name AS name`;

/**
 * The practices covering an asked LEP or target group, found from the asked Lep and TargetGroup nodes (by their
 * keys' indexes) and expanded to the practices linked to them, so the read touches only practices that match, not
 * the whole catalogue. A practice covers an asked LEP when it implements it or one of its sub-codes (0 or 1 PART_OF
 * step): COVERED_LEP_CODES containing the code, read from the other end.
 */
const MATCHING_PRACTICES = `
CALL {
  MATCH (asked:Lep) WHERE asked.code IN $leps
  MATCH (asked)<-[:PART_OF*0..1]-(:Lep)<-[:IMPLEMENTS]-(p:Practice)
  RETURN p
  UNION
  MATCH (asked:TargetGroup) WHERE asked.id IN $targets
  MATCH (asked)<-[:TARGETS]-(p:Practice)
  RETURN p
}`;

/** The matching practices of the regions other than `$nuts`. */
const CANDIDATES = `${MATCHING_PRACTICES}
WITH p WHERE NOT EXISTS { (p)-[:IN_REGION]->(:Region {nuts: $nuts}) }
RETURN p.id AS id, ${COVERED_LEP_CODES} AS lepCodes, [(p)-[:TARGETS]->(t:TargetGroup) | t.id] AS targetIds`;

/** The matching practices of every region, with their regions: the LEP rankings that gaps' models are cut from. */
const CANDIDATES_ANYWHERE = `${MATCHING_PRACTICES}
RETURN p.id AS id, ${COVERED_LEP_CODES} AS lepCodes, [] AS targetIds, [(p)-[:IN_REGION]->(r:Region) | r.nuts] AS regions`;

/** What a card's transferability evidence is read from (evidence.ts), for the practices `$ids`. */
const CARD_FACTS = `
MATCH (p:Practice) WHERE p.id IN $ids
RETURN p.id AS id, p.ongoing AS ongoing, [(p)-[:FUNDED_BY]->(f:FundingSource) | f.kind] AS fundingKinds,
       p.results AS results, p.outcomes AS outcomes, p.lessons AS lessons,
       p.conclusions AS conclusions, p.humanResources AS humanResources`;

/** `regions` only when read anywhere (CANDIDATES_ANYWHERE). */
type Candidate = {
  id: string;
  lepCodes: string[];
  targetIds: string[];
  evidence: TransferabilityEvidence[];
  regions: string[];
};

/**
 * Each card's evidence for the graph version being served (versionMemo.ts): a ranking weighs the evidence of every
 * candidate, hundreds at 10,000 practices, and reading their texts on every request cost more than the ranking.
 * One version's map at a time, holding at most EVIDENCE_MEMO_LIMIT cards (past it, cards are read per request).
 */
let evidenceMemo: { key: string; byId: Map<string, TransferabilityEvidence[]> } | undefined;
const EVIDENCE_MEMO_LIMIT = 200_000;

async function evidenceOf(
  reader: GraphReader,
  ids: readonly string[],
): Promise<Map<string, TransferabilityEvidence[]>> {
  const key = graphVersionKey(reader);
  if (key !== undefined && evidenceMemo?.key !== key) evidenceMemo = { key, byId: new Map() };
  const memo = key === undefined ? undefined : evidenceMemo!.byId;
  const found = new Map<string, TransferabilityEvidence[]>();
  const missing = ids.filter((id) => {
    const known = memo?.get(id);
    if (known) found.set(id, known);
    return !known;
  });
  if (missing.length === 0) return found;
  const { records } = await reader.run(CARD_FACTS, { ids: missing });
  for (const record of records) {
    const evidence = readEvidence(record.toObject() as CardFacts);
    found.set(record.get("id") as string, evidence);
    if (memo && memo.size < EVIDENCE_MEMO_LIMIT) memo.set(record.get("id") as string, evidence);
  }
  return found;
}

const unique = (values: readonly string[]) => [...new Set(values)];
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The ask as given: LEP codes upper-cased, ids trimmed, each once. */
type AskedKeys = { codes: string[]; targets: string[] };

function askedKeys(input: ReplicableModelsInput): AskedKeys {
  return {
    codes: unique((input.leps ?? []).map((code) => code.trim().toUpperCase())),
    targets: unique((input.targets ?? []).map((id) => id.trim())),
  };
}

/** What the ask is made of: validated LEP codes and target ids, or the region's LEP gaps. Its reads run side by side. */
async function readAsk(
  reader: GraphReader,
  nuts: string,
  { codes, targets: targetIds }: AskedKeys,
): Promise<ReplicableModels["asked"]> {
  const [offerResult, leps, groups] = await Promise.all([
    reader.run(REGION_OFFER, { nuts }),
    readLeps(reader),
    reader.run(TARGET_GROUPS, { ids: targetIds }),
  ]);
  const offer = offerResult.records[0]!;
  const offeredLeps = new Set(offer.get("lepCodes") as string[]);
  const offeredTargets = new Set(offer.get("targetIds") as string[]);

  if (codes.length === 0 && targetIds.length === 0) {
    const gaps = leps.filter((lep) => lep.parent === null && !offeredLeps.has(lep.code));
    return { mode: "GAPS", leps: gaps.map(({ code, name }) => ({ id: code, name, offeredHere: false })), targets: [] };
  }

  const lepByCode = new Map(leps.map((lep) => [lep.code, lep]));
  const askedLeps = codes.map((code) => {
    const lep = lepByCode.get(code);
    if (!lep) throw new NotFoundError("LEP", code);
    return { id: code, name: lep.name, offeredHere: offeredLeps.has(code) };
  });
  const nameById = new Map(groups.records.map((record) => [record.get("id") as string, record.get("name") as string]));
  const targets = targetIds.map((id) => {
    const name = nameById.get(id);
    if (name === undefined) throw new NotFoundError("TARGET_GROUP", id);
    return { id, name, offeredHere: offeredTargets.has(id) };
  });
  return { mode: "ASKED", leps: askedLeps, targets };
}

async function readCandidates(
  reader: GraphReader,
  nuts: string | null,
  { codes, targets }: AskedKeys,
): Promise<Candidate[]> {
  if (codes.length + targets.length === 0) return [];
  const { records } = await reader.run(nuts === null ? CANDIDATES_ANYWHERE : CANDIDATES, {
    nuts,
    leps: codes,
    targets,
  });
  const evidence = await evidenceOf(
    reader,
    records.map((record) => record.get("id") as string),
  );
  // A practice deleted between the two reads has no card left: it is no candidate.
  return records.flatMap((record) => {
    const id = record.get("id") as string;
    const found = evidence.get(id);
    if (!found) return [];
    const regions = record.has("regions") ? (record.get("regions") as string[]) : [];
    return [
      {
        id,
        lepCodes: record.get("lepCodes") as string[],
        targetIds: record.get("targetIds") as string[],
        evidence: found,
        regions,
      },
    ];
  });
}

const itemWeight = (item: AskedItem) => (item.offeredHere ? OFFERED_WEIGHT : GAP_WEIGHT);

/** The reason for one kind: the asked items the practice covers, weighted by their part of the ask. */
function reasonFor(
  kind: AskedKind,
  asked: AskedItem[],
  covered: ReadonlySet<string>,
  kindShare: number,
): MatchReason | null {
  const shared = asked.filter((item) => covered.has(item.id));
  if (shared.length === 0) return null;
  const total = asked.reduce((sum, item) => sum + itemWeight(item), 0);
  const met = shared.reduce((sum, item) => sum + itemWeight(item), 0);
  return {
    kind,
    weight: round(COVERAGE_SHARE * kindShare * (met / total)),
    shared: shared.map(({ id, name }) => ({ id, name })),
  };
}

function scoreCandidate(candidate: Candidate, asked: ReplicableModels["asked"]): ReplicableMatch | null {
  const kinds = [asked.leps.length > 0, asked.targets.length > 0].filter(Boolean).length;
  const kindShare = kinds === 0 ? 0 : 1 / kinds;
  const reasons = [
    asked.leps.length > 0 ? reasonFor("LEP", asked.leps, new Set(candidate.lepCodes), kindShare) : null,
    asked.targets.length > 0 ? reasonFor("TARGET", asked.targets, new Set(candidate.targetIds), kindShare) : null,
  ].filter((reason): reason is MatchReason => reason !== null);
  if (reasons.length === 0) return null;
  reasons.sort((a, b) => b.weight - a.weight);
  const { evidence } = candidate;
  const coverage = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return {
    practiceId: candidate.id,
    score: round(coverage + TRANSFERABILITY_SHARE * transferability(evidence)),
    reasons,
    evidence,
  };
}

/** The head of one LEP's ranking over every region: the practices and the regions that leave each out. */
type RankingHead = Array<{ practiceId: string; regions: string[] }>;

/**
 * The heads of single-LEP rankings for the graph version being served (versionMemo.ts), one version's at a time:
 * at most 25 LEPs, each head a few practices long.
 */
let headsMemo: { key: string; byLep: Map<string, RankingHead> } | undefined;

/**
 * The ranking a single-LEP ask gives, over every region, cut once `limit` of its practices lie outside any one
 * region: a region's ask leaves out only its own practices (and weighs the LEP alike for every region that lacks it),
 * so its best `limit` models are the first `limit` of the head outside it.
 */
function rankingHead(
  candidates: readonly Candidate[],
  lep: { code: string; name: string },
  limit: number,
): RankingHead {
  const asked = { mode: "ASKED" as const, leps: [{ id: lep.code, name: lep.name, offeredHere: false }], targets: [] };
  const regionsOf = new Map(candidates.map((candidate) => [candidate.id, candidate.regions]));
  const ranked = candidates
    .map((candidate) => scoreCandidate(candidate, asked))
    .filter((match): match is ReplicableMatch => match !== null);
  ranked.sort(compareMatches);
  const head: RankingHead = [];
  const inRegion = new Map<string, number>();
  for (const match of ranked) {
    const regions = regionsOf.get(match.practiceId)!;
    head.push({ practiceId: match.practiceId, regions });
    for (const nuts of regions) inRegion.set(nuts, (inRegion.get(nuts) ?? 0) + 1);
    if (head.length - Math.max(0, ...inRegion.values()) >= limit) break;
  }
  return head;
}

/**
 * The best models, LEP by LEP, for LEPs the region `nuts` does not cover (regionProfile's gaps): the ranking
 * findReplicableModels gives when asked for that one LEP. The heads of the LEPs' rankings are read in one statement
 * and kept for the graph version, so a gap's models are read once per version, whichever region asks.
 */
export async function modelsForEachLep(
  reader: GraphReader,
  nuts: string,
  leps: ReadonlyArray<{ code: string; name: string }>,
  limit: number,
): Promise<Map<string, string[]>> {
  const key = graphVersionKey(reader);
  const memoKey = key === undefined ? undefined : `${key}\u0000${limit}`;
  if (memoKey !== undefined && headsMemo?.key !== memoKey) headsMemo = { key: memoKey, byLep: new Map() };
  const heads = memoKey === undefined ? new Map<string, RankingHead>() : headsMemo!.byLep;
  const missing = leps.filter(({ code }) => !heads.has(code));
  if (missing.length > 0) {
    const candidates = await readCandidates(reader, null, { codes: missing.map(({ code }) => code), targets: [] });
    for (const lep of missing) heads.set(lep.code, rankingHead(candidates, lep, limit));
  }
  return new Map(
    leps.map(({ code }) => [
      code,
      heads
        .get(code)!
        .filter((entry) => !entry.regions.includes(nuts))
        .slice(0, limit)
        .map((entry) => entry.practiceId),
    ]),
  );
}

/**
 * Models for `region` among the practices of the other regions. `leps` are LEP codes (F covers F1..F3, F1 only F1),
 * `targets` TargetGroup ids; with neither, the ask is the region's gaps (top-level LEPs no practice of it covers).
 * Throws NotFoundError for an unknown region ("REGION"), LEP code ("LEP") or target id ("TARGET_GROUP").
 */
export async function findReplicableModels(
  reader: GraphReader,
  input: ReplicableModelsInput,
): Promise<ReplicableModels> {
  checkLimit(input.limit);
  const region = findRegion(input.region);
  const keys = askedKeys(input);
  // An explicit ask's candidates do not depend on what the region offers: they are read beside the ask. The gaps
  // are known only once the region's offer is.
  const [asked, askedCandidates] = await Promise.all([
    readAsk(reader, region.nuts, keys),
    readCandidates(reader, region.nuts, keys),
  ]);
  const candidates =
    asked.mode === "GAPS"
      ? await readCandidates(reader, region.nuts, { codes: asked.leps.map((item) => item.id), targets: [] })
      : askedCandidates;
  const matches = candidates
    .map((candidate) => scoreCandidate(candidate, asked))
    .filter((match): match is ReplicableMatch => match !== null);
  matches.sort(compareMatches);
  return { region: { nuts: region.nuts, name: region.name }, asked, matches: matches.slice(0, input.limit) };
}
