import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { tfjsWasmThreadsPlugin } from './scripts/viteTfjsWasmThreads.ts';

/**
 * Cross-origin isolation: with these two headers the page gets SharedArrayBuffer, so the wasm backend
 * runs its threaded-SIMD build on every core. Static hosts need the same pair (public/_headers, README).
 */
const CROSS_ORIGIN_ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// One config for the app (vite) and the unit tests (vitest).
export default defineConfig({
  plugins: [react(), tfjsWasmThreadsPlugin()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: { port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION },
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.science.test.ts', '**/*.science-extra.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        // The paper's findings at toy scale: minutes of training, run by `npm run test:science`.
        extends: true,
        test: { name: 'science', include: ['cli/**/*.science.test.ts'], testTimeout: 1_200_000, hookTimeout: 1_200_000 },
      },
      {
        // Longer science (scorer ladder, online vs held-out reference, RHO): `npm run test:science:extra`, not in CI.
        extends: true,
        test: { name: 'science-extra', include: ['cli/**/*.science-extra.test.ts'], testTimeout: 3_600_000, hookTimeout: 3_600_000 },
      },
    ],
  },
});
