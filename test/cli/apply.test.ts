// `apply` through main() with a fake plan library: parsing, what reaches applyPlan, and how each share's
// run is reported (table, made / not made, JSON, exit codes, GitHub Actions files).
import { ApiError, ShareCompletedWithErrorsError, ShareFailedError, WaitTimeoutError } from '../../src/errors.js';
import type { ApplyJsonReport } from '../../src/cli/applyFormat.js';
import type { ApplyCliLibrary } from '../../src/cli/applyLibrary.js';
import { main } from '../../src/cli/main.js';
import type { ApplyPlanConfiguration } from '../../src/plan/applyPlan.js';
import type { Plan } from '../../src/plan/planTypes.js';
import type { PlanShareRun } from '../../src/plan/runPlan.js';
import { InvalidPlanError, validatePlan } from '../../src/plan/validatePlan.js';
import type { ShareCallResult } from '../../src/shares/types.js';
import { parseGithubOutput } from '../support/githubOutput.js';
import { ENV, fakeIo, fakeLibrary, result } from './fakes.js';

const PLAN = validatePlan({
  shares: [
    { portfolioId: 'port-a', node: 'ou-ab12-prod0001' },
    { portfolioId: 'port-b', node: 'o-exampleorg01' },
    { action: 'update', portfolioId: 'port-a', node: '222222222222', shareTagOptions: true },
  ],
});
const [S0, S1, S2] = PLAN.shares as [Plan['shares'][number], Plan['shares'][number], Plan['shares'][number]];
const call = (token: string): ShareCallResult & { token: string } => ({ action: 'CREATE', request: { PortfolioId: 'port-a' }, portfolioId: 'port-a', token, callAttempts: 1, busySeconds: 0, calledAt: 0 });
const done = (index: number, share: typeof S0, token: string): PlanShareRun => ({ index, share, phase: 'done', token, call: call(token), result: result(token, { portfolioId: share.portfolioId, organizationNodeValue: share.node.Value }) });

const partial = new ShareCompletedWithErrorsError('Portfolio share share-b ended in COMPLETED_WITH_ERRORS', {
  status: 'COMPLETED_WITH_ERRORS',
  token: 'share-b',
  portfolioId: 'port-b',
  organizationNodeValue: 'o-exampleorg01',
  shareDetails: { SuccessfulShares: ['222222222222'], ShareErrors: [{ Accounts: ['333333333333'], Error: 'AccessDenied', Message: 'no' }] },
  failedAccounts: ['333333333333'],
  throttledAccounts: [],
  attempts: 4,
  elapsedSeconds: 9,
});

interface FakeApply extends ApplyCliLibrary {
  configs: ApplyPlanConfiguration[];
  reads: string[];
}

function fakeApply(runs: PlanShareRun[] | Error, read: Plan | Error = PLAN): FakeApply {
  const configs: ApplyPlanConfiguration[] = [];
  const reads: string[] = [];
  return {
    configs,
    reads,
    async readPlan(file) {
      reads.push(file);
      if (read instanceof Error || typeof read === 'string') throw read;
      return read;
    },
    async applyPlan(config) {
      configs.push(config);
      for (const run of runs instanceof Error ? [] : runs) config.onShareEnd?.(run);
      if (runs instanceof Error) throw runs;
      return { shares: runs, stats: { pending: 0, inFlight: 0, settled: 3, calls: 9, timedOutCalls: 0, maxCallsPerSecond: 20, stretch: { delayedChecks: 0, meanDelaySeconds: 0, maxDelaySeconds: 0, factor: 1 } } };
    },
  };
}

async function run(argv: string[], apply: FakeApply, env: Record<string, string> = ENV) {
  const io = fakeIo();
  const code = await main(['apply', '--file', 'plan.json', ...argv], env, io, { library: fakeLibrary(), applyLibrary: apply });
  return { code, out: io.out(), err: io.err(), io };
}

describe('usage errors and bad plans: exit 2, no share call', () => {
  test.each([
    [['--timeout', '0'], "error: --timeout must be a number of seconds greater than 0, got '0'"],
    [['--max-calls-per-second', '0.5'], "error: --max-calls-per-second must be a number of calls of 1 or more, got '0.5'"],
    [['--min-delay', '5', '--max-delay', '1'], 'error: --min-delay (5) must not be greater than --max-delay (1)'],
  ])('%j', async (argv, message) => {
    const apply = fakeApply([]);
    expect(await run(argv, apply)).toMatchObject({ code: 2, out: '', err: `${message}\nRun 'portfolio-share apply --help' for usage.\n` });
    expect(apply.reads).toEqual([]);
  });

  test('without --file', async () => {
    const io = fakeIo();
    expect(await main(['apply'], ENV, io)).toBe(2);
    expect(io.err()).toBe("error: required option '--file <path>' not specified\nRun 'portfolio-share apply --help' for usage.\n");
    const empty = fakeApply([]);
    expect(await main(['apply', '--file', ' '], ENV, fakeIo(), { applyLibrary: empty })).toBe(2);
    expect(empty.reads).toEqual([]);
  });

  test('a plan with problems: every problem on stderr, and in the JSON document', async () => {
    const bad = new InvalidPlanError([{ path: 'shares[1].node', message: 'not a node' }, { path: 'shares[2]', message: 'repeats shares[0]' }], 'plan.json');
    const apply = fakeApply([], bad);
    const text = await run([], apply);
    expect(text).toEqual({ code: 2, out: '', err: 'error: plan.json is not a valid plan (2 problems); nothing was done:\n  shares[1].node: not a node\n  shares[2]: repeats shares[0]\n', io: text.io });
    const json = await run(['--output', 'json'], apply);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ command: 'apply', file: 'plan.json', dryRun: false, exitCode: 2, problems: bad.problems, error: null, plan: null, results: [], notMade: null });
    expect(apply.configs).toEqual([]);
  });

  test('an unreadable file', async () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'plan.json'"), { code: 'ENOENT' });
    const { code, out, err } = await run([], fakeApply([], missing));
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: "error: could not read the plan file plan.json: ENOENT: no such file or directory, open 'plan.json'\n" });
  });

  test('unknown portfolios, found by applyPlan before any share call', async () => {
    const unknown = new InvalidPlanError([{ path: 'shares[1].portfolioId', message: 'portfolio port-b was not found' }], 'plan.json');
    const { code, out, err } = await run(['--output', 'json'], fakeApply(unknown));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: plan\.json is not a valid plan \(1 problem\)/);
    expect(JSON.parse(out)).toMatchObject({ exitCode: 2, problems: unknown.problems, plan: PLAN, results: [] });
  });
});

test('--dry-run prints the plan in run order and calls nothing', async () => {
  const apply = fakeApply([]);
  const text = await run(['--dry-run'], apply, {});
  expect(text.code).toBe(0);
  expect(text.out).toBe(
    '3 shares, valid; dry run, nothing was called. Would run, one share at a time per portfolio, in this order:\n' +
      '  #  action  portfolio  node\n' +
      '  0  create  port-a     ou-ab12-prod0001\n' +
      '  1  create  port-b     o-exampleorg01\n' +
      '  2  update  port-a     222222222222\n',
  );
  const json = await run(['--dry-run', '--output', 'json'], apply, {});
  expect(JSON.parse(json.out)).toEqual({ command: 'apply', file: 'plan.json', dryRun: true, exitCode: 0, problems: [], error: null, plan: PLAN, results: [], notMade: null });
  expect(apply.configs).toEqual([]);
});

test('the options reach applyPlan; every share made: table, made list, exit 0', async () => {
  const apply = fakeApply([done(0, S0, 'share-a0'), done(1, S1, 'share-b1'), done(2, S2, 'share-a2')]);
  const { code, out, err } = await run(['--timeout', '900', '--min-delay', '1', '--max-delay', '4', '--max-calls-per-second', '5', '--accept-partial', '--keep-going', '--not-found-grace', '10', '--log-level', 'info'], apply);
  expect(code).toBe(0);
  expect(apply.configs[0]).toMatchObject({ maxWaitTime: 900, minDelay: 1, maxDelay: 4, maxCallsPerSecond: 5, acceptPartialSuccess: true, keepGoing: true, notFoundGraceSeconds: 10, source: 'plan.json', clientConfig: { region: 'us-east-1' } });
  expect(out).toBe(
    '3 shares on 2 portfolios; exit code 0\n' +
      '  #  action  portfolio  node              status     ok  failed  exit  token\n' +
      '  0  create  port-a     ou-ab12-prod0001  COMPLETED  2   0       0     share-a0\n' +
      '  1  create  port-b     o-exampleorg01    COMPLETED  2   0       0     share-b1\n' +
      '  2  update  port-a     222222222222      COMPLETED  2   0       0     share-a2\n' +
      'made (3): shares[0] share-a0, shares[1] share-b1, shares[2] share-a2\n' +
      'not made (0): none\n',
  );
  // Each share's end is logged on stderr.
  expect(err.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; share: number })).toEqual(
    [0, 1, 2].map((share) => expect.objectContaining({ msg: 'share ended', share })),
  );
});

test('a failure half-way: the worst exit code, what was made (with tokens) and what was not, and a plan to re-run', async () => {
  const failed: PlanShareRun = { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: partial };
  const refused = new ApiError('UpdatePortfolioShare of portfolio port-a with 222222222222 failed with ResourceNotFoundException: not shared', { serviceErrorName: 'ResourceNotFoundException', serviceMessage: 'not shared', attempts: 1 });
  const runs: PlanShareRun[] = [done(0, S0, 'share-a0'), failed, { index: 2, share: S2, phase: 'call-failed', error: refused }];
  const text = await run([], fakeApply(runs));
  expect(text.code).toBe(4);
  expect(text.out).toContain('  1  create  port-b     o-exampleorg01    COMPLETED_WITH_ERRORS                1   1       1     share-b\n');
  expect(text.out).toContain('  2  update  port-a     222222222222      API error ResourceNotFoundException  -   -       4     (not made)\n');
  expect(text.out).toContain('made (2): shares[0] share-a0, shares[1] share-b\nnot made (1): shares[2] (call failed)\n');
  expect(text.out).toContain('\nshares[1] share-b: COMPLETED_WITH_ERRORS after 9s (4 checks)\n');
  expect(text.out).toContain("\nshares[2] port-a/222222222222: API error ResourceNotFoundException: not shared\n  portfolio   port-a\n  node        222222222222\n  advice      check the share's portfolioId and node in the plan (update and delete need an existing share)");

  const json = JSON.parse((await run(['--output', 'json'], fakeApply(runs))).out) as ApplyJsonReport;
  expect(json.exitCode).toBe(4);
  expect(json.results.map((r) => [r.index, r.made, r.token, r.outcome, r.exitCode])).toEqual([
    [0, true, 'share-a0', 'completed', 0],
    [1, true, 'share-b', 'failed', 1],
    [2, false, null, 'api-error', 4],
  ]);
  expect(json.notMade).toEqual({ shares: [{ action: 'update', portfolioId: 'port-a', node: '222222222222', shareTagOptions: true }] });
});

test('shares not started take the code of what stopped the run: the first failure, the deadline, a signal', async () => {
  const timeout = new WaitTimeoutError('timed out', { token: 'share-a0', lastStatus: 'IN_PROGRESS', attempts: 5, elapsedSeconds: 60 });
  const runs = (reason: Extract<PlanShareRun, { phase: 'not-started' }>['reason']): PlanShareRun[] => [
    { index: 0, share: S0, phase: 'wait-failed', token: 'share-a0', call: call('share-a0'), error: timeout },
    done(1, S1, 'share-b1'),
    { index: 2, share: S2, phase: 'not-started', reason },
  ];
  const after = JSON.parse((await run(['--output', 'json'], fakeApply(runs({ kind: 'after-failure', failedIndex: 0 })))).out) as ApplyJsonReport;
  expect(after.results[2]).toMatchObject({ outcome: 'not-started', exitCode: 3, made: false, token: null, status: null });
  const late = await run([], fakeApply(runs({ kind: 'deadline' })));
  expect(late.code).toBe(3);
  expect(late.out).toContain('  0  create  port-a     ou-ab12-prod0001  timed out (IN_PROGRESS)  -   -       3     share-a0\n');
  expect(late.out).toContain('  2  update  port-a     222222222222      not started              -   -       3     (not made)\n');
  expect(late.out).toContain('not made (1): shares[2] (not started)\n\nshares[0] share-a0: timed out after 60s (5 checks); last status IN_PROGRESS\n');
  expect(late.out).toContain("\nshares[2] port-a/222222222222: not started: the plan reached its deadline (--timeout) before this share's turn\n");
  const stopped = await run([], fakeApply(runs({ kind: 'after-failure', failedIndex: 0 })));
  expect(stopped.out).toContain('not started: shares[0] failed first, so no new share was started (--keep-going goes on)');
  const aborted = await run([], fakeApply(runs({ kind: 'aborted' })));
  expect(aborted.code).toBe(130);
  expect(aborted.out).toContain('not started: interrupted by a signal before this share');
});

test('a signal during apply aborts it: exit 130/143, applyPlan sees the abort', async () => {
  const io = fakeIo();
  let seen: AbortSignal | undefined;
  const apply: ApplyCliLibrary = {
    readPlan: async () => PLAN,
    applyPlan: async (config) => {
      seen = config.abortSignal;
      io.signal('SIGTERM');
      return { shares: PLAN.shares.map((share, index): PlanShareRun => ({ index, share, phase: 'not-started', reason: { kind: 'aborted' } })), stats: { pending: 0, inFlight: 0, settled: 0, calls: 0, timedOutCalls: 0, maxCallsPerSecond: 20, stretch: { delayedChecks: 0, meanDelaySeconds: 0, maxDelaySeconds: 0, factor: 1 } } };
    },
  };
  expect(await main(['apply', '--file', 'p.yaml'], ENV, io, { library: fakeLibrary(), applyLibrary: apply })).toBe(143);
  expect(seen?.aborted).toBe(true);
  expect(io.out()).toContain('not started: interrupted by SIGTERM before this share');
  // An interrupted portfolio check (applyPlan rejects) exits with the signal's code too.
  const io2 = fakeIo();
  const rejecting: ApplyCliLibrary = {
    readPlan: async () => PLAN,
    applyPlan: async () => {
      io2.signal('SIGINT');
      throw new ApiError('DescribePortfolio of portfolio port-a failed with AbortError', { serviceErrorName: 'AbortError', serviceMessage: 'aborted' });
    },
  };
  expect(await main(['apply', '--file', 'p.yaml'], ENV, io2, { library: fakeLibrary(), applyLibrary: rejecting })).toBe(130);
});

test('AWS setup problems and a failed portfolio check exit 4 before any share', async () => {
  const noRegion = await run(['--output', 'json'], fakeApply([]), {});
  expect(noRegion.code).toBe(4);
  expect(noRegion.err).toMatch(/^error: no AWS region/);
  expect(JSON.parse(noRegion.out)).toMatchObject({ exitCode: 4, error: { name: 'MissingRegion' }, plan: PLAN, results: [] });
  const denied = new ApiError('DescribePortfolio of portfolio port-a failed with AccessDeniedException: no; plan.json was not applied (nothing was shared).', { serviceErrorName: 'AccessDeniedException', serviceMessage: 'no' });
  const failed = await run([], fakeApply(denied));
  expect({ code: failed.code, out: failed.out, err: failed.err }).toEqual({ code: 4, out: '', err: `error: ${denied.message}\n` });
});

test('in GitHub Actions: annotations, outputs and a step summary with the shares not made', async () => {
  const runs: PlanShareRun[] = [done(0, S0, 'share-a0'), { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: partial }, { index: 2, share: S2, phase: 'not-started', reason: { kind: 'after-failure', failedIndex: 1 } }];
  const env = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/gh/output', GITHUB_STEP_SUMMARY: '/gh/summary' };
  const { code, out, io } = await run([], fakeApply(runs), env);
  expect(code).toBe(1);
  expect(out).toContain('::error title=Portfolio share share-b::COMPLETED_WITH_ERRORS: AccessDenied on 1 account (333333333333): no\n');
  expect(out).toContain('::error title=Portfolio share port-a/222222222222::not started: shares[1] failed first');
  const outputs = parseGithubOutput(io.files.get('/gh/output') ?? '');
  expect(outputs).toMatchObject({ 'exit-code': '1', outcome: 'failed', status: 'COMPLETED_WITH_ERRORS' });
  expect((JSON.parse(outputs.result ?? '') as ApplyJsonReport).notMade?.shares).toHaveLength(1);
  const summary = io.files.get('/gh/summary') ?? '';
  expect(summary).toMatch(/^### portfolio-share apply: exit code 1\n/);
  expect(summary).toContain('| `port-a/222222222222` | ⏭️ not-started | — | port-a | 222222222222 | 0 | 0 | — |');
  expect(summary).toContain('**Not made** (re-run them): `shares[2]` update port-a/222222222222\n');
  // With --output json, annotations go to stderr so stdout stays one document.
  const json = await run(['--output', 'json'], fakeApply(runs), env);
  expect(() => JSON.parse(json.out) as unknown).not.toThrow();
  expect(json.err).toContain('::error title=Portfolio share share-b::');
});

test('--quiet prints only the shares that did not pass', async () => {
  const failed: PlanShareRun = { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: partial };
  const quiet = await run(['--quiet'], fakeApply([done(0, S0, 'share-a0'), failed, done(2, S2, 'share-a2')]));
  expect(quiet.code).toBe(1);
  expect(quiet.out).toMatch(/^shares\[1\] share-b: COMPLETED_WITH_ERRORS after 9s \(4 checks\)\n/);
  expect(quiet.out).not.toContain('share-a0');
  expect((await run(['--quiet'], fakeApply([done(0, S0, 'share-a0'), done(1, S1, 'share-b1'), done(2, S2, 'share-a2')]))).out).toBe('');
});

describe('every kind of share outcome in the table', () => {
  const foreign = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  const denied = new ApiError('CreatePortfolioShare of portfolio port-b failed with AccessDeniedException: no', { serviceErrorName: 'AccessDeniedException', serviceMessage: 'no' });
  const silent = new ApiError('CreatePortfolioShare of portfolio port-b failed with Weird: odd', { serviceErrorName: 'Weird', serviceMessage: 'odd' });
  const noStatus = new WaitTimeoutError('timed out', { token: 'share-a0', attempts: 0, elapsedSeconds: 60 });

  test.each([
    ['a foreign error on the call (no service error name)', { index: 1, share: S1, phase: 'call-failed', error: 'not an Error' } as PlanShareRun, /^ {2}1 +create +port-b +o-exampleorg01 +API error +- +- +4 +\(not made\)$/m],
    ['a credentials failure on the call', { index: 1, share: S1, phase: 'call-failed', error: foreign } as PlanShareRun, /^ {2}1 +create .* API error CredentialsProviderError +- +- +4 +\(not made\)$/m],
    ['access denied on the call: advice for the account to run as', { index: 1, share: S1, phase: 'call-failed', error: denied } as PlanShareRun, /advice {6}run as the account that owns the portfolio/],
    ['an unknown service error on the call: no advice of apply\'s own', { index: 1, share: S1, phase: 'call-failed', error: silent } as PlanShareRun, /API error Weird: odd\n {2}portfolio {3}port-b\n {2}node {8}o-exampleorg01\n/],
    [
      'a share that ended ERROR with no successful account',
      { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: new ShareFailedError('ERROR', { status: 'ERROR', token: 'share-b', shareDetails: { ShareErrors: [{ Accounts: ['333333333333'], Error: 'X', Message: 'y' }] }, failedAccounts: ['333333333333'], throttledAccounts: [], attempts: 2, elapsedSeconds: 4 }) } as PlanShareRun,
      /^ {2}1 +create .* ERROR +0 +1 +1 +share-b$/m,
    ],
    ['a node refused by validation: advice about the node', { index: 1, share: S1, phase: 'call-failed', error: new ApiError('refused', { serviceErrorName: 'ValidationException', serviceMessage: 'bad' }) } as PlanShareRun, /advice {6}check the share's node in the plan/],
    ['a timeout before any answer', { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: noStatus } as PlanShareRun, /^ {2}1 +create .* timed out \(no status\) +- +- +3 +share-b$/m],
  ])('%s', async (_name, failed, expected) => {
    const { out } = await run([], fakeApply([done(0, S0, 'share-a0'), failed, { index: 2, share: S2, phase: 'not-started', reason: { kind: 'after-failure', failedIndex: 1 } }]));
    expect(out).toMatch(expected);
  });

  test('an interrupted wait', async () => {
    const { WaitAbortedError } = await import('../../src/errors.js');
    const aborted = new WaitAbortedError('aborted', { token: 'share-a0', attempts: 2, elapsedSeconds: 3 });
    const { code, out } = await run([], fakeApply([{ index: 0, share: S0, phase: 'wait-failed', token: 'share-a0', call: call('share-a0'), error: aborted }, done(1, S1, 'share-b1'), { index: 2, share: S2, phase: 'not-started', reason: { kind: 'aborted' } }]));
    expect(code).toBe(130);
    expect(out).toMatch(/^ {2}0 +create .* interrupted +- +- +130 +share-a0$/m);
  });
});

test('one share: singular words; a stretched budget is logged; a readPlan that throws a non-Error', async () => {
  const one = validatePlan({ shares: [{ portfolioId: 'port-a', node: 'o-exampleorg01' }] });
  const dry = await run(['--dry-run'], fakeApply([], one));
  expect(dry.out).toMatch(/^1 share, valid; dry run/);
  const stretched: ApplyCliLibrary = {
    readPlan: async () => one,
    applyPlan: async () => ({
      shares: [done(0, one.shares[0] as typeof S0, 'share-one')],
      stats: { pending: 0, inFlight: 0, settled: 1, calls: 40, timedOutCalls: 0, maxCallsPerSecond: 1, stretch: { delayedChecks: 30, meanDelaySeconds: 2, maxDelaySeconds: 5, factor: 1.8 } },
    }),
  };
  const io = fakeIo();
  expect(await main(['apply', '--file', 'one.json', '--log-level', 'info'], ENV, io, { library: fakeLibrary(), applyLibrary: stretched })).toBe(0);
  expect(io.out()).toMatch(/^1 share on 1 portfolio; exit code 0\n/);
  expect(io.err()).toContain('the call budget (--max-calls-per-second) stretched the schedule');
  const odd = await run(['--output', 'json'], fakeApply([], 'no such thing' as unknown as Error));
  expect(odd.code).toBe(2);
  expect(odd.err).toBe('error: could not read the plan file plan.json: no such thing\n');
  expect(JSON.parse(odd.out)).toMatchObject({ error: { name: 'Error', message: 'no such thing' } });
});

test('colors on a terminal (not with NO_COLOR); a second signal is ignored; every share made: no Not made line in the summary', async () => {
  const runs = [done(0, S0, 'share-a0'), done(1, S1, 'share-b1'), done(2, S2, 'share-a2')];
  const failing = [done(0, S0, 'share-a0'), { index: 1, share: S1, phase: 'wait-failed', token: 'share-b', call: call('share-b'), error: partial } as PlanShareRun, done(2, S2, 'share-a2')];
  const tty = fakeIo({ stdoutTTY: true });
  await main(['apply', '--file', 'plan.json'], ENV, tty, { library: fakeLibrary(), applyLibrary: fakeApply(failing) });
  expect(tty.out()).toContain('shares[1] share-b: \x1b[31mCOMPLETED_WITH_ERRORS\x1b[0m');
  const plain = fakeIo({ stdoutTTY: true, stderrTTY: true });
  await main(['apply', '--file', 'plan.json'], { ...ENV, NO_COLOR: '1' }, plain, { library: fakeLibrary(), applyLibrary: fakeApply(failing) });
  expect(plain.out()).toContain('shares[1] share-b: COMPLETED_WITH_ERRORS');
  expect(plain.out()).not.toContain('\x1b[');

  const io = fakeIo();
  const twice: ApplyCliLibrary = {
    readPlan: async () => PLAN,
    applyPlan: async () => {
      io.signal('SIGINT');
      io.signal('SIGTERM');
      return { shares: PLAN.shares.map((share, index): PlanShareRun => ({ index, share, phase: 'not-started', reason: { kind: 'aborted' } })), stats: { pending: 0, inFlight: 0, settled: 0, calls: 0, timedOutCalls: 0, maxCallsPerSecond: 20, stretch: { delayedChecks: 0, meanDelaySeconds: 0, maxDelaySeconds: 0, factor: 1 } } };
    },
  };
  expect(await main(['apply', '--file', 'plan.json'], ENV, io, { library: fakeLibrary(), applyLibrary: twice })).toBe(130);

  const gh = fakeIo();
  const env = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/gh/summary' };
  expect(await main(['apply', '--file', 'plan.json'], env, gh, { library: fakeLibrary(), applyLibrary: fakeApply(runs) })).toBe(0);
  expect(gh.files.get('/gh/summary')).not.toContain('Not made');
  expect(gh.files.get('/gh/summary')).toContain('| `share-a2` | ✅ completed | COMPLETED | port-a | 222222222222 | 2 | 0 | 13s |');
});
