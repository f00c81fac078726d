import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import noWordsInJsx from './scripts/eslint-no-words-in-jsx.js';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'release/', 'build/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Every word the renderer shows comes from the message catalogs (renderer/i18n/intl.ts):
    // no text written straight into JSX, and each message's id is the hash of its English,
    // so a changed English sentence needs its translations again (tests/unit/catalogs.test.ts).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { formatjs, hearth: { rules: { 'no-words-in-jsx': noWordsInJsx } } },
    settings: { formatjs: { additionalFunctionNames: ['t', 'tRich'] } },
    rules: {
      'formatjs/enforce-id': ['error', { idInterpolationPattern: '[sha512:contenthash:base64:6]' }],
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
      'hearth/no-words-in-jsx': 'error',
    },
  },
  {
    // The core's and the server's sentences (contract/words.ts) are catalog messages too.
    files: ['contract/words.ts'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-id': ['error', { idInterpolationPattern: '[sha512:contenthash:base64:6]' }],
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
    },
  },
  {
    // The architecture's import rules (DESIGN.md): contract imports nothing of ours,
    // renderer talks only through the contract, db never reaches into the shell or UI.
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../db/*', '../electron/*', '../renderer/*', '../host/*', 'node:*'] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/db/**', '**/electron/**', '**/host/**', 'node:*'] },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        // The device never imports server code: what both need lives in contract/.
        { patterns: ['**/electron/**', '**/renderer/**', '**/host/**', '**/server/**'] },
      ],
    },
  },
);
