// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** src/core is pure TypeScript + tfjs: no React, no DOM, nothing from the layers above it. */
export const coreBoundary = {
  files: ['src/core/**/*.ts'],
  languageOptions: { globals: { ...globals.es2022 } },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'recharts', 'recharts/*'],
            message: 'src/core must not import UI libraries (React, recharts): keep it runnable in Node and workers.',
          },
          {
            group: ['**/worker', '**/worker/**', '**/features', '**/features/**', '**/app', '**/app/**', '**/cli/**'],
            message:
              'src/core must not import from src/worker, src/features, src/app or cli (layers point one way: core ← worker ← features ← app; cli uses core).',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'window', message: 'src/core has no DOM: pass what you need in as an argument.' },
      { name: 'document', message: 'src/core has no DOM: pass what you need in as an argument.' },
      { name: 'localStorage', message: 'src/core has no DOM storage: persistence lives above core.' },
      { name: 'indexedDB', message: 'src/core has no DOM storage: persistence lives above core.' },
    ],
  },
};

/** src/worker sits on core only. */
const workerBoundary = {
  files: ['src/worker/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['react', 'react-dom', 'recharts', '**/features/**', '**/app/**'], message: 'src/worker must not import UI code.' },
        ],
      },
    ],
  },
};

/** src/features sit below the app shell. */
const featuresBoundary = {
  files: ['src/features/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/app', '**/app/**'],
            message: 'src/features must not import from src/app (the shell composes features, not the other way).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'bench/results*', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  coreBoundary,
  workerBoundary,
  featuresBoundary,
);
