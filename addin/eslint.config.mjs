// ESLint for the add-in, picked up by `office-addin-lint check` (it uses ./eslint.config.mjs when the
// working directory has one). Microsoft's React preset of eslint-plugin-office-addins, applied to
// .ts AND .tsx — the preset's own block only matches .ts, so without the block below neither the
// Office.js rules nor the TypeScript parser would reach a component — plus typescript-eslint's
// recommended rules, taken from the copy of @typescript-eslint the preset bundles (a second copy
// of the plugin in the same config is an error in ESLint 9).
import officeAddins from "eslint-plugin-office-addins";
// The preset names no working parser (its `parser` is undefined); office-addin-lint's own default config adds this one too.
import tsParser from "@typescript-eslint/parser";

const preset = officeAddins.configs.react;
const presetTs = preset.find((c) => c.plugins?.["@typescript-eslint"]);
const tsPlugin = presetTs.plugins["@typescript-eslint"];

/** Rules that catch Office.js batching mistakes: all errors, so a CI run fails on them. */
const officeJsRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default [
  { ignores: ["dist/**", "public/**"] },
  ...preset,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin, prettier: presetTs.plugins.prettier },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "19.2" } },
    rules: {
      ...tsPlugin.configs["eslint-recommended"].overrides[0].rules,
      ...tsPlugin.configs.recommended.rules,
      ...officeJsRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The bundled typescript-eslint 8.8 reads the base rule's defaults, which ESLint 9.39 no longer
      // provides ("Cannot read properties of undefined (reading 'allowShortCircuit')"): spell them out.
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false }],
      // The code base keeps its own formatting (long lines, single quotes); prettier would rewrite every file.
      "prettier/prettier": "off",
      // "jsx": "react-jsx": the JSX transform needs no React in scope.
      "react/react-in-jsx-scope": "off",
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },
  {
    // Mock Office object models are untyped trees built from seed objects; tests reach into them freely.
    files: ["src/**/testing/**/*.ts", "src/**/*.test.{ts,tsx}", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];
