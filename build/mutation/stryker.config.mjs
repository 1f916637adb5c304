// @ts-check
/**
 * Stryker's settings for `npm run mutation` (build/scripts/mutation.mjs runs it): mutants of
 * shared/vote and shared/draw, killed by the unit tests of those two folders only.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'build/mutation/vitest.config.ts', related: false },
  // Stryker's TypeScript checker and its tsconfig rewriting load the `typescript` package's JS API,
  // which TypeScript 7 no longer has: no checker (vitest strips the types, so a mutant that would
  // not type-check still runs and is judged by the tests), and a tsconfig path that is not a
  // project file, so the sandbox keeps the repository's tsconfig.json untouched.
  checkers: [],
  tsconfigFile: 'build/mutation/tsconfig-not-rewritten.json',
  mutate: ['shared/vote/**/*.ts', 'shared/draw/**/*.ts', '!shared/*/index.ts'],
  // Chinese message texts: a changed word is a wording test, not a counting or draw bug.
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A static mutant (one in a module-level constant, or reached while a test file is collected)
  // re-runs every test file from a cold import; on a loaded 2-core machine that alone can pass the
  // default 5 s and be counted as a "timeout" (a kill) without any test having judged it. An
  // endless loop in static code is still caught at once by Stryker's hit limit.
  timeoutMS: 30_000,
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'artifacts/mutation/mutation.json' },
  htmlReporter: { fileName: 'artifacts/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  incrementalFile: 'artifacts/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'artifacts', 'test-results', 'playwright-report', 'test/e2e', 'renderer', 'electron'],
};
