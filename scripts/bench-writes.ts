/**
 * Writes under load: starts the service on a throw-away bundled Neo4j (seeded with the 2023 catalogue), sends 100
 * concurrent link edits through the GraphQL API (50 on one practice, 50 spread over the others) while 10 readers
 * ask similarPractices, and prints write latency, similarity refresh runs and read errors. Asserts nothing.
 *
 *   npm run bench:writes
 *
 * Rate limiting is off (PRASSI_RATE_LIMIT=off): the benchmark is one client. Two more readers ask `Practice.similar`
 * through the generated `practices` query, reported on their own line (docs/similarity.md, "Consistency under
 * concurrent writes", says what it guarantees).
 */
import { createLogger } from "../src/logger";
import { runBenchmark, withThrowawayService } from "./support/throwawayService";
import { editorToken, linkEditMutation, type LinkEdit } from "./writes/linkEdits";

const EDITED = "2023-011";
const EDITS_ON_EDITED = 50;
const EDITS_ELSEWHERE = 50;
const READERS = 10;
const GENERATED_FIELD_READERS = 2;
const LENSES = ["BALANCED", "SERVICES", "TARGETS", "ACTORS", "FUNDING"];
const SECRET = "a-benchmark-secret-long-enough-for-hs256";
/** What refreshOnWrite logs once per refresh run that recomputed something (a run with nothing to do is silent). */
const REFRESH_MESSAGE = "similarity refreshed after a write";

type Answer = {
  data?: { similarPractices?: Match[]; practices?: Array<{ similar: Array<{ id: string }> }> } | null;
  errors?: Array<{ extensions?: { code?: string } }>;
};
type Edit = LinkEdit & { practice: string; item: string };
type Match = { score: number; practice: { id: string }; reasons: Array<{ weight: number }> };

const SIMILAR = `query Similar($id: ID!, $lens: SimilarityLens!) {
  similarPractices(id: $id, lens: $lens, limit: 10) { score practice { id } reasons { kind weight shared { id name } } }
}`;
const GENERATED_SIMILAR = `query Generated($id: ID!) {
  practices(where: { id: { eq: $id } }) { similar(limit: 10) { id } }
}`;

/** Per practice, the target groups and stakeholders it is not linked to: what its edits link and unlink. */
const UNLINKED_ITEMS = `
MATCH (p:Practice)
RETURN p.id AS id,
  COLLECT { MATCH (t:TargetGroup) WHERE NOT (p)-[:TARGETS]->(t) RETURN t.id ORDER BY t.id } AS targets,
  COLLECT { MATCH (s:Stakeholder) WHERE NOT (p)-[:INVOLVES]->(s) RETURN s.id ORDER BY s.id } AS stakeholders
ORDER BY id`;

/** `count` edits of a practice: each item linked, then unlinked, then linked again..., items taken in turn. */
function editsOf(practice: string, items: Array<Pick<Edit, "relation" | "item">>, count: number): Edit[] {
  return Array.from({ length: count }, (_, n) => ({
    practice,
    ...items[n % items.length]!,
    action: Math.floor(n / items.length) % 2 === 0 ? "connect" : "disconnect",
  }));
}

/** Answers and their errors by code, for one kind of request. */
class Tally {
  answers = 0;
  readonly errors = new Map<string, number>();
  /** Counts the answer; true when it carries no error. */
  add(answer: Answer): boolean {
    this.answers++;
    for (const error of answer.errors ?? []) {
      const code = error.extensions?.code ?? "none";
      this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    }
    return answer.errors === undefined;
  }
  describeErrors(): string {
    const total = [...this.errors.values()].reduce((sum, count) => sum + count, 0);
    return total === 0
      ? "0 errors"
      : `${total} errors (${[...this.errors].map(([code, count]) => `${code} ${count}`).join(", ")})`;
  }
}

/** A similarPractices answer that is not one neighbourhood: a practice twice, or reasons not adding up to the score. */
function isIncomplete(matches: Match[]): boolean {
  const ids = new Set(matches.map((match) => match.practice.id));
  const reasonsAddUp = matches.every(
    (match) => Math.abs(match.reasons.reduce((sum, reason) => sum + reason.weight, 0) - match.score) < 1e-6,
  );
  return ids.size !== matches.length || !reasonsAddUp;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function main(): Promise<void> {
  let refreshRuns = 0;
  const log = createLogger("info", {
    write: (line: string) => void (line.includes(`"msg":"${REFRESH_MESSAGE}"`) && refreshRuns++),
  });
  await withThrowawayService("bench-writes", { JWT_SECRET: SECRET, LOG_LEVEL: "info" }, log, async (prassi) => {
    const post = async (query: string, variables: Record<string, unknown>, bearer?: string): Promise<Answer> => {
      const response = await fetch(prassi.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Answer;
    };
    const editor = await editorToken(SECRET, "bench-writes");

    const { records } = await prassi.driver.executeQuery(UNLINKED_ITEMS);
    const unlinked = new Map(
      records.map((record) => [
        record.get("id") as string,
        [
          ...(record.get("targets") as string[]).map((item) => ({ relation: "targets" as const, item })),
          ...(record.get("stakeholders") as string[]).map((item) => ({ relation: "stakeholders" as const, item })),
        ],
      ]),
    );
    const others = [...unlinked.keys()].filter((id) => id !== EDITED);
    const edits = [
      ...editsOf(EDITED, unlinked.get(EDITED)!.slice(0, 10), EDITS_ON_EDITED),
      ...others.flatMap((id, n) =>
        editsOf(
          id,
          unlinked.get(id)!.slice(0, 1),
          Math.floor(EDITS_ELSEWHERE / others.length) + (n < EDITS_ELSEWHERE % others.length ? 1 : 0),
        ),
      ),
    ];
    const readPractices = [EDITED, ...others.slice(0, 4)];

    const similarReads = new Tally();
    const generatedReads = new Tally();
    let incomplete = 0;
    let duplicates = 0;
    let writing = true;
    const readSimilar = async (reader: number) => {
      for (let n = reader; writing; n++) {
        const answer = await post(SIMILAR, {
          id: readPractices[n % readPractices.length],
          lens: LENSES[n % LENSES.length],
        });
        if (similarReads.add(answer) && isIncomplete(answer.data!.similarPractices!)) incomplete++;
      }
    };
    const readGenerated = async () => {
      while (writing) {
        const answer = await post(GENERATED_SIMILAR, { id: EDITED });
        if (!generatedReads.add(answer)) continue;
        const targets = answer.data!.practices![0]!.similar.map((practice) => practice.id);
        if (new Set(targets).size !== targets.length) duplicates++;
      }
    };
    const readers = [
      ...Array.from({ length: READERS }, (_, reader) => readSimilar(reader)),
      ...Array.from({ length: GENERATED_FIELD_READERS }, readGenerated),
    ];

    refreshRuns = 0;
    const started = performance.now();
    const latencies: number[] = [];
    const writes = new Tally();
    await Promise.all(
      edits.map(async (edit) => {
        const sent = performance.now();
        writes.add(await post(linkEditMutation(edit), { practice: edit.practice, item: edit.item }, editor));
        latencies.push(performance.now() - sent);
      }),
    );
    const elapsed = performance.now() - started;
    writing = false;
    await Promise.all(readers);

    const sorted = latencies.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log("rate limiting      off (one client sends every request)");
    console.log(
      `edits              ${edits.length} concurrent (${EDITS_ON_EDITED} on ${EDITED}), all answered in ${ms(elapsed)}; ${writes.describeErrors()}`,
    );
    console.log(
      `write latency      p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, max ${ms(sorted.at(-1)!)}`,
    );
    console.log(
      `refresh runs       ${refreshRuns} that recomputed something (as logged; a run that finds nothing to do logs nothing)`,
    );
    console.log(
      `similarPractices   ${similarReads.answers} reads by ${READERS} readers: ${similarReads.describeErrors()}, ${incomplete} incomplete`,
    );
    console.log(
      `Practice.similar   ${generatedReads.answers} reads by ${GENERATED_FIELD_READERS} readers: ${generatedReads.describeErrors()}, ${duplicates} listing a practice twice`,
    );
  });
}

runBenchmark(main);
