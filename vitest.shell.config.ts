import { defineConfig } from 'vitest/config';

// The Electron shell tests (test/shell, docs/shell-tests.md): the built out/main and out/preload
// run under Node on the Electron fake, one process per scenario. They need `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/shell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Each scenario is its own Node process; two at a time on two cores.
    maxWorkers: 2,
  },
});
