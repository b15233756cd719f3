// The architecture as lint: the dependency direction of ARCHITECTURE.md, no cycles, no warnings.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const zones = [
  // core imports nothing of ours.
  { target: './packages/core', from: ['./packages/contracts', './packages/db', './apps'], message: 'packages/core is pure: it imports nothing of ours.' },
  // contracts may import core only.
  { target: './packages/contracts', from: ['./packages/db', './apps'], message: 'contracts may only import core.' },
  // db imports core only.
  { target: './packages/db', from: ['./packages/contracts', './apps'], message: 'db may only import core.' },
  // web talks to the server only through contracts.
  { target: './apps/web', from: ['./packages/db', './apps/server'], message: 'The web app reaches the server only through packages/contracts.' },
  { target: './apps/server', from: ['./apps/web'], message: 'The server does not import web code.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tandem*/**', 'packages/db/migrations/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ noWarnOnMultipleProjects: true, project: ['packages/*/tsconfig.json', 'apps/*/tsconfig.json', 'e2e/tsconfig.json', 'bench/tsconfig.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tandem/db', '@tandem/db/*', '@tandem/server', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/pglite'], message: 'Only the server and db reach the database.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Only these may reach the database.
    files: ['packages/db/**', 'apps/server/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'core is pure: pass values in.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core takes an Rng argument; Math.random() is not allowed.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core takes now as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core takes now as an argument.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'core takes now as an argument.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'http', 'zod', '@tandem/*'], message: 'core is pure TypeScript with no dependencies.' }] }],
    },
  },
);
