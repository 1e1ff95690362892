// The suite StrykerJS runs against each mutant (`npm run test:mutation`): the unit project plus the
// in-process integration tests (real SDK client, real HTTP, simulator on 127.0.0.1) that exercise the
// mutated modules. A flat config rather than `projects`, because the jest-runner installs its per-test
// coverage environment on the root config only. Process-spawning tests run dist/, which Stryker does
// not mutate, so they could not kill a mutant.
import { unitProject } from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...unitProject,
  displayName: undefined,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/integration/(?!(outcomes|logging|clientTimeouts)\\.test\\.ts$)',
    '<rootDir>/test/.*/process/',
    '<rootDir>/test/interop/',
    '<rootDir>/test/faults/',
    // The simulator's own tests: it shares no code with the mutated modules.
    '<rootDir>/test/simulator/',
  ],
  // A mutant that makes a test hang fails it by this time-out (cheap) before Stryker's own time-out
  // (which restarts the test process) fires. The slowest test here takes well under a second when alone
  // (the hung-call test's own bound is 5 s).
  testTimeout: 10000,
};
