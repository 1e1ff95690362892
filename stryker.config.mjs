// Mutation testing of the core waiter and the CLI's outcome and exit-code modules: `npm run test:mutation`.
// The score and every surviving mutant (killed since, or why it is equivalent) are in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs ESM only under this flag.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  // Message texts: every one is an error or log message whose wording tests pin in places, but mutating
  // each literal would double the run for little signal. Logic, conditions, arithmetic and objects stay.
  mutator: { excludedMutations: ['StringLiteral'] },
  mutate: [
    'src/waitUntilPortfolioShareComplete.ts',
    'src/acceptor.ts',
    'src/schedule.ts',
    'src/describe.ts',
    'src/errors.ts',
    'src/validate.ts',
    'src/cli/outcome.ts',
    'src/cli/exitCodes.ts',
  ],
  // The machine is shared: one or two test processes, and only mutants whose code or tests changed since
  // the last run are tested again (reports/stryker-incremental.json, kept out of git).
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Generous: the machine is shared and a loaded run is slow, not hung. A mutant that really hangs a test
  // fails it by jest's own time-out (jest.stryker.config.js) first, which costs no process restart.
  timeoutMS: 20000,
  // A static mutant (a module-level constant) is covered by every test, so each would rerun the whole
  // suite; they are left out and listed as ignored. The constants they would change are checked by value.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  ignorePatterns: ['dist', 'coverage', 'reports', '.tmp', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
