// `create`, `update` and `delete` through main() with a fake share library: parsing, what is passed to
// the library, and how each outcome is reported.
import { ApiError, ShareFailedError, WaitAbortedError } from '../../src/errors.js';
import type { AnyJsonReport } from '../../src/cli/formatJson.js';
import { main } from '../../src/cli/main.js';
import { MAX_RECREATE_ROUNDS as CLI_MAX_ROUNDS } from '../../src/cli/parseShare.js';
import type { ShareCliLibrary } from '../../src/cli/shareLibrary.js';
import { PortfolioBusyError, ShareNotAcceptedError, ShareNotRemovedError } from '../../src/shares/errors.js';
import { MAX_RECREATE_ROUNDS } from '../../src/shares/shareSettings.js';
import type { PortfolioShareOperationResult, PortfolioShareRequest, ShareCallResult } from '../../src/shares/types.js';
import { parseGithubOutput } from '../support/githubOutput.js';
import { ENV, fakeIo, fakeLibrary, result } from './fakes.js';

type Answer = PortfolioShareOperationResult | ShareCallResult | Error;

interface FakeShareLibrary extends ShareCliLibrary {
  calls: Array<{ kind: 'wait' | 'start'; action: string; config: Record<string, unknown>; input: PortfolioShareRequest }>;
}

function fakeShareLibrary(answer?: Answer): FakeShareLibrary {
  const calls: FakeShareLibrary['calls'] = [];
  const respond = async <T>(): Promise<T> => {
    if (answer === undefined) throw new Error('no answer');
    if (answer instanceof Error) throw answer;
    return answer as T;
  };
  return {
    calls,
    async shareAndWait(action, config, input) {
      calls.push({ kind: 'wait', action, config: { ...config }, input });
      return respond();
    },
    async startShare(action, config, input) {
      calls.push({ kind: 'start', action, config: { ...config }, input });
      return respond();
    },
  };
}

const OU = 'ou-ab12-prod0001';
const P = ['--portfolio-id', 'port-abcd1234efgh5'];
const tokenResult = (extra: Partial<PortfolioShareOperationResult> = {}): PortfolioShareOperationResult => ({
  kind: 'token',
  ...result('share-created00001'),
  action: 'CREATE',
  request: { PortfolioId: 'port-abcd1234efgh5', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: OU } },
  callAttempts: 1,
  busySeconds: 0,
  recreations: [],
  ...extra,
} as PortfolioShareOperationResult);

async function run(argv: string[], answer?: Answer, env: Record<string, string> = ENV) {
  const io = fakeIo();
  const shareLibrary = fakeShareLibrary(answer);
  const code = await main(argv, env, io, { library: fakeLibrary(), shareLibrary });
  return { code, out: io.out(), err: io.err(), calls: shareLibrary.calls, io };
}

describe('usage errors: exit 2 before any call', () => {
  const CREATE = "Run 'portfolio-share create --help' for usage.";
  test.each([
    [['create', ...P], 'error: give exactly one of --org-node (o-…, ou-…, or a 12-digit member account) and --account-id', CREATE],
    [['create', ...P, '--org-node', OU, '--account-id', '222222222222'], 'error: give exactly one of --org-node (o-…, ou-…, or a 12-digit member account) and --account-id', CREATE],
    [['create', ...P, '--org-node', 'r-ab12'], 'error: --org-node: "r-ab12" is a root; a portfolio cannot be shared with a root: share with the organization (o-…) instead', CREATE],
    [['create', ...P, '--org-node', 'ou-nope'], 'error: --org-node: "ou-nope" is not an organization (o-…), an organizational unit (ou-…-…) or a 12-digit account id', CREATE],
    [['create', ...P, '--account-id', 'o-exampleorg01'], "error: --account-id must be a 12-digit account id, got 'o-exampleorg01'", CREATE],
    [['create', '--portfolio-id', 'port/1', '--org-node', OU], "error: --portfolio-id must be 1-100 letters, digits, '_' or '-' (like port-abcd1234efgh5), got 'port/1'", CREATE],
    [['create', '--org-node', OU], "error: required option '--portfolio-id <id>' not specified", CREATE],
    [['create', ...P, '--org-node', OU, '--recreate-throttled', 'x'], "error: --recreate-throttled must be a whole number from 0 to 10, got 'x'", CREATE],
    [['create', ...P, '--org-node', OU, '--recreate-throttled', '11'], "error: --recreate-throttled must be a whole number from 0 to 10, got '11'", CREATE],
    [['create', ...P, '--org-node', OU, '--timeout', '0'], "error: --timeout must be a number of seconds greater than 0, got '0'", CREATE],
    [['create', ...P, '--org-node', OU, '--min-delay', '5', '--max-delay', '1'], 'error: --min-delay (5) must not be greater than --max-delay (1)', CREATE],
    [['update', ...P, '--org-node', OU], 'error: update needs at least one of --share-tag-options, --no-share-tag-options, --share-principals, --no-share-principals', "Run 'portfolio-share update --help' for usage."],
    [['delete', ...P, '--org-node', OU, '--share-tag-options'], "error: unknown option '--share-tag-options'", "Run 'portfolio-share delete --help' for usage."],
  ])('%j', async (argv, message, hint) => {
    const { code, out, err, calls } = await run(argv);
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `${message}\n${hint}\n` });
    expect(calls).toEqual([]);
  });

  test("--recreate-throttled's bound is the library's", () => {
    expect(CLI_MAX_ROUNDS).toBe(MAX_RECREATE_ROUNDS);
  });
});

describe('what is passed to the library', () => {
  test('create waits by default, with the wait options, the request and the node type read from the value', async () => {
    const argv = ['create', ...P, '--org-node', OU, '--share-tag-options', '--share-principals', '--timeout', '900', '--min-delay', '1', '--max-delay', '4', '--not-found-grace', '0', '--accept-partial', '--recreate-throttled', '2'];
    const { code, calls } = await run(argv, tokenResult());
    expect(code).toBe(0);
    expect(calls).toEqual([
      {
        kind: 'wait',
        action: 'CREATE',
        input: { PortfolioId: 'port-abcd1234efgh5', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: OU }, ShareTagOptions: true, SharePrincipals: true },
        config: expect.objectContaining({ maxWaitTime: 900, minDelay: 1, maxDelay: 4, notFoundGraceSeconds: 0, acceptPartialSuccess: true, recreateThrottled: 2, clientConfig: expect.objectContaining({ region: 'us-east-1' }) }),
      },
    ]);
  });

  test('update passes --no-… as false and leaves out what was not given; delete takes an account', async () => {
    const updated = await run(['update', ...P, '--org-node', '222222222222', '--no-share-principals'], tokenResult({ action: 'UPDATE' }));
    expect(updated.calls[0]).toMatchObject({ action: 'UPDATE', input: { PortfolioId: 'port-abcd1234efgh5', OrganizationNode: { Type: 'ACCOUNT', Value: '222222222222' }, SharePrincipals: false } });
    expect(updated.calls[0]?.input).not.toHaveProperty('ShareTagOptions');
    const deleted = await run(['delete', ...P, '--account-id', '222222222222'], tokenResult({ action: 'DELETE' }));
    expect(deleted.calls[0]).toMatchObject({ action: 'DELETE', input: { PortfolioId: 'port-abcd1234efgh5', AccountId: '222222222222' } });
  });

  test('--no-wait only starts the action and reports it started', async () => {
    const started: ShareCallResult = { action: 'CREATE', request: { PortfolioId: 'port-abcd1234efgh5', AccountId: '222222222222' }, portfolioId: 'port-abcd1234efgh5', token: undefined, callAttempts: 1, busySeconds: 0, calledAt: 5 };
    const { code, out, calls } = await run(['create', ...P, '--account-id', '222222222222', '--no-wait'], started);
    expect(code).toBe(0);
    expect(calls).toEqual([{ kind: 'start', action: 'CREATE', input: started.request, config: expect.objectContaining({ maxWaitTime: 600 }) }]);
    expect(out).toBe('port-abcd1234efgh5/account-222222222222: started (not waited for)\n  portfolio   port-abcd1234efgh5\n');
  });
});

describe('reports', () => {
  test('a re-created share passes with a warning per round; JSON says command create and carries the request', async () => {
    const answer = tokenResult({ recreations: [{ round: 1, maxRounds: 2, throttledAccounts: ['333333333333'], throttledToken: 'share-first000001' }] });
    const text = await run(['create', ...P, '--org-node', OU, '--recreate-throttled', '2'], answer);
    expect(text.code).toBe(0);
    expect(text.out).toContain('  warning     accounts throttled inside share share-first000001 (333333333333): deleted it and created it again (round 1 of 2)\n');
    const json = await run(['--output', 'json', 'create', ...P, '--org-node', OU], answer);
    const doc = JSON.parse(json.out) as AnyJsonReport;
    expect(doc).toMatchObject({ command: 'create', exitCode: 0, results: [{ token: 'share-created00001', outcome: 'completed', status: 'COMPLETED', result: { request: answer.request, recreations: answer.recreations } }] });
  });

  test('an account share accepted', async () => {
    const answer: PortfolioShareOperationResult = { kind: 'account', portfolioId: 'port-abcd1234efgh5', accountId: '222222222222', accepted: true, present: true, attempts: 3, elapsedSeconds: 41, action: 'CREATE', request: { PortfolioId: 'port-abcd1234efgh5', AccountId: '222222222222' }, callAttempts: 1, busySeconds: 0, recreations: [] };
    const { code, out } = await run(['create', ...P, '--account-id', '222222222222'], answer);
    expect(code).toBe(0);
    expect(out).toBe('port-abcd1234efgh5/account-222222222222: COMPLETED after 41s (3 checks)\n  portfolio   port-abcd1234efgh5\n  node        222222222222\n');
  });

  const fields = { portfolioId: 'port-abcd1234efgh5', accountId: '222222222222', attempts: 4, elapsedSeconds: 60, maxWaitTime: 60 };
  test.each([
    [new PortfolioBusyError('busy', { portfolioId: 'port-abcd1234efgh5', action: 'CREATE', busySeconds: 600, callAttempts: 61, elapsedSeconds: 600, maxWaitTime: 600 }), 'port-abcd1234efgh5/ou-ab12-prod0001: timed out after 10m00s\n  portfolio   port-abcd1234efgh5\n  advice      the portfolio was busy with another share action for 600s (61 call(s) refused with InvalidStateException); nothing was changed: raise --timeout or run fewer share actions on it at once\n'],
    [new ShareNotAcceptedError('not accepted', fields), 'port-abcd1234efgh5/ou-ab12-prod0001: timed out after 60s (4 checks)\n  portfolio   port-abcd1234efgh5\n  advice      account 222222222222 has not accepted the share: accept it there (aws servicecatalog accept-portfolio-share --portfolio-id port-abcd1234efgh5) and check again\n'],
    [new ShareNotRemovedError('still there', fields), 'port-abcd1234efgh5/ou-ab12-prod0001: timed out after 60s (4 checks)\n  portfolio   port-abcd1234efgh5\n  advice      DescribePortfolioShares still lists account 222222222222: check the portfolio\'s shares again later\n'],
  ])('%s exits 3 with advice', async (error, text) => {
    const { code, out } = await run(['create', ...P, '--org-node', OU], error);
    expect({ code, out }).toEqual({ code: 3, out: text });
    const json = JSON.parse((await run(['create', ...P, '--org-node', OU, '--output', 'json'], error)).out) as AnyJsonReport;
    expect(json.results[0]).toMatchObject({ outcome: 'timeout', exitCode: 3, status: null, error: { name: error.name, code: error.code } });
  });

  const apiError = (name: string, token?: string) => new ApiError(`${name} happened`, { token, serviceErrorName: name, serviceMessage: 'the service said no' });
  test.each([
    ['ResourceNotFoundException', /advice {6}check --portfolio-id/],
    ['InvalidParametersException', /advice {6}check --org-node or --account-id/],
    ['OperationNotSupportedException', /advice {6}enable sharing through AWS Organizations/],
    ['AccessDeniedException', /advice {6}run as the account that owns the portfolio/],
    ['ExpiredTokenException', /advice {6}configure valid AWS credentials/],
  ])('a failed share call (%s) exits 4 with advice in the command line\'s words', async (name, advice) => {
    const { code, out } = await run(['create', ...P, '--org-node', OU], apiError(name));
    expect(code).toBe(4);
    expect(out).toMatch(new RegExp(`^port-abcd1234efgh5/ou-ab12-prod0001: API error ${name}: the service said no\\n`));
    expect(out).toMatch(advice);
  });

  test('an API error of the wait keeps the wait\'s advice and its token', async () => {
    const { code, out } = await run(['create', ...P, '--org-node', OU], apiError('ResourceNotFoundException', 'share-created00001'));
    expect(code).toBe(4);
    expect(out).toMatch(/^share-created00001: API error ResourceNotFoundException: .*\n {2}advice {6}check the token/);
  });

  test('a share that failed reports under its token and exits 1; an interrupted one exits 130', async () => {
    const failed = new ShareFailedError('failed', { status: 'ERROR', token: 'share-failed00001', shareDetails: { ShareErrors: [{ Accounts: ['222222222222'], Error: 'AccessDeniedException' }] }, failedAccounts: ['222222222222'], throttledAccounts: [], attempts: 2, elapsedSeconds: 10 });
    const one = await run(['create', ...P, '--org-node', OU], failed);
    expect(one.code).toBe(1);
    expect(one.out).toMatch(/^share-failed00001: ERROR after 10s/);
    const aborted = new WaitAbortedError('stopped', { token: '', attempts: 0, elapsedSeconds: 1 });
    const two = await run(['delete', ...P, '--org-node', OU], aborted);
    expect(two.code).toBe(130);
    expect(two.out).toMatch(/^port-abcd1234efgh5\/ou-ab12-prod0001: interrupted by SIGINT/);
  });

  test('GitHub Actions: the outputs, a notice for --no-wait, an error annotation with the advice for a busy portfolio', async () => {
    const env = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/gh/output', GITHUB_STEP_SUMMARY: '/gh/summary' };
    const started: ShareCallResult = { action: 'CREATE', request: { PortfolioId: 'port-abcd1234efgh5', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: OU } }, portfolioId: 'port-abcd1234efgh5', token: 'share-started0001', callAttempts: 1, busySeconds: 0, calledAt: 1 };
    const first = await run(['create', ...P, '--org-node', OU, '--no-wait'], started, env);
    expect(first.out).toContain('::notice title=Portfolio share share-started0001::share action started; not waited for\n');
    const outputs = parseGithubOutput(first.io.files.get('/gh/output') ?? '');
    expect(Object.keys(outputs)).toEqual(['status', 'outcome', 'exit-code', 'result']);
    expect(outputs).toMatchObject({ status: 'UNKNOWN', outcome: 'started', 'exit-code': '0', result: expect.stringMatching(/^\{"command":"create"/) });
    expect(first.io.files.get('/gh/summary')).toContain('| `share-started0001` | 🚀 started |');
    const busy = new PortfolioBusyError('busy', { portfolioId: 'port-abcd1234efgh5', action: 'CREATE', busySeconds: 30, callAttempts: 9, elapsedSeconds: 30, maxWaitTime: 30 });
    const second = await run(['create', ...P, '--org-node', OU], busy, env);
    expect(second.out).toContain('::error title=Portfolio share port-abcd1234efgh5/ou-ab12-prod0001::timed out after 30s; last status unknown; the portfolio was busy');
  });
});

describe('the default share library, in process over HTTP against the simulator', () => {
  test('create waits for the share; --no-wait only starts one', async () => {
    const { startSimulator, defaultScenario } = await import('../../src/simulator/index.js');
    const sim = await startSimulator({ scenario: { ...defaultScenario, shares: { defaultDurationSeconds: 0.3, notStartedSeconds: 0.1 } } });
    // The SDK reads credentials from the process's environment, not from main's env.
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    const env = ENV;
    try {
      const io = fakeIo();
      const argv = ['--endpoint-url', sim.endpoint, 'create', '--portfolio-id', 'port-examplepf0001', '--org-node', 'ou-ab12-sandbox1', '--min-delay', '0.1', '--max-delay', '0.2'];
      expect(await main(argv, env, io, { library: fakeLibrary() })).toBe(0);
      expect(io.out()).toMatch(/^share-\w+: COMPLETED after \d+s \(\d+ checks?\)\n/);
      const started = fakeIo();
      expect(await main([...argv, '--no-wait'], env, started, { library: fakeLibrary() })).toBe(0);
      expect(started.out()).toMatch(/^share-\w+: started \(not waited for\)\n/);
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
      await sim.close();
    }
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
