// Two projects: `unit` (in-process, fake clocks; the fast loop, `npm run test:unit`) and `integration`
// (spawns processes or runs on real clocks and sockets; needs `npm run build`). A test belongs to a project by
// its path (INTEGRATION below): processes, real clocks and sockets, dist/, long runs are integration;
// everything else under test/ is unit.
// test/interop/ (needs the AWS CLI) has its own config and script.

/** What both projects share. */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // Fails any test during which Node emits a process warning.
  setupFilesAfterEnv: ['<rootDir>/test/support/failOnWarning.ts'],
  testTimeout: 30000,
};

/**
 * Tests that spawn processes, run on real clocks and sockets, need dist/ or run long (the fault matrix, the
 * runnable docs, the Action's entry, CDK synthesis and its bundled handlers, the Step Functions
 * interpreter runs, fast-check's thousand-run properties): as regular expressions (to leave them out of
 * `unit`) and as globs (to run them in `integration`).
 */
const INTEGRATION = [
  ['test/integration/', 'test/integration/**/*.test.ts'],
  ['test/.*/process/', 'test/**/process/**/*.test.ts'],
  ['test/faults/', 'test/faults/**/*.test.ts'],
  ['test/docs/', 'test/docs/**/*.test.ts'],
  ['test/action/', 'test/action/**/*.test.ts'],
  ['test/cdk/', 'test/cdk/**/*.test.ts'],
  ['test/workflow/', 'test/workflow/**/*.test.ts'],
  ['test/cli/(shareProcess|firstMinutes|awsConfig|httpAgents)\\.test\\.ts', 'test/cli/{shareProcess,firstMinutes,awsConfig,httpAgents}.test.ts'],
  ['test/reliability/(leaks|binReproductions|properties)\\.test\\.ts', 'test/reliability/{leaks,binReproductions,properties}.test.ts'],
];
export const integrationFolders = INTEGRATION.map(([regex]) => `<rootDir>/${regex}`);
/** Tests that need the AWS CLI or botocore's model: `npm run test:interop` (jest.interop.config.js), so `npm test` passes on a machine with only Node and npm. */
export const separateFolders = ['<rootDir>/test/interop/'];

export const unitProject = {
  ...base,
  displayName: 'unit',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...integrationFolders, ...separateFolders],
};

export const integrationProject = {
  ...base,
  displayName: 'integration',
  testMatch: INTEGRATION.map(([, glob]) => `<rootDir>/${glob}`),
  testPathIgnorePatterns: ['/node_modules/', ...separateFolders],
};

/** @type {import('jest').Config} */
export default {
  projects: [unitProject, integrationProject],
  testTimeout: 30000,
  // The default reporter, plus the fault matrix's summary line (npm run test:faults, and inside npm test).
  reporters: ['default', '<rootDir>/test/support/faultMatrixReporter.mjs'],
  // The gate: `npm test` runs with --coverage and fails below it. v8 coverage works with ESM
  // (babel-istanbul instrumentation would need a transform of its own).
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'src/**/*.ts',
    // Process shells: a few lines that run only as child processes (argv, exit code, signals), which jest
    // cannot count; test/cli/process and test/simulator/process run them as processes.
    '!src/cli/bin.ts',
    // The entry of the bin's bundle (main on the real process's streams), run only inside it.
    '!src/cli/bundleEntry.ts',
    '!src/simulator/bin.ts',
    // The `npm start` demo: a script run as a process by test/integration/demo.test.ts.
    '!src/demo.ts',
  ],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 95, branches: 95 } },
};
