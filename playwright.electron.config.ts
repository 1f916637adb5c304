import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the desktop shell under the real Electron runtime (Playwright's _electron).
// Not part of `npm test`. Where the runtime is missing every spec is skipped and the reason printed.
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/electron/support/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
