/**
 * The requests bench:http measures. "Uncached" requests defeat a response cache keyed on query and variables
 * without changing the query text (so parsing and validation stay as cached as for a real widget): each carries
 * a variable `nonce` the operation does not declare, different on every request (GraphQL ignores undeclared
 * variables), and the similarity requests also rotate the practice over every practice of the graph.
 */
import type { BodySource } from "./load";

export const WIDGET_QUERY = `query Widget($id: ID!) {
  similarPractices(id: $id, limit: 5) {
    score
    practice { id title regions { name } }
    reasons { kind weight shared { id name } }
  }
}`;

const SCORES_QUERY = `query Scores($id: ID!) { similarPractices(id: $id, limit: 5) { score } }`;
const PRACTICE_IDS_QUERY = `query PracticeIds($id: ID!) { similarPractices(id: $id, limit: 5) { score practice { id } } }`;

/** The practice every fixed request asks about: in the 2023 catalogue, which every benchmark graph holds. */
export const FIXED_PRACTICE = "2023-004";

let nonce = 0;

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

/** A request that differs from every other one only in its undeclared `nonce`. */
function uncached(query: string, variables: Record<string, unknown> = {}): () => string {
  return () => body(query, { ...variables, nonce: ++nonce });
}

/** A similarity request about the next practice of `ids`, with a fresh nonce. */
function rotating(query: string, ids: readonly string[]): () => string {
  let next = 0;
  return () => body(query, { id: ids[next++ % ids.length], nonce: ++nonce });
}

export type HttpTarget = { name: string; body: BodySource };

/** The rows of the table that go through HTTP, in order; `ids` are all practices of the graph. */
export function httpTargets(ids: readonly string[]): HttpTarget[] {
  return [
    {
      name: "widget query, uncached (rotating id + nonce)",
      body: rotating(WIDGET_QUERY, ids),
    },
    {
      name: `widget query, cached (same request: ${FIXED_PRACTICE})`,
      body: body(WIDGET_QUERY, { id: FIXED_PRACTICE }),
    },
    {
      name: "{ __typename } (framework floor)",
      body: uncached("query Floor { __typename }"),
    },
    { name: "similarPractices { score }", body: rotating(SCORES_QUERY, ids) },
    {
      name: "similarPractices { score practice { id } }",
      body: rotating(PRACTICE_IDS_QUERY, ids),
    },
    {
      name: "practices(limit: 5) { id title } (generated)",
      body: uncached("query Generated { practices(limit: 5) { id title } }"),
    },
    {
      name: "replicableModels (Veneto, M)",
      body: uncached(`query Models { replicableModels(region: "Veneto", lep: ["M"], limit: 5) {
        score practice { id title regions { name } } reasons { kind weight shared { name } } } }`),
    },
    {
      name: "regionProfile (Liguria)",
      body: uncached(`query Profile { regionProfile(region: "Liguria") {
        practiceCount coverageRate coverageRank
        lepCoverage { lep { code name } covered practicesHere regionsCovering }
        gaps { lep { code name } models { id title regions { name } } } } }`),
    },
    {
      name: "practicePath (2023-004 to 2023-012)",
      body: uncached(`query Path { practicePath(from: "2023-004", to: "2023-012") { position kind name link } }`),
    },
    {
      name: 'searchPractices ("collocamento mirato")',
      body: uncached(
        `query Search { searchPractices(text: "collocamento mirato", limit: 5) { score practice { id title } } }`,
      ),
    },
    {
      name: "regionCoverage",
      body: uncached(
        `query Coverage { regionCoverage { region { nuts name } practiceCount lepsCovered coverageRate coverageRank } }`,
      ),
    },
  ];
}
