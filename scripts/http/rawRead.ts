/**
 * The widget's answer read straight through the driver, without GraphQL: one Cypher over the same stored
 * SIMILAR_TO edges src/similarity/read.ts serves (titles, regions and shared items' names included), ranked
 * under the BALANCED lens with the same scoring functions. The floor the GraphQL path is compared with; it skips
 * read.ts's re-read of a neighbourhood caught half-written, which a benchmark without writes never needs.
 */
import type { Graph } from "../../src/neo4j/graph";
import { unpackEdgeNumbers, type LinkKind, type PerKind, type SharedItem } from "../../src/similarity/model";
import { SHARED_WITH_NAMES } from "../../src/similarity/read";
import { compareMatches, lensTerms, reasonsFrom, roundScore } from "../../src/similarity/score";

const READ_WIDGET_ANSWER = `
MATCH (p:Practice {id: $id})
RETURN [(p)-[s:SIMILAR_TO]->(q:Practice) | {
    id: q.id,
    title: q.title,
    regions: [(q)-[:IN_REGION]->(r:Region) | {name: r.name}],
    numbers: s.numbers,
    shared: ${SHARED_WITH_NAMES}
  }] AS edges`;

type Edge = {
  id: string;
  title: string;
  regions: Array<{ name: string }>;
  /** Contributions and both masses (model.ts, packEdgeNumbers). */
  numbers: PerKind;
  /** Null for a kind when the edge was caught without its `shared` (this read does not read again). */
  shared: Array<SharedItem[] | null>;
};

export type WidgetMatch = {
  score: number;
  practice: { id: string; title: string; regions: Array<{ name: string }> };
  reasons: Array<{ kind: LinkKind; weight: number; shared: SharedItem[] }>;
};

/** The widget's answer for one practice (top 5, BALANCED), as the GraphQL query's `data.similarPractices`. */
export async function readWidgetAnswer(graph: Graph, id: string): Promise<WidgetMatch[]> {
  const { records } = await graph.read(READ_WIDGET_ANSWER, { id });
  const edges = (records[0]?.get("edges") ?? []) as Edge[];
  return edges
    .map((edge) => {
      const { contributions, practiceMass, neighbourMass } = unpackEdgeNumbers(edge.numbers);
      const terms = lensTerms(contributions, practiceMass, neighbourMass, "BALANCED");
      return {
        practiceId: edge.id,
        score: roundScore(terms.reduce((total, term) => total + term, 0)),
        practice: { id: edge.id, title: edge.title, regions: edge.regions },
        reasons: reasonsFrom(
          terms,
          edge.shared.map((items) => items ?? []),
        ),
      };
    })
    .filter((match) => match.score > 0)
    .sort(compareMatches)
    .slice(0, 5)
    .map(({ score, practice, reasons }) => ({ score, practice, reasons }));
}

/** An answer in one key order, with the regions of each practice sorted, to compare the two answers. */
export function comparable(matches: WidgetMatch[]): string {
  return JSON.stringify(
    matches.map(({ score, practice, reasons }) => ({
      score,
      practice: { id: practice.id, title: practice.title, regions: practice.regions.map(({ name }) => name).sort() },
      reasons: reasons.map(({ kind, weight, shared }) => ({
        kind,
        weight,
        shared: shared.map(({ id, name }) => ({ id, name })),
      })),
    })),
  );
}
