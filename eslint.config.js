// ESLint: typescript-eslint's recommended rules, plus a few chosen for this codebase:
// - eqeqeq: `==` hides type coercion bugs in data parsing (ids "1" vs 1);
// - no-implied-eval / no-new-func: text from files never becomes code;
// - prefer-const, no-var: one meaning per name;
// - @typescript-eslint/consistent-type-imports: type-only imports vanish from bundles and keep layers honest;
// - no-console (warn, error allowed): the app reports through its message area, not the console.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/peers/**", "bench/out/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implied-eval": "error",
      "no-new-func": "error",
      "prefer-const": "error",
      "no-var": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    files: ["**/*.mjs", "scripts/**", "bench/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["scripts/**", "bench/**", "test/**"],
    rules: { "no-console": "off" },
  },
);
