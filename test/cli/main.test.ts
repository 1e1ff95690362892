import { ApiError, InvalidInputError, ShareCompletedWithErrorsError, ShareFailedError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/cli/formatJson.js';
import { parseGithubOutput } from '../support/githubOutput.js';
import type { WaiterConfiguration } from '../../src/types.js';
import { ENV, fakeIo, fakeLibrary, result, type Answer } from './fakes.js';

const A = 'share-aaaaaaaaaaaaa';
const B = 'share-bbbbbbbbbbbbb';
const C = 'share-ccccccccccccc';
const D = 'share-ddddddddddddd';

function partialError(token: string): ShareCompletedWithErrorsError {
  return new ShareCompletedWithErrorsError(`Portfolio share ${token} ended in COMPLETED_WITH_ERRORS`, {
    status: 'COMPLETED_WITH_ERRORS',
    token,
    portfolioId: 'port-abcd1234efgh5',
    organizationNodeValue: 'o-exampleorg01',
    shareDetails: {
      SuccessfulShares: ['222222222222'],
      ShareErrors: [{ Accounts: ['333333333333', '444444444444'], Error: 'ThrottlingException', Message: 'Rate exceeded' }],
    },
    failedAccounts: ['333333333333', '444444444444'],
    throttledAccounts: ['333333333333', '444444444444'],
    attempts: 7,
    elapsedSeconds: 40.2,
  });
}

function timeoutError(token: string): WaitTimeoutError {
  return new WaitTimeoutError(`timed out waiting for ${token}`, {
    token,
    lastStatus: 'IN_PROGRESS',
    lastResult: result(token, { status: 'IN_PROGRESS', shareDetails: { SuccessfulShares: ['222222222222'] }, elapsedSeconds: 5 }),
    attempts: 9,
    elapsedSeconds: 600,
  });
}

function notFound(token: string): ApiError {
  return new ApiError(`not found: ${token}`, {
    token,
    serviceErrorName: 'ResourceNotFoundException',
    serviceMessage: `Portfolio share token ${token} not found.`,
    requestId: 'req-123',
    httpStatusCode: 400,
    attempts: 1,
    elapsedSeconds: 31,
  });
}

/** An answer that resolves only when the wait is aborted, like the real waiter. */
function untilAborted(token: string, reportStatus = true): Answer {
  return (config: WaiterConfiguration) =>
    new Promise((_resolve, reject) => {
      if (reportStatus) {
        config.onProgress?.({ token, status: 'IN_PROGRESS', shareDetails: {}, attempts: 1, elapsedSeconds: 0.1 });
      }
      config.abortSignal?.addEventListener('abort', () =>
        reject(new WaitAbortedError('aborted', { token, attempts: 2, elapsedSeconds: 3 }, { cause: config.abortSignal?.reason })),
      );
    });
}

async function run(argv: string[], answers: Record<string, Answer>, env: Record<string, string> = ENV) {
  const io = fakeIo();
  const library = fakeLibrary(answers);
  const code = await main(argv, env, io, { library });
  return { code, io, library, out: io.out(), err: io.err() };
}

describe('wait: what the library receives', () => {
  test('defaults: region from the environment, 600 s, library defaults for the rest', async () => {
    const { code, library } = await run(['wait', A], { [A]: result(A) });
    expect(code).toBe(0);
    expect(library.waits).toHaveLength(1);
    const [call] = library.waits;
    expect(call?.input).toEqual({ PortfolioShareToken: A });
    expect(call?.config).toMatchObject({
      clientConfig: { region: 'us-east-1' },
      maxWaitTime: 600,
      minDelay: undefined,
      maxDelay: undefined,
      notFoundGraceSeconds: undefined,
      acceptPartialSuccess: false,
      tolerateDuplicates: true,
    });
    expect(call?.config.abortSignal).toBeInstanceOf(AbortSignal);
    expect(typeof call?.config.logger?.info).toBe('function');
    expect(typeof call?.config.onProgress).toBe('function');
  });

  test('every option is passed on', async () => {
    const { library } = await run(
      ['wait', A, '--timeout', '900', '--min-delay', '1', '--max-delay', '5.5', '--not-found-grace', '0', '--accept-partial',
        '--no-tolerate-duplicates', '--region', 'eu-west-1', '--profile', 'deploy', '--endpoint-url', 'http://127.0.0.1:4566'],
      { [A]: result(A) },
    );
    expect(library.waits[0]?.config).toMatchObject({
      clientConfig: { region: 'eu-west-1', profile: 'deploy', endpoint: 'http://127.0.0.1:4566' },
      maxWaitTime: 900,
      minDelay: 1,
      maxDelay: 5.5,
      notFoundGraceSeconds: 0,
      acceptPartialSuccess: true,
      tolerateDuplicates: false,
    });
  });

  test('one delay bound alone is passed on for the library to fit the other around', async () => {
    const { code, library } = await run(['wait', A, '--min-delay', '10'], { [A]: result(A) });
    expect(code).toBe(0);
    expect(library.waits[0]?.config).toMatchObject({ minDelay: 10, maxDelay: undefined });
  });

  test.each([
    [{ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, [], 'eu-west-1'],
    [{ AWS_DEFAULT_REGION: 'us-west-2' }, [], 'us-west-2'],
    [{ AWS_REGION: 'eu-west-1' }, ['--region', 'ap-south-1'], 'ap-south-1'],
  ])('region precedence %j %j → %s', async (env, flags, region) => {
    const { library } = await run(['wait', A, ...flags], { [A]: result(A) }, env);
    expect(library.waits[0]?.config.clientConfig?.region).toBe(region);
    expect(library.profileLookups).toEqual([undefined]);
  });

  test.each([
    [{ AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_SERVICE_CATALOG: 'http://b:2' }, [], 'http://b:2'],
    [{ AWS_ENDPOINT_URL: 'http://a:1' }, [], 'http://a:1'],
    [{ AWS_ENDPOINT_URL: 'http://a:1' }, ['--endpoint-url', 'http://c:3'], 'http://c:3'],
    [{}, [], undefined],
  ])('endpoint precedence %j %j → %s', async (env, flags, endpoint) => {
    const { library } = await run(['wait', A, ...flags], { [A]: result(A) }, { ...ENV, ...env });
    expect(library.waits[0]?.config.clientConfig?.endpoint).toBe(endpoint);
  });

  test('several tokens wait concurrently, duplicates once', async () => {
    let running = 0;
    let most = 0;
    const slow = (token: string): Answer => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return result(token);
    };
    const { code, library } = await run(['wait', A, B, A, C], { [A]: slow(A), [B]: slow(B), [C]: slow(C) });
    expect(code).toBe(0);
    expect(library.waits.map((w) => w.input.PortfolioShareToken)).toEqual([A, B, C]);
    expect(most).toBe(3);
  });
});

describe('region', () => {
  test("no region anywhere: the profile's region is looked up", async () => {
    const io = fakeIo();
    const library = fakeLibrary({ [A]: result(A) }, 'eu-central-1');
    expect(await main(['wait', A, '--profile', 'dev'], {}, io, { library })).toBe(0);
    expect(library.profileLookups).toEqual(['dev']);
    expect(library.waits[0]?.config.clientConfig).toMatchObject({ region: 'eu-central-1', profile: 'dev' });
  });

  test('no region at all: exit 4 with a clear message, no wait', async () => {
    const io = fakeIo();
    const library = fakeLibrary({ [A]: result(A) }, undefined);
    expect(await main(['wait', A], {}, io, { library })).toBe(4);
    expect(library.waits).toEqual([]);
    expect(io.out()).toBe(
      `${A}: API error MissingRegion: no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set 'region' in your AWS profile\n`,
    );
  });
});

describe('exit codes of wait', () => {
  test.each([
    ['completed', 0, result(A)],
    ['partial accepted', 0, result(A, { status: 'COMPLETED_WITH_ERRORS' })],
    ['completed with errors', 1, partialError(A)],
    ['error', 1, new ShareFailedError('ERROR', { ...partialError(A), status: 'ERROR' })],
    ['timeout', 3, timeoutError(A)],
    ['not found', 4, notFound(A)],
    ['credentials (a foreign error)', 4, Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })],
    ['invalid input', 2, new InvalidInputError('maxWaitTime must be > 0', { option: 'maxWaitTime', received: 0 })],
  ])('%s → %d', async (_name, expected, answer) => {
    const { code } = await run(['wait', A], { [A]: answer as Answer });
    expect(code).toBe(expected);
  });

  test.each([
    [[result(A), partialError(B)], 1],
    [[result(A), partialError(B), timeoutError(C)], 3],
    [[timeoutError(A), notFound(B), partialError(C), result(D)], 4],
    [[result(A), result(B)], 0],
  ])('several tokens: the worst wins (%#)', async (answers, expected) => {
    const tokens = [A, B, C, D].slice(0, answers.length);
    const { code, out } = await run(['wait', ...tokens], Object.fromEntries(tokens.map((t, i) => [t, answers[i] as Answer])));
    expect(code).toBe(expected);
    for (const t of tokens) expect(out).toContain(`${t}: `);
    expect(out).toMatch(new RegExp(`^${tokens.length} shares: .*; exit code ${expected}$`, 'm'));
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s aborts every wait cleanly → %d, last status printed', async (signal, expected) => {
    const io = fakeIo();
    const library = fakeLibrary({ [A]: untilAborted(A), [B]: untilAborted(B, false) });
    const pending = main(['wait', A, B], ENV, io, { library });
    while (library.waits.length < 2) await new Promise((r) => setImmediate(r));
    io.signal(signal);
    expect(await pending).toBe(expected);
    expect(library.waits.every((w) => w.config.abortSignal?.aborted)).toBe(true);
    expect(io.out()).toContain(`${A}: interrupted by ${signal} after 3s (2 checks); last status IN_PROGRESS\n`);
    expect(io.out()).toContain(`${B}: interrupted by ${signal} after 3s (2 checks); last status none (no check answered)\n`);
  });
});

describe('text output', () => {
  test('a failed share: status, portfolio, node, accounts, each error, throttling advice', async () => {
    const { out } = await run(['wait', A], { [A]: partialError(A) });
    expect(out).toBe(
      [
        `${A}: COMPLETED_WITH_ERRORS after 40s (7 checks)`,
        '  portfolio   port-abcd1234efgh5',
        '  node        o-exampleorg01',
        '  successful  1 account: 222222222222',
        '  error       ThrottlingException on 2 accounts: 333333333333, 444444444444',
        '              Rate exceeded',
        '  advice      throttled inside the share for 333333333333, 444444444444: the service will not retry and checking again will not help. Delete the share and create it again to reach those accounts.',
        '',
      ].join('\n'),
    );
  });

  test('a timeout shows the last status and what was known then', async () => {
    const { out } = await run(['wait', A], { [A]: timeoutError(A) });
    expect(out).toBe(
      [
        `${A}: timed out after 10m00s (9 checks); last status IN_PROGRESS`,
        '  portfolio   port-abcd1234efgh5',
        '  node        ou-ab12-prod0001',
        '  successful  1 account: 222222222222',
        `  advice      raise --timeout, or check again later with: portfolio-share status ${A}`,
        '',
      ].join('\n'),
    );
  });

  test('an API error shows the service error, message and request id, then what to do', async () => {
    const { out } = await run(['wait', A], { [A]: notFound(A) });
    expect(out).toBe(
      `${A}: API error ResourceNotFoundException: Portfolio share token ${A} not found. (request id req-123, HTTP 400)\n` +
        `  advice      check the token, and run as the account that made the share (the organization's management account or a delegated administrator) in its region (--profile, --region).\n`,
    );
  });

  test('duplicates tolerated: exit 0 with a warning line', async () => {
    const dup = result(A, {
      status: 'COMPLETED_WITH_ERRORS',
      shareDetails: { SuccessfulShares: ['222222222222'], ShareErrors: [{ Accounts: ['555555555555'], Error: 'DuplicateResourceException', Message: 'already shared' }] },
      duplicateAccounts: ['555555555555'],
    });
    const { code, out } = await run(['wait', A], { [A]: dup });
    expect(code).toBe(0);
    expect(out).toContain('  warning     1 account already had the portfolio (DuplicateResourceException), tolerated: 555555555555\n');
  });

  test('--quiet prints only what did not pass', async () => {
    const quiet = await run(['wait', A, B, '--quiet'], { [A]: result(A), [B]: notFound(B) });
    expect(quiet.out).toBe(
      `${B}: API error ResourceNotFoundException: Portfolio share token ${B} not found. (request id req-123, HTTP 400)\n` +
        `  advice      check the token, and run as the account that made the share (the organization's management account or a delegated administrator) in its region (--profile, --region).\n`,
    );
    const silent = await run(['wait', A, '--quiet'], { [A]: result(A) });
    expect(silent.out).toBe('');
  });

  test('colors only on a terminal, and never with --no-color or NO_COLOR', async () => {
    const colored = async (argv: string[], env: Record<string, string>): Promise<boolean> => {
      const io = fakeIo({ stdoutTTY: true });
      await main(argv, env, io, { library: fakeLibrary({ [A]: result(A) }) });
      return io.out().includes('\x1b[');
    };
    expect(await colored(['wait', A], ENV)).toBe(true);
    expect(await colored(['wait', A, '--no-color'], ENV)).toBe(false);
    expect(await colored(['wait', A], { ...ENV, NO_COLOR: '1' })).toBe(false);
    const piped = await run(['wait', A], { [A]: result(A) });
    expect(piped.out).not.toContain('\x1b[');
  });
});

describe('--output json', () => {
  test('one document, every key present, same shape for one token or many', async () => {
    const { code, out } = await run(['wait', A, B, C, '--output', 'json'], { [A]: result(A), [B]: partialError(B), [C]: notFound(C) });
    expect(code).toBe(4);
    const doc = JSON.parse(out) as JsonReport;
    expect(doc.command).toBe('wait');
    expect(doc.exitCode).toBe(4);
    expect(doc.results.map((r) => [r.token, r.outcome, r.exitCode, r.status])).toEqual([
      [A, 'completed', 0, 'COMPLETED'],
      [B, 'failed', 1, 'COMPLETED_WITH_ERRORS'],
      [C, 'api-error', 4, null],
    ]);
    for (const r of doc.results) expect(Object.keys(r)).toEqual(['token', 'outcome', 'exitCode', 'status', 'warnings', 'result', 'error']);
    expect(doc.results[0]?.result).toEqual(result(A));
    expect(doc.results[0]?.error).toBeNull();
    expect(doc.results[1]?.result).toBeNull();
    expect(doc.results[1]?.error).toEqual(JSON.parse(JSON.stringify(partialError(B))));
    expect(doc.results[1]?.error).toMatchObject({ code: 'SHARE_COMPLETED_WITH_ERRORS', throttledAccounts: ['333333333333', '444444444444'] });
    expect(doc.results[2]?.error).toMatchObject({ name: 'ApiError', code: 'API_ERROR', serviceErrorName: 'ResourceNotFoundException', requestId: 'req-123' });
  });

  test('a foreign error is reported as {name, message}', async () => {
    const { out } = await run(['status', A, '--output', 'json'], { [A]: Object.assign(new Error('no credentials'), { name: 'CredentialsProviderError' }) });
    expect((JSON.parse(out) as JsonReport).results[0]?.error).toEqual({ name: 'CredentialsProviderError', message: 'no credentials' });
  });
});

describe('status', () => {
  test.each([
    ['COMPLETED', 0, 'completed', result(A), []],
    ['IN_PROGRESS', 5, 'in-progress', result(A, { status: 'IN_PROGRESS' }), []],
    ['NOT_STARTED', 5, 'in-progress', result(A, { status: 'NOT_STARTED' }), []],
    ['ERROR', 1, 'failed', result(A, { status: 'ERROR', shareDetails: { ShareErrors: [{ Accounts: ['1'], Error: 'X' }] } }), []],
    ['COMPLETED_WITH_ERRORS', 1, 'failed', result(A, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['2'], ShareErrors: [{ Accounts: ['1'], Error: 'X' }] } }), []],
    ['COMPLETED_WITH_ERRORS --accept-partial', 0, 'completed', result(A, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['2'], ShareErrors: [{ Accounts: ['1'], Error: 'X' }] } }), ['--accept-partial']],
    ['only duplicates', 0, 'completed', result(A, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['2'], ShareErrors: [{ Accounts: ['1'], Error: 'DuplicateResourceException' }] }, duplicateAccounts: ['1'] }), []],
    ['not found', 4, 'api-error', notFound(A), []],
  ])('%s → %d (%s)', async (_name, expected, outcome, answer, flags) => {
    const { code, out, library } = await run(['status', A, ...flags, '--output', 'json'], { [A]: answer as Answer });
    expect(code).toBe(expected);
    expect(library.checks).toHaveLength(1);
    expect(library.waits).toHaveLength(0);
    expect((JSON.parse(out) as JsonReport).results[0]?.outcome).toBe(outcome);
  });

  test('the text says the share is not finished', async () => {
    const { out } = await run(['status', A], { [A]: result(A, { status: 'IN_PROGRESS', attempts: 1 }) });
    expect(out.split('\n')[0]).toBe(`${A}: IN_PROGRESS (not finished)`);
  });
});

describe('logs on stderr', () => {
  const logging: Answer = async (config) => {
    config.logger?.info({ token: A, status: 'IN_PROGRESS' }, 'portfolio share status changed');
    config.logger?.warn({ token: A }, 'something odd');
    return result(A);
  };

  test('JSON lines when stderr is not a terminal; warn by default', async () => {
    const { err } = await run(['wait', A], { [A]: logging });
    const lines = err.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 40, token: A, msg: 'something odd' })]);
  });

  test('--log-level info shows info; --quiet only errors', async () => {
    const info = await run(['wait', A, '--log-level', 'info'], { [A]: logging });
    expect(info.err.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['portfolio share status changed', 'something odd']);
    const quiet = await run(['wait', A, '--quiet'], { [A]: logging });
    expect(quiet.err).toBe('');
  });

  test('pretty lines and a progress line on a terminal; neither in CI', async () => {
    const tty = fakeIo({ stderrTTY: true });
    await main(['wait', A, '--log-level', 'info'], ENV, tty, { library: fakeLibrary({ [A]: logging }) });
    expect(tty.err()).toContain('\r\x1b[K0s | share-aaaaaaaaaaaaa waiting');
    expect(tty.err()).toMatch(/INFO.*portfolio share status changed/);
    expect(tty.err()).not.toContain('{"level"');
    const ci = fakeIo({ stderrTTY: true });
    await main(['wait', A, '--log-level', 'info'], { ...ENV, CI: 'true' }, ci, { library: fakeLibrary({ [A]: logging }) });
    expect(ci.err()).not.toContain('\r');
  });

  test.each([
    ['CI=false', true, { CI: 'false' }],
    ['CI=0', true, { CI: '0' }],
    ['CI empty', true, { CI: '' }],
    ['CI=1', false, { CI: '1' }],
    ['TERM=dumb', false, { TERM: 'dumb' }],
  ])('on a terminal with %s, a progress line is shown: %s', async (_name, shown, extra) => {
    const tty = fakeIo({ stderrTTY: true });
    await main(['wait', A], { ...ENV, ...extra }, tty, { library: fakeLibrary({ [A]: result(A) }) });
    expect(tty.err().includes('\r\x1b[K')).toBe(shown);
  });
});

describe('progress line', () => {
  test('accounts done moves within IN_PROGRESS: every answered check updates it, not only status changes', async () => {
    const tty = fakeIo({ stderrTTY: true });
    const growing: Answer = async (config) => {
      for (const [attempts, done] of [[1, ['1']], [2, ['1', '2']], [3, ['1', '2', '3']]] as const) {
        config.onProgress?.({ token: A, status: 'IN_PROGRESS', shareDetails: { SuccessfulShares: [...done] }, attempts, elapsedSeconds: attempts });
      }
      return result(A);
    };
    await main(['wait', A], ENV, tty, { library: fakeLibrary({ [A]: growing }) });
    const err = tty.err();
    expect(err).toContain(`${A} IN_PROGRESS 1 account done`);
    expect(err).toContain(`${A} IN_PROGRESS 2 accounts done`);
    expect(err).toContain(`${A} IN_PROGRESS 3 accounts done`);
  });
});

describe('GitHub Actions', () => {
  const GHA = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/gh/output', GITHUB_STEP_SUMMARY: '/gh/summary' };

  test('annotations on stdout, outputs and a summary table in the files', async () => {
    const { code, out, io } = await run(['wait', A, B], { [A]: result(A), [B]: partialError(B) }, GHA);
    expect(code).toBe(1);
    expect(out).toContain(
      `::error title=Portfolio share ${B}::COMPLETED_WITH_ERRORS: ThrottlingException on 2 accounts (333333333333, 444444444444): Rate exceeded\n`,
    );
    const output = parseGithubOutput(io.files.get('/gh/output') ?? '');
    expect(Object.keys(output)).toEqual(['status', 'outcome', 'exit-code', 'result']);
    expect(output).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', outcome: 'failed', 'exit-code': '1' });
    expect((JSON.parse(output.result ?? '') as JsonReport).results.map((r) => r.outcome)).toEqual(['completed', 'failed']);
    const summary = io.files.get('/gh/summary') ?? '';
    expect(summary).toContain('### portfolio-share wait: exit code 1\n');
    expect(summary).toContain(`| \`${A}\` | ✅ completed | COMPLETED | port-abcd1234efgh5 | ou-ab12-prod0001 | 2 | 0 | 13s |`);
    expect(summary).toContain(`| \`${B}\` | ❌ failed | COMPLETED_WITH_ERRORS | port-abcd1234efgh5 | o-exampleorg01 | 1 | 2 | 40s |`);
  });

  test('with --output json the annotations go to stderr so stdout stays one document', async () => {
    const { out, err } = await run(['wait', A, '--output', 'json'], { [A]: timeoutError(A) }, GHA);
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect(err).toContain(`::error title=Portfolio share ${A}::timed out after 600s; last status IN_PROGRESS\n`);
  });

  test('a GitHub Actions file that cannot be written is logged; the other file is still written and the exit code stands', async () => {
    const io = fakeIo();
    const written: string[] = [];
    io.appendFile = async (path) => {
      if (path === '/gh/output') throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      written.push(path);
    };
    const code = await main(['wait', A], GHA, io, { library: fakeLibrary({ [A]: result(A) }) });
    expect(code).toBe(0);
    expect(written).toEqual(['/gh/summary']);
    const lines = io.err().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, path: '/gh/output', msg: 'could not write a GitHub Actions file', err: expect.objectContaining({ code: 'EACCES' }) }),
    ]);
  });

  test('nothing GitHub-specific outside GitHub Actions', async () => {
    const { out, io } = await run(['wait', A], { [A]: partialError(A) }, { ...ENV, GITHUB_OUTPUT: '/gh/output' });
    expect(out).not.toContain('::');
    expect(io.files.size).toBe(0);
  });
});

describe('defaults of the io', () => {
  test('without appendFile the GitHub Actions files are appended on disk; an empty path is skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-main-'));
    try {
      const summary = join(dir, 'summary.md');
      writeFileSync(summary, 'before\n');
      const io = fakeIo();
      delete io.appendFile;
      const env = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: summary };
      expect(await main(['wait', A], env, io, { library: fakeLibrary({ [A]: result(A) }) })).toBe(0);
      expect(readFileSync(summary, 'utf8')).toMatch(/^before\n### portfolio-share wait: exit code 0\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without now the progress line reads the real clock', async () => {
    const io = fakeIo({ stderrTTY: true });
    delete io.now;
    await main(['wait', A], ENV, io, { library: fakeLibrary({ [A]: result(A) }) });
    expect(io.err()).toContain(`0s | ${A} waiting`);
  });

  test('a second signal during the clean abort changes nothing: the first one decides', async () => {
    const io = fakeIo();
    const library = fakeLibrary({ [A]: untilAborted(A) });
    const pending = main(['wait', A], ENV, io, { library });
    while (library.waits.length === 0) await new Promise((r) => setImmediate(r));
    io.signal('SIGINT');
    io.signal('SIGTERM');
    expect(await pending).toBe(130);
    expect(io.out()).toContain(`${A}: interrupted by SIGINT`);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('a failure that is not a share outcome', () => {
  test.each([
    ['an Error', new Error('stdout is closed'), 'stdout is closed'],
    ['a thrown string', 'disk full', 'disk full'],
  ])('%s while reporting: one line on stderr, exit 4', async (_name, thrown, text) => {
    const io = fakeIo();
    io.stdout.write = () => {
      throw thrown;
    };
    const code = await main(['wait', A], ENV, io, { library: fakeLibrary({ [A]: result(A) }) });
    expect(code).toBe(4);
    expect(io.err()).toBe(`error: unexpected failure: ${text}\n`);
  });
});
