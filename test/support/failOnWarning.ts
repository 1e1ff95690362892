// Registered in jest.config.js (setupFilesAfterEnv): a test during which Node emits a process warning
// (TimeoutOverflowWarning, MaxListenersExceededWarning, a deprecation…) fails, naming the warning. The
// library never writes to stderr, and Node's own warnings are its most likely way to do so anyway.
import { runInThisContext } from 'node:vm';

// Jest gives each test file a copy of `process` whose listeners Node never calls; warnings are emitted
// on the real one, reached from the main context.
const realProcess = runInThisContext('process') as NodeJS.Process;
const seen: Error[] = [];
const record = (warning: Error): void => {
  // Node's notice about --experimental-vm-modules (how jest runs ESM) is the runner's, not ours.
  if (warning.name === 'ExperimentalWarning' && /VM Modules/.test(warning.message)) return;
  seen.push(warning);
};

/**
 * For a test that causes a warning on purpose (to prove this set-up sees it): the warnings recorded so
 * far in the current test, which are then no longer held against it.
 */
export async function takeProcessWarnings(): Promise<Error[]> {
  await new Promise((resolve) => setImmediate(resolve));
  return seen.splice(0);
}
(globalThis as { takeProcessWarnings?: typeof takeProcessWarnings }).takeProcessWarnings = takeProcessWarnings;

beforeEach(() => {
  seen.length = 0;
  realProcess.on('warning', record);
});

afterEach(async () => {
  // Warnings are emitted on the next tick: let any the test caused arrive first.
  await new Promise((resolve) => setImmediate(resolve));
  realProcess.off('warning', record);
  if (seen.length > 0) {
    const list = seen.map((w) => `${w.name}: ${w.message}`).join('\n  ');
    seen.length = 0;
    throw new Error(`Node emitted a process warning during this test:\n  ${list}`);
  }
});
