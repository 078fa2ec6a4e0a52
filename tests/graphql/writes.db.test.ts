import fs from "node:fs";
import path from "node:path";
import type { Prassi } from "../../src/app";
import { countGraph, resetDatabase } from "../support/database";
import { startOnFreshSeed } from "../support/service";
import { editorToken, TEST_SECRET, type Answer } from "../support/tokens";

const SECRET = TEST_SECRET;
const LINK_TARGET = fs.readFileSync(path.resolve(__dirname, "../../docs/queries/update-practice.graphql"), "utf8");

const token = (roles: string[], secret = SECRET) => editorToken({ roles, secret, expires: "5m" });

describe("writes through the GraphQL API", () => {
  let prassi: Prassi;

  async function post(query: string, bearer?: string): Promise<Answer> {
    const response = await fetch(prassi.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as Answer;
  }

  const sharedWomenTargets = async () => {
    const { data } = await post(
      `{ similarPractices(id: "2023-011", limit: 50) { practice { id } reasons { kind shared { id } } } }`,
    );
    const matches = (data?.similarPractices ?? []) as Array<{
      practice: { id: string };
      reasons: Array<{ kind: string; shared: Array<{ id: string }> }>;
    }>;
    return matches.filter((match) =>
      match.reasons.some((reason) => reason.kind === "TARGET" && reason.shared.some((item) => item.id === "donne")),
    );
  };

  beforeAll(async () => {
    prassi = await startOnFreshSeed({ JWT_SECRET: SECRET });
  });
  afterAll(async () => {
    await resetDatabase(prassi.driver);
    await prassi.stop();
  });

  it("refuses a write without a token, and writes nothing", async () => {
    const before = await countGraph(prassi.driver);
    const answer = await post(LINK_TARGET);
    expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(answer.errors?.[0]?.message).toMatch(/editor role/);
    expect(await countGraph(prassi.driver)).toEqual(before);
  });

  it("refuses a write with a valid token that lacks the editor role as FORBIDDEN", async () => {
    const before = await countGraph(prassi.driver);
    const answer = await post(LINK_TARGET, await token(["reader"]));
    expect(answer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await countGraph(prassi.driver)).toEqual(before);
  });

  it("refuses a token signed with another key as UNAUTHENTICATED", async () => {
    const answer = await post(LINK_TARGET, await token(["editor"], "some-other-secret-of-sufficient-length!"));
    expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("accepts an editor's write and updates the similarity of the practice it changed", async () => {
    expect(await sharedWomenTargets()).toEqual([]);
    const answer = await post(LINK_TARGET, await token(["editor"]));
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('"id":"donne"');
    const sharing = await sharedWomenTargets();
    expect(sharing.length).toBeGreaterThan(0);
  });

  it("refreshes after a write that committed its first field and failed its second (the answer's data is null)", async () => {
    expect((await sharedWomenTargets()).length).toBeGreaterThan(0);
    const answer = await post(
      `mutation {
        a: updatePractices(where: { id: { eq: "2023-011" } }, update: { targets: [{ disconnect: [{ where: { node: { id: { eq: "donne" } } } }] }] }) { practices { id } }
        b: createTools(input: [{ id: "telegram", name: "Telegram, again" }]) { tools { id } }
      }`,
      await token(["editor"]),
    );
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // The disconnect committed: the similarity (and the cached answers) follow it.
    expect(await sharedWomenTargets()).toEqual([]);
  });

  it("keeps reads public", async () => {
    const answer = await post("{ practices(limit: 1) { id } }");
    expect(answer.errors).toBeUndefined();
  });
});
