import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const expectedValues = [
  'ApiError',
  'DEFAULT_MAX_DELAY_SECONDS',
  'DEFAULT_MIN_DELAY_SECONDS',
  'InvalidInputError',
  'PortfolioShareWaiterError',
  'ShareCompletedWithErrorsError',
  'ShareFailedError',
  'WaitAbortedError',
  'WaitTimeoutError',
  'computeDelay',
  'createSharePool',
  'SCHEDULE_PRESETS',
  'defaultDelaySchedule',
  'getPortfolioShareStatus',
  'silentLogger',
  'waitUntilPortfolioShareComplete',
];

describe('the package, imported by its name', () => {
  it('exports the waiter, the status check, the schedule and the errors (built dist/, Node self-reference)', () => {
    // A separate Node process resolves the name through package.json "exports", exactly as a user's code does.
    const script = "const m = await import('portfolio-share-waiter'); console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]))));";
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const exported = JSON.parse(output) as Record<string, string>;
    for (const name of expectedValues) expect(exported).toHaveProperty(name);
    expect(exported.waitUntilPortfolioShareComplete).toBe('function');
    expect(exported.getPortfolioShareStatus).toBe('function');
    expect(exported.computeDelay).toBe('function');
    expect(exported.ApiError).toBe('function');
  });

  it('rejects bad input with the exported error class', () => {
    const script = [
      "const { waitUntilPortfolioShareComplete, InvalidInputError, PortfolioShareWaiterError } = await import('portfolio-share-waiter');",
      "try { await waitUntilPortfolioShareComplete({ clientConfig: { region: 'us-east-1' }, maxWaitTime: 0 }, { PortfolioShareToken: 'share-x' }); }",
      'catch (e) { console.log(JSON.stringify({ invalid: e instanceof InvalidInputError, base: e instanceof PortfolioShareWaiterError, json: e.toJSON() })); }',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      invalid: true,
      base: true,
      json: {
        name: 'InvalidInputError',
        code: 'INVALID_INPUT',
        option: 'maxWaitTime',
        received: 0,
        message: 'maxWaitTime must be a finite number of seconds greater than 0, but received 0; pass how long to wait at most, in seconds, e.g. 900.',
      },
    });
  });
});
