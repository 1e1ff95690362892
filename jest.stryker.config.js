// The suite StrykerJS runs against each mutant (`npm run test:mutation`): the unit project, where time is
// fake and a mutant that breaks the schedule or the deadline fails in milliseconds. Left out: the
// integration tests (on a mutant that keeps a wait polling they run to the deadline over real HTTP, and
// most such mutants then time out instead of failing; every one of them is also caught by a unit test on
// fake time), process tests (they run dist/, which Stryker does not mutate) and the simulator's own
// tests (no code in common with the mutated modules). A flat config rather than `projects`, because the
// jest-runner installs its per-test coverage environment on the root config only.
import { unitProject } from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...unitProject,
  displayName: undefined,
  // src/ in the roots so that jest's dependency graph (Stryker's enableFindRelatedTests) sees every path
  // from a test to a mutated file; tests are still matched under test/ only.
  roots: ['<rootDir>/test', '<rootDir>/src'],
  // The unit project's own exclusions (integration, process, docs, Action, CDK, Step Functions, the
  // spawning and long-running reliability tests, interop) plus the simulator's own tests. Spread from
  // unitProject so a test moved to the integration project leaves this set too.
  testPathIgnorePatterns: [...unitProject.testPathIgnorePatterns, '<rootDir>/test/simulator/'],
  // A mutant that makes a test hang fails it by this time-out (cheap) before Stryker's own time-out
  // (which restarts the test process) fires. The slowest test here takes well under a second when alone
  // (the hung-call test's own bound is 5 s).
  testTimeout: 10000,
};
