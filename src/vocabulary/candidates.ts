/**
 * Alias candidates for the review file: the curated entries a provisional node may be another spelling of, so that
 * the expert need not search seed/vocabulary/ for them. Only what `{ "aliasOf": id }` could name is considered: an
 * entry of the node's file and, for stakeholders and funds, of its kind; neither a generic class nor a national
 * organisation (`listedOnly`: "Comuni", "Confindustria"), which a designated name never is but a branch is part of;
 * for a branch, no branch of another organisation (Confagricoltura Reggio Emilia is not Confprofessioni's).
 *
 * The scoring is what an expert does by eye, kept simple enough to be told in a `why`:
 * - the telling words the names and aliases share (nameWords.ts), each weighing 1 / the number of the pool's
 *   entries that have it: "confindustria", which every Confindustria branch has, weighs little; "foggia" much;
 * - a place they share, the finest both know: the same municipality weighs as a rare word (a town has one CPI of a
 *   name, one council), the same province or region only a little, to order entries that share words;
 * - a place they disagree on, at the finest level both know, rules the entry out: "CPI Torino di Sangro" (Abruzzo)
 *   is not the CPI of Torino, however many words they share.
 * An entry sharing no word is a candidate only when it is in the node's very municipality. The best three, with ties
 * in id order, so that two runs write the same file.
 */
import { municipalityAtStart } from "../reference/gazetteer";
import type { Vocabulary } from "../reference/vocabulary";
import { nameTokens, nameWords } from "./nameWords";
import type { AliasCandidate, ReviewFile, ReviewNode } from "./reviewFile";

const MAX_CANDIDATES = 3;

type Place = { municipalityIstat?: string; municipality?: string; province?: string; region?: string };
type Prepared = { id: string; name: string; words: Set<string>; place: Place; partOf?: string };
type Pool = { entries: Prepared[]; frequency: Map<string, number> };

const PLACE_LEVELS = [
  { key: "municipalityIstat", weight: 1, says: (place: Place) => `same municipality ${place.municipality}` },
  { key: "province", weight: 0.5, says: (place: Place) => `same province ${place.province}` },
  { key: "region", weight: 0.25, says: (place: Place) => `same region ${place.region}` },
] as const;

/** The review file with each node's alias candidates (none where no entry shares anything with it). */
export function withAliasCandidates(review: ReviewFile, vocabulary: Vocabulary): ReviewFile {
  const pools = new Map<string, Pool>();
  const poolOf = (node: Pick<ReviewNode, "label" | "kind">) => {
    const key = `${node.label}:${node.label === "Cpi" ? "" : String(node.kind)}`;
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
function aliasCandidates(node: Omit<ReviewNode, "decision" | "candidates">, pool: Pool): AliasCandidate[] {
  const words = nameWords([node.name, ...node.spellings]);
  const scored = pool.entries.flatMap((entry) => {
    if (entry.id === node.id || entry.id === node.partOf) return [];
    if (node.partOf && entry.partOf && entry.partOf !== node.partOf) return [];
    const place = sharedPlace(node, entry.place);
    if (place === "conflict") return [];
    const shared = [...words].filter((word) => entry.words.has(word)).sort();
    if (shared.length === 0 && place?.key !== "municipalityIstat") return [];
    const score = shared.reduce((sum, word) => sum + 1 / pool.frequency.get(word)!, place?.weight ?? 0);
    const why = [...(shared.length > 0 ? [`shares: ${shared.join(", ")}`] : []), ...(place ? [place.says] : [])];
    return [{ score, candidate: { id: entry.id, name: entry.name, why: why.join("; ") } }];
  });
  return scored
    .sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map(({ candidate }) => candidate);
}

/** The curated entries of the node's file (and kind), as names and places, for aliasCandidates. */
function entriesLike(node: Pick<ReviewNode, "label" | "kind">, vocabulary: Vocabulary): Prepared[] {
  const prepare = (entry: { id: string; name: string; aliases: string[]; regionalAliases?: string[] }) => ({
    id: entry.id,
    name: entry.name,
    words: nameWords([entry.name, ...entry.aliases, ...(entry.regionalAliases ?? [])]),
  });
  switch (node.label) {
    case "Stakeholder":
      return vocabulary.stakeholders
        .filter((entry) => entry.kind === node.kind && !entry.listedOnly)
        .map((entry) => ({ ...prepare(entry), place: entry, partOf: entry.partOf }));
    case "FundingSource":
      return vocabulary.funding
        .filter((entry) => entry.kind === node.kind)
        .map((entry) => ({ ...prepare(entry), place: { region: entry.region } }));
    case "Cpi":
      return vocabulary.cpis.map((entry) => ({ ...prepare(entry), place: cpiPlace(entry) }));
  }
}

function preparePool(entries: Prepared[]): Pool {
  const frequency = new Map<string, number>();
  for (const entry of entries) for (const word of entry.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return { entries, frequency };
}

/**
 * A curated job centre is placed by its region only; its town is the name after its designator ("CPI Genova
 * Centro": Genova), as the reading places a provisional one, when the gazetteer has it in that region.
 */
function cpiPlace(entry: { name: string; aliases: string[]; region: string }): Place {
  for (const name of [entry.name, ...entry.aliases]) {
    const designator = nameTokens(name).find((token) => token.text === "cpi");
    if (designator === undefined) continue;
    const found = municipalityAtStart(name.slice(designator.end));
    const town = found?.municipalities.find((municipality) => municipality.region.nuts === entry.region);
    if (town) {
      return {
        municipalityIstat: town.istat,
        municipality: town.name,
        province: town.province.sigla,
        region: entry.region,
      };
    }
  }
  return { region: entry.region };
}

/** The finest place both know: shared (with its weight and words), in conflict, or unknown to one of them. */
function sharedPlace(
  node: Place,
  entry: Place,
): { key: (typeof PLACE_LEVELS)[number]["key"]; weight: number; says: string } | "conflict" | undefined {
  for (const level of PLACE_LEVELS) {
    const [mine, theirs] = [node[level.key], entry[level.key]];
    if (mine === undefined || theirs === undefined) continue;
    return mine === theirs ? { key: level.key, weight: level.weight, says: level.says(node) } : "conflict";
  }
  return undefined;
}
