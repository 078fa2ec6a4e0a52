/**
 * Serving "similar to X": one hop over the stored SIMILAR_TO edges, ranked under the asked lens from the stored
 * per-kind contributions and masses. The edges hold the union of every lens's top-K, so any lens's top-K is exact.
 */
import type { Driver } from "neo4j-driver";
import { LINK_KINDS, type Lens, type LinkKind, type PerKind, type PracticeMatch, type SharedItem } from "./model";
import { TOP_K } from "./neighbours";
import { compareMatches, lensTerms, reasonsFrom, roundScore } from "./score";
import { sharedProperty } from "./store";

/** Where the name of a shared item lives: label, key property, name property (constants, never input). */
const ITEM_NAMES: Record<LinkKind, { label: string; key: string; name: string }> = {
  LEP: { label: "Lep", key: "code", name: "name" },
  TARGET: { label: "TargetGroup", key: "id", name: "name" },
  STAKEHOLDER: { label: "Stakeholder", key: "id", name: "name" },
  FUNDING: { label: "FundingSource", key: "id", name: "name" },
  REGION: { label: "Region", key: "nuts", name: "name" },
  CPI: { label: "Cpi", key: "id", name: "name" },
  LAW: { label: "Law", key: "id", name: "title" },
  TOOL: { label: "Tool", key: "id", name: "name" },
  LINEAGE: { label: "Practice", key: "id", name: "title" },
};

const SHARED_WITH_NAMES = LINK_KINDS.map((kind) => {
  const { label, key, name } = ITEM_NAMES[kind];
  return `[item IN coalesce(s.${sharedProperty(kind)}, []) | {id: item, name: coalesce(head(COLLECT { MATCH (n:${label} {${key}: item}) RETURN n.${name} }), item)}]`;
}).join(",\n      ");

/** Every stored edge of the batch's practices, with item names resolved, in one round trip. */
const READ_NEIGHBOURHOODS = `
UNWIND $ids AS id
MATCH (p:Practice {id: id})
RETURN p.id AS id, p.similarityMass AS mass,
  [(p)-[s:SIMILAR_TO]->(q:Practice) | {
    target: q.id,
    mass: q.similarityMass,
    contributions: s.contributions,
    shared: [
      ${SHARED_WITH_NAMES}
    ]
  }] AS edges`;

type StoredEdge = { target: string; mass: PerKind | null; contributions: PerKind; shared: SharedItem[][] };

function rank(mass: PerKind | null, edges: StoredEdge[], lens: Lens, limit: number): PracticeMatch[] {
  if (!mass) return [];
  return edges
    .filter((edge) => edge.mass !== null)
    .map((edge) => {
      const terms = lensTerms(edge.contributions, mass, edge.mass!, lens);
      return {
        practiceId: edge.target,
        score: roundScore(terms.reduce((total, term) => total + term, 0)),
        reasons: reasonsFrom(terms, edge.shared),
      };
    })
    .filter((match) => match.score > 0)
    .sort(compareMatches)
    .slice(0, limit);
}

/**
 * Ranked matches under the lens, at most min(limit, TOP_K) per practice. Only practices that exist get an
 * entry (possibly empty): a missing key means "no such practice", so callers need no separate existence check.
 */
export async function readSimilarPractices(
  driver: Driver,
  practiceIds: string[],
  lens: Lens,
  limit: number,
  database?: string,
): Promise<Map<string, PracticeMatch[]>> {
  const matches = new Map<string, PracticeMatch[]>();
  if (practiceIds.length === 0) return matches;
  const { records } = await driver.executeQuery(READ_NEIGHBOURHOODS, { ids: [...new Set(practiceIds)] }, { database, routing: "READ" });
  for (const record of records) {
    matches.set(record.get("id"), rank(record.get("mass"), record.get("edges"), lens, Math.min(limit, TOP_K)));
  }
  return matches;
}
