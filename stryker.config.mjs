// Mutation testing of the core waiter and the CLI's outcome and exit-code modules: `npm run test:mutation`.
// The score and every surviving mutant (killed since, or why it is equivalent) are in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs ESM only under this flag.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  // enableFindRelatedTests: each mutant runs only the test files that import its file (jest's dependency
  // graph), then only the tests that covered it. Checked on 2026-11-26: for every mutated file, the files
  // whose tests cover one of its mutants are a subset of its related files (docs/testing.md). Without it
  // jest loads all 50 unit test files for every mutant (about 20 s each on this machine).
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // String literals: 245 of the 1,079 mutants in the last run, nearly all of them error and log message texts; left out
  // for the time they cost. A few literals do carry logic (status names in case labels and comparisons,
  // 'ResourceNotFoundException', 'retry', 'cause', 'SIGTERM'): their conditions are still mutated (forced
  // true/false, operators flipped) by the other mutators, but the literal texts are not (docs/testing.md).
  mutator: { excludedMutations: ['StringLiteral'] },
  mutate: [
    'src/waitUntilPortfolioShareComplete.ts',
    'src/acceptor.ts',
    'src/schedule.ts',
    'src/describe.ts',
    'src/errors.ts',
    'src/validate.ts',
    'src/finiteNumber.ts',
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
  // Static mutants are tested, not ignored. A static mutant is reached while a module loads (a
  // module-level constant such as the schedule presets, or a test file that builds its fixtures at load
  // time). Stryker runs it against all the related tests with the module reloaded. With ignoreStatic on,
  // a "hybrid" mutant (reached at load and by some test) was instead switched on only after loading, for
  // the tests that reached it: whatever was built at load stayed unmutated, so such mutants were reported
  // as survivors that the tests do in fact kill (docs/testing.md).
  ignoreStatic: false,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  ignorePatterns: ['dist', 'coverage', 'reports', '.tmp', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
