/**
 * Alias candidates for the review file: the curated entries a provisional node may be another spelling of, so that
 * the expert need not search seed/vocabulary/ for them. Only what `{ "aliasOf": id }` could name is considered: an
 * entry of the node's file and, for stakeholders, of its kind (a fund's kind is only guessed from its name, and
 * `review` lets it be an alias of a fund of any kind); neither a generic class nor a national organisation
 * (`listedOnly`: "Comuni", "Confindustria"), which a designated name never is but a branch is part of; for a branch,
 * no branch of another organisation (Confagricoltura Reggio Emilia is not Confprofessioni's).
 *
 * The scoring is what an expert does by eye, kept simple enough to be told in a `why`, and the sum of:
 * - the telling words the names and aliases share (nameWords.ts), each weighing 1 / the number of the pool's
 *   entries that have it: "confindustria", which every Confindustria branch has, weighs little; "foggia" much;
 * - a place they share, the finest both know (candidatePlaces.ts): the same municipality weighs as a word of one
 *   entry (a town has one CPI of a name, one council), the same province 0.5, the same region 0.25;
 * - a place they disagree on, at the finest level both know, rules the entry out: "CPI Torino di Sangro" (Abruzzo)
 *   is not the CPI of Torino, however many words they share.
 * An entry sharing no word is a candidate only when it is in the node's very municipality. The best three, with ties
 * in id order, so that two runs write the same file.
 */
import type { Vocabulary } from "../reference/vocabulary";
import { cpiPlace, placeOf, sharedPlace, type Place } from "./candidatePlaces";
import { nameWords } from "./nameWords";
import type { AliasCandidate, ReviewFile, ReviewNode } from "./reviewFile";

const MAX_CANDIDATES = 3;

type Prepared = { id: string; name: string; words: Set<string>; place: Place; partOf?: string };
type Pool = { entries: Prepared[]; frequency: Map<string, number> };
type Candidacy = Omit<ReviewNode, "decision" | "candidates">;

/** The review file with each node's alias candidates (none where no entry shares a word or its municipality). */
export function withAliasCandidates(review: ReviewFile, vocabulary: Vocabulary): ReviewFile {
  const pools = new Map<string, Pool>();
  const poolOf = (node: Candidacy) => {
    const key = node.label === "Stakeholder" ? `${node.label}:${String(node.kind)}` : node.label;
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = preparePool(entriesLike(node, vocabulary));
      pools.set(key, pool);
    }
    return pool;
  };
  const kinds = Object.fromEntries(
    Object.entries(review.kinds).map(([kind, nodes]) => [
      kind,
      // Candidates a node had already are replaced, not kept.
      nodes.map(({ decision, candidates: previous, ...node }) => {
        const candidates = aliasCandidates(node, poolOf(node));
        return { ...node, ...(candidates.length > 0 ? { candidates } : {}), decision };
      }),
    ]),
  );
  return { ...review, kinds };
}

/** The entries a node could be an alias of, best first, at most MAX_CANDIDATES. */
function aliasCandidates(node: Candidacy, pool: Pool): AliasCandidate[] {
  const words = nameWords([node.name, ...node.spellings]);
  const nodePlace = placeOf(node);
  const scored = pool.entries.flatMap((entry) => {
    if (entry.id === node.id || entry.id === node.partOf) return [];
    if (node.partOf && entry.partOf && entry.partOf !== node.partOf) return [];
    const place = sharedPlace(nodePlace, entry.place);
    if (place === "conflict") return [];
    const shared = [...words].filter((word) => entry.words.has(word)).sort();
    if (shared.length === 0 && place?.level !== "municipality") return [];
    const score = shared.reduce((sum, word) => sum + 1 / pool.frequency.get(word)!, place?.weight ?? 0);
    const why = [...(shared.length > 0 ? [`shares: ${shared.join(", ")}`] : []), ...(place ? [place.says] : [])];
    return [{ score, candidate: { id: entry.id, name: entry.name, why: why.join("; ") } }];
  });
  return scored
    .sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map(({ candidate }) => candidate);
}

/** The curated entries of the node's file (and, for a stakeholder, kind), as names and places. */
function entriesLike(node: Candidacy, vocabulary: Vocabulary): Prepared[] {
  const prepare = (entry: { id: string; name: string; aliases: string[]; regionalAliases?: string[] }) => ({
    id: entry.id,
    name: entry.name,
    words: nameWords([entry.name, ...entry.aliases, ...(entry.regionalAliases ?? [])]),
  });
  switch (node.label) {
    case "Stakeholder":
      return vocabulary.stakeholders
        .filter((entry) => entry.kind === node.kind && !entry.listedOnly)
        .map((entry) => ({ ...prepare(entry), place: placeOf(entry), partOf: entry.partOf }));
    case "FundingSource":
      return vocabulary.funding.map((entry) => ({ ...prepare(entry), place: placeOf({ region: entry.region }) }));
    case "Cpi":
      return vocabulary.cpis.map((entry) => ({ ...prepare(entry), place: cpiPlace(entry) }));
  }
}

function preparePool(entries: Prepared[]): Pool {
  const frequency = new Map<string, number>();
  for (const entry of entries) for (const word of entry.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return { entries, frequency };
}
