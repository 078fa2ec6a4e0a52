import { linkEditMutation, type LinkEdit } from "../../scripts/writes/linkEdits";
import { LENSES, refreshSimilarity } from "../../src/similarity";
import { graphOn } from "../../src/neo4j/graph";
import { useTestService } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

/** The practice the editors keep changing. */
const EDITED = "2023-011";
const READERS = 10;
const ROUNDS = 3;

/** Every practice's matches under a lens, with the reasons, in one request (one batched read of all the edges). */
function readEverySimilar(practiceIds: string[], lens: string): string {
  const asks = practiceIds.map(
    (id) => `_${id.replace("-", "_")}: similarPractices(id: "${id}", lens: ${lens}, limit: 10) { ...match }`,
  );
  return `{\n  ${asks.join("\n  ")}\n}\nfragment match on PracticeMatch { score practice { id } reasons { kind weight shared { id name } } }`;
}

const UNLINKED_ITEMS = `query Unlinked($id: ID!) {
  targetGroups(where: { practices: { none: { id: { eq: $id } } } }, sort: [{ id: ASC }], limit: 4) { id }
  stakeholders(where: { practices: { none: { id: { eq: $id } } } }, sort: [{ id: ASC }], limit: 4) { id }
}`;

type Match = {
  score: number;
  practice: { id: string };
  reasons: Array<{ kind: string; weight: number; shared: Array<{ id: string; name: string }> }>;
};

/** What makes an answer something other than one whole stored neighbourhood; [] when it is one. */
function neighbourhoodProblems(asked: string, matches: Match[], wholeLength: number): string[] {
  const problems: string[] = [];
  const ids = matches.map((match) => match.practice.id);
  if (new Set(ids).size !== ids.length) problems.push(`${asked}: a practice listed twice (${ids.join(", ")})`);
  if (matches.length !== wholeLength)
    problems.push(`${asked}: ${matches.length} matches where the whole neighbourhood has ${wholeLength}`);
  for (const match of matches) {
    const reasons = match.reasons.reduce((total, reason) => total + reason.weight, 0);
    if (Math.abs(reasons - match.score) > 1e-6)
      problems.push(`${asked}: ${match.practice.id} scores ${match.score}, its reasons ${reasons}`);
    if (match.reasons.some((reason) => reason.shared.some((item) => item.id === null || item.name === null))) {
      problems.push(`${asked}: ${match.practice.id} shares an item without id or name`);
    }
  }
  return problems;
}

describe("similarity read while editors write", () => {
  // Starting on the emptied database seeds the 2023 catalogue and computes similarity. In development mode an
  // internal error carries its cause, which a failing assertion then shows.
  // What is tested is consistency, not speed: on a loaded machine 48 writes queued on one practice may take longer
  // than the default deadlines, which would fail the test for a reason it does not check.
  const service = useTestService({
    JWT_SECRET: TEST_SECRET,
    PRASSI_RATE_LIMIT: "off",
    NODE_ENV: "development",
    PRASSI_QUERY_TIMEOUT_MS: "30000",
    PRASSI_REQUEST_TIMEOUT_MS: "60000",
  });

  async function post(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<Answer> {
    const response = await service.post({ query, variables }, bearer ? { authorization: `Bearer ${bearer}` } : {});
    return (await response.json()) as Answer;
  }

  it("answers every reader with whole neighbourhoods while link edits on one practice refresh similarity", async () => {
    const token = await editorToken();
    const unlinked = await post(UNLINKED_ITEMS, { id: EDITED });
    const items = unlinked.data as { targetGroups: Array<{ id: string }>; stakeholders: Array<{ id: string }> };
    // One editor per item, each linking and unlinking it in turn: every edit commits while others' refreshes run.
    const editors = [
      ...items.targetGroups.map(({ id }) => ({ relation: "targets" as const, item: id })),
      ...items.stakeholders.map(({ id }) => ({ relation: "stakeholders" as const, item: id })),
    ];
    expect(editors.length * ROUNDS * 2).toBeGreaterThanOrEqual(40);

    // Each reader asks every practice's matches under one lens; first once while nothing is written, to know how
    // many matches each whole neighbourhood gives.
    const practices = await post("{ practices(limit: 100) { id } }");
    const queries = LENSES.map((lens) =>
      readEverySimilar(
        (practices.data!.practices as Array<{ id: string }>).map(({ id }) => id),
        lens,
      ),
    );
    const wholeLength = new Map<string, number>();
    for (const [n, query] of queries.entries()) {
      const quiet = await post(query);
      expect(quiet.errors).toBeUndefined();
      for (const [alias, matches] of Object.entries(quiet.data as Record<string, Match[]>))
        wholeLength.set(`${LENSES[n]} ${alias}`, matches.length);
    }

    let writing = true;
    const read = async (lens: number): Promise<Array<{ lens: string; answer: Answer }>> => {
      const answers: Array<{ lens: string; answer: Answer }> = [];
      while (writing) answers.push({ lens: LENSES[lens]!, answer: await post(queries[lens]!) });
      return answers;
    };
    const readers = Array.from({ length: READERS }, (_, n) => read(n % LENSES.length));
    const edit = async ({ relation, item }: { relation: LinkEdit["relation"]; item: string }): Promise<Answer[]> => {
      const answers: Answer[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const action of ["connect", "disconnect"] as const) {
          answers.push(await post(linkEditMutation({ relation, action }), { practice: EDITED, item }, token));
        }
      }
      return answers;
    };
    const writes = (await Promise.all(editors.map(edit))).flat();
    writing = false;
    const answers = (await Promise.all(readers)).flat();

    expect(writes.flatMap((write) => write.errors ?? [])).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(READERS);
    expect(
      answers.flatMap(({ answer }) => answer.errors ?? []).map((error) => [error.message, error.extensions?.cause]),
    ).toEqual([]);
    const problems = answers.flatMap(({ lens, answer }) =>
      Object.entries(answer.data as Record<string, Match[]>).flatMap(([alias, matches]) =>
        neighbourhoodProblems(`${lens} ${alias}`, matches, wholeLength.get(`${lens} ${alias}`)!),
      ),
    );
    expect(problems).toEqual([]);
    // Every write answered after a refresh that covered it: once the last one has, nothing is left to recompute.
    expect(await refreshSimilarity(graphOn(service.prassi.driver))).toEqual([]);
  });
});
