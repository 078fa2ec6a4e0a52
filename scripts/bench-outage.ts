/**
 * Outages, timed: starts the service on a throw-away bundled Neo4j (seeded with the 2023 catalogue), pauses the
 * database three times (SIGSTOP for 3 s: a hung database) and kills it once (SIGKILL: a crash), and prints how long
 * a request already waiting took to get its 503, how long the next one took, how long after SIGCONT answers came
 * back, and how long the restart after the kill took. Asserts nothing; tests/neo4j/outage.db.test.ts asserts the
 * behaviour.
 *
 *   npm run bench:outage
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Prassi } from "../src/app";
import { createLogger } from "../src/logger";
import { runBenchmark, withThrowawayService } from "./support/throwawayService";

const QUESTION = JSON.stringify({
  query: '{ similarPractices(id: "2023-004", limit: 3) { score practice { id title } } }',
});
const PAUSES = 3;
const PAUSE_MS = 3_000;

async function timeOutages(prassi: Prassi): Promise<void> {
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: QUESTION,
    });
    await response.arrayBuffer();
    return { status: response.status, ms: Math.round(performance.now() - started) };
  };
  /** Milliseconds from now until a request is answered 200, asking every 50 ms; the answers met meanwhile. */
  const untilAnswered = async () => {
    const started = performance.now();
    const meanwhile: number[] = [];
    for (let answer = await ask(); answer.status !== 200; answer = await ask()) {
      meanwhile.push(answer.ms);
      await sleep(50);
    }
    return { ms: Math.round(performance.now() - started), meanwhile };
  };
  for (let warm = 0; warm < 3; warm++) await ask();
  for (let round = 1; round <= PAUSES; round++) {
    const { pid } = prassi.bundled!();
    process.kill(pid, "SIGSTOP");
    const inFlight = await ask();
    const next = await ask();
    await sleep(PAUSE_MS);
    process.kill(pid, "SIGCONT");
    const back = await untilAnswered();
    console.log(
      `pause ${round}: waiting request ${inFlight.status} in ${inFlight.ms} ms, next ${next.status} in ${next.ms} ms; answers ${back.ms} ms after SIGCONT`,
    );
  }
  process.kill(prassi.bundled!().pid, "SIGKILL");
  const restart = await untilAnswered();
  console.log(
    `kill: ${restart.meanwhile.length} requests answered 503 meanwhile (slowest ${Math.max(...restart.meanwhile)} ms); answers ${restart.ms} ms after SIGKILL`,
  );
}

runBenchmark(() => withThrowawayService("bench-outage", {}, createLogger("silent"), timeOutages));
