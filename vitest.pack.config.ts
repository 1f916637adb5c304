import { defineConfig } from 'vitest/config';

// npm run test:pack — the packaging smoke test (test/packaging/): about a minute, so it is kept out of
// npm run test:unit and run by CI (.ci/run) as its own step.
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
