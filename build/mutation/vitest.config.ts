import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against each mutant of shared/vote and shared/draw: only the tests of
 * those two folders, so a mutant costs a fraction of a second rather than the whole suite.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/unit/vote/**/*.test.ts', 'test/unit/draw/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
