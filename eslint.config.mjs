// ESLint with typescript-eslint's recommended rules, for the style the code already has; Prettier owns the layout.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist*/", "neo4j/target/", "src/graphql/generated/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,mts,tsx}"],
    rules: {
      // Unused names are the compiler's to report (noUnusedLocals, noUnusedParameters), with its `_` convention.
      "@typescript-eslint/no-unused-vars": "off",
      // The JSON reader and the terminal's escape sequences match control characters on purpose.
      "no-control-regex": "off",
      // A `let` assigned once but read before (by a closure, as main.ts's shutdown reads the service) stays a `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
);
