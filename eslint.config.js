// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';
import globals from 'globals';

// Nothing from a page, a log line or the agent is ever parsed as HTML (SPEC §6).
const noHtmlSinks = [
  {selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render with textContent or Preact text nodes, never innerHTML/outerHTML.'},
  {selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString|setHTMLUnsafe)$/]", message: 'No HTML-parsing sinks: build nodes with createElement/textContent.'},
  {selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.'},
  {selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text nodes.'},
];

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'coverage/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {parserOptions: {projectService: {allowDefaultProject: ['*.ts']}, tsconfigRootDir: import.meta.dirname}},
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      'no-restricted-syntax': ['error', ...noHtmlSinks],
    },
  },
  // Boundaries (STYLE §11): shared/ imports neither side; the sides don't import each other.
  // The one exception: the CLI renders rule text from the same locale tables the extension ships.
  {
    files: ['shared/**/*.ts'],
    rules: {'no-restricted-imports': ['error', {patterns: [
      {group: ['**/extension/**', '**/bridge/**'], message: 'shared/ must not import extension/ or bridge/.'},
      {group: ['node:*', 'fs', 'path', 'net', 'http', 'child_process', 'os'], message: 'shared/ has no Node APIs.'},
    ]}]},
  },
  {
    files: ['extension/**/*.ts', 'extension/**/*.tsx'],
    rules: {'no-restricted-imports': ['error', {patterns: [{group: ['**/bridge/**'], message: 'extension/ talks to the bridge over the protocol, never by import.'}]}]},
  },
  {
    files: ['bridge/**/*.ts'],
    rules: {'no-restricted-imports': ['error', {patterns: [{group: ['**/extension/**'], message: 'bridge/ must not import extension/.'}]}]},
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    plugins: {vitest},
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/expect-expect': ['error', {assertFunctionNames: ['expect', 'expect*', 'assert*']}],
      'vitest/valid-title': 'off',
      // expect(value, message): the message says which row of a table failed.
      'vitest/valid-expect': ['error', {maxArgs: 2}],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {globals: {...globals.node}},
  },
  {
    files: ['**/*.cjs'],
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {globals: {...globals.node, ...globals.browser}},
    rules: {'no-restricted-syntax': ['error', ...noHtmlSinks]},
  },
);
