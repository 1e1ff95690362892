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
  // String literals: 462 of the 1,129 mutants, most of them error and log message texts. Not mutated here;
  // the literals that carry logic (status names and case labels, 'ResourceNotFoundException', 'retry',
  // 'cause', 'SIGTERM') are also pinned by the outcome tests of their branches. Logic, conditions,
  // arithmetic, objects, arrays and module-level constants stay (docs/testing.md).
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
  // The machine is shared: two test processes. Incremental mode (reports/stryker-incremental.json, kept
  // out of git) retests only mutants whose code or tests changed since the last run; delete the file for
  // a complete run, as the score in docs/testing.md was measured.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Generous: the machine is shared and a loaded run is slow, not hung. A mutant that really hangs a test
  // fails it by jest's own time-out (jest.stryker.config.js) first, which costs no process restart.
  timeoutMS: 20000,
  // Static mutants (module-level constants: the schedule presets, the retry defaults, the exit codes and
  // their severity) are tested too: each reruns the whole unit set (about 15 s), which the run can afford.
  ignoreStatic: false,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  ignorePatterns: ['dist', 'coverage', 'reports', '.tmp', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
