import { auditServer } from "graphql-http";
import { formatReport, runFuzz } from "../../scripts/fuzz/runFuzz";
import { KINDS } from "../../scripts/fuzz/hostileRequests";
import { useTestService } from "../support/service";
import { TEST_SECRET as SECRET } from "../support/tokens";

describe("the GraphQL-over-HTTP protocol, audited and fuzzed", () => {
  const service = useTestService({ NODE_ENV: "production", JWT_SECRET: SECRET, PRASSI_RATE_LIMIT: "off" });

  it("passes every MUST of graphql-http's audit, with only the SHOULD warnings bare Apollo Server 5 has", async () => {
    const results = await auditServer({ url: `${service.base}/graphql` });
    expect(
      results.filter((result) => result.status === "error").map((result) => `${result.id} ${result.name}`),
    ).toEqual([]);
    // Apollo answers parse, validation and variable errors with 400 even for application/json clients.
    expect(
      results
        .filter((result) => result.status === "warn")
        .map((result) => result.id)
        .sort(),
    ).toEqual(["572B", "7B9B", "FDE2"]);
  });

  it("answers hundreds of malformed and hostile requests of every kind with no 5xx, no stack trace, and stays up", async () => {
    const kinds = Object.keys(KINDS).length;
    expect(kinds).toBeGreaterThanOrEqual(15);
    // Four at a time, as one client may have in flight (PRASSI_MAX_REQUESTS_IN_FLIGHT).
    const report = await runFuzz(`${service.base}/graphql`, {
      count: kinds * 12,
      seed: 7,
      secret: SECRET,
      concurrency: 4,
    });
    // On failure the table says where to look.
    if (report.violations.length > 0) process.stdout.write(formatReport(report));
    expect({ violations: report.violations, healthyAfter: report.healthyAfter }).toEqual({
      violations: [],
      healthyAfter: true,
    });
    expect(report.statuses.size).toBe(kinds);
    expect(service.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
