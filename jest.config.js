// Two projects: pure code runs without a database; *.db.test.ts share one real Neo4j
// that the db project's global setup starts for the whole run.
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

/** @type {import('jest').Config} */
module.exports = {
  // One worker: db test files own the shared database in turn, and Neo4j needs the second core.
  maxWorkers: 1,
  // Generous: starting a second bundled Neo4j (readiness tests) takes ~15 s on 2 cores.
  testTimeout: 120000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["\\.db\\.test\\.ts$"],
    },
    {
      displayName: "db",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/**/*.db.test.ts"],
      globalSetup: "<rootDir>/tests/support/globalSetup.ts",
      globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
    },
  ],
};
