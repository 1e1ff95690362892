// The built bin (dist/cli/bin.js, `npm test` builds first) as a real process against the simulator.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioShareCommand, DescribePortfolioShareStatusCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../../src/simulator/types.js';
import type { JsonReport } from '../../../src/cli/formatJson.js';
import { cleanEnv } from '../../support/cliProcess.js';
import { parseGithubOutput } from '../../support/githubOutput.js';

const BIN = fileURLToPath(new URL('../../../dist/cli/bin.js', import.meta.url));

const scenario: Scenario = {
  organization: {
    id: 'o-clitest0001',
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      accounts: ['111111111111'],
      organizationalUnits: [
        { id: 'ou-ab12-fast0001', accounts: ['222222222222'] },
        { id: 'ou-ab12-part0001', accounts: ['333333333333', '444444444444'] },
        { id: 'ou-ab12-slow0001', accounts: ['555555555555'] },
        { id: 'ou-ab12-dupe0001', accounts: ['666666666666', '777777777777'] },
      ],
    },
  },
  portfolios: Array.from({ length: 30 }, (_, i) => ({ id: `port-clitest${String(i).padStart(5, '0')}`, displayName: `CLI test ${i}` })),
  shares: { defaultDurationSeconds: 1, notStartedSeconds: 0.2, durationsByNode: { 'ou-ab12-slow0001': 3600 } },
  accounts: {
    '444444444444': { shareError: 'ThrottlingException', message: 'Rate exceeded' },
    '666666666666': { shareError: 'DuplicateResourceException' },
  },
};

let sim: RunningSimulator;
let client: ServiceCatalogClient;
let home: string;
let nextPortfolio = 0;
const FAST = ['--min-delay', '0.1', '--max-delay', '0.3'];

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-cli-'));
});

afterAll(async () => {
  client.destroy();
  await sim.close();
  rmSync(home, { recursive: true, force: true });
});

/** A new share of its own portfolio (the service allows one share action per portfolio at a time). */
async function share(ou: string): Promise<string> {
  const PortfolioId = `port-clitest${String(nextPortfolio++).padStart(5, '0')}`;
  const out = await client.send(new CreatePortfolioShareCommand({ PortfolioId, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: ou } }));
  if (out.PortfolioShareToken === undefined) throw new Error('no token');
  return out.PortfolioShareToken;
}

/** A clean environment: test credentials, no profile or config files of the machine, no CI variables. */
function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  return cleanEnv(home, extra);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

function cli(args: string[], env: Record<string, string> = childEnv()): Promise<Run> {
  return start(['--endpoint-url', sim.endpoint, ...args], env).done;
}

/** Poll the simulator until the share is terminal (a 1 s share here; the bound is only a safety net). */
async function untilFinished(token: string, boundMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const out = await client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: token }));
    if (out.Status !== 'NOT_STARTED' && out.Status !== 'IN_PROGRESS') return;
    if (Date.now() - start > boundMs) throw new Error(`share ${token} still ${out.Status} after ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function describes(): number {
  return sim.requests().filter((r) => r.operation === 'DescribePortfolioShareStatus').length;
}

test('exit 0: the share completed; text on stdout, nothing on stderr at the default log level', async () => {
  const token = await share('ou-ab12-fast0001');
  const run = await cli(['wait', token, ...FAST]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toMatch(new RegExp(`^${token}: COMPLETED after \\d+s \\(\\d+ checks?\\)\\n  portfolio   port-clitest\\d+\\n  node        ou-ab12-fast0001\\n  successful  1 account: 222222222222\\n$`));
});

test('exit 0 with --output json: one document, checked field by field', async () => {
  const token = await share('ou-ab12-fast0001');
  const run = await cli(['wait', token, ...FAST, '--output', 'json']);
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout) as JsonReport;
  expect(doc.command).toBe('wait');
  expect(doc.exitCode).toBe(0);
  expect(doc.results).toHaveLength(1);
  const [entry] = doc.results;
  expect(entry?.token).toBe(token);
  expect(entry?.outcome).toBe('completed');
  expect(entry?.exitCode).toBe(0);
  expect(entry?.status).toBe('COMPLETED');
  expect(entry?.warnings).toEqual([]);
  expect(entry?.error).toBeNull();
  const result = entry?.result;
  expect(result?.status).toBe('COMPLETED');
  expect(result?.token).toBe(token);
  expect(result?.portfolioId).toMatch(/^port-clitest\d{5}$/);
  expect(result?.organizationNodeValue).toBe('ou-ab12-fast0001');
  expect(result?.shareDetails.SuccessfulShares).toEqual(['222222222222']);
  expect(result?.shareDetails.ShareErrors ?? []).toEqual([]);
  expect(result?.duplicateAccounts).toEqual([]);
  expect(result?.attempts).toBeGreaterThanOrEqual(1);
  expect(result?.elapsedSeconds).toBeGreaterThan(0);
});

test('exit 0 when the only errors are DuplicateResourceException, with a warning', async () => {
  const token = await share('ou-ab12-dupe0001');
  const run = await cli(['wait', token, ...FAST, '--output', 'json']);
  expect(run.code).toBe(0);
  const entry = (JSON.parse(run.stdout) as JsonReport).results[0];
  expect(entry?.result?.status).toBe('COMPLETED_WITH_ERRORS');
  expect(entry?.result?.duplicateAccounts).toEqual(['666666666666']);
  expect(entry?.warnings).toEqual(['1 account already had the portfolio (DuplicateResourceException), tolerated: 666666666666']);
});

test('exit 1: COMPLETED_WITH_ERRORS, the error as JSON; --accept-partial turns it into 0', async () => {
  const token = await share('ou-ab12-part0001');
  const run = await cli(['wait', token, ...FAST, '--output', 'json']);
  expect(run.code).toBe(1);
  const entry = (JSON.parse(run.stdout) as JsonReport).results[0];
  expect(entry?.outcome).toBe('failed');
  expect(entry?.status).toBe('COMPLETED_WITH_ERRORS');
  expect(entry?.result).toBeNull();
  expect(entry?.error).toMatchObject({
    name: 'ShareCompletedWithErrorsError',
    code: 'SHARE_COMPLETED_WITH_ERRORS',
    status: 'COMPLETED_WITH_ERRORS',
    token,
    organizationNodeValue: 'ou-ab12-part0001',
    shareDetails: { SuccessfulShares: ['333333333333'], ShareErrors: [{ Accounts: ['444444444444'], Error: 'ThrottlingException', Message: 'Rate exceeded' }] },
    failedAccounts: ['444444444444'],
    throttledAccounts: ['444444444444'],
  });

  const accepted = await cli(['wait', token, ...FAST, '--accept-partial']);
  expect(accepted.code).toBe(0);
  expect(accepted.stdout).toContain('  warning     partial success accepted: the share failed for 1 account: 444444444444\n');
});

test('exit 2: a usage error prints one line and the hint, and calls nothing', async () => {
  const before = sim.requests().length;
  const run = await cli(['wait', 'not a token', '--timeout', '5']);
  expect(run).toEqual({
    code: 2,
    signal: null,
    stdout: '',
    stderr: "error: invalid share token 'not a token': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)\nRun 'portfolio-share wait --help' for usage.\n",
  });
  const badTimeout = await cli(['wait', 'share-abc', '--timeout', 'soon']);
  expect(badTimeout.code).toBe(2);
  expect(badTimeout.stderr.split('\n')[0]).toBe("error: --timeout must be a number of seconds greater than 0, got 'soon'");
  expect(sim.requests().length).toBe(before);
});

test('exit 3: timed out; the last status is printed', async () => {
  const token = await share('ou-ab12-slow0001');
  const run = await cli(['wait', token, '--timeout', '1', ...FAST]);
  expect(run.code).toBe(3);
  expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^${token}: timed out after \\d+s \\(\\d+ checks\\); last status (NOT_STARTED|IN_PROGRESS)$`));
});

test('exit 4: not found after the grace window, reported with the service error', async () => {
  const run = await cli(['wait', 'share-doesnotexist1', '--not-found-grace', '0', '--output', 'json']);
  expect(run.code).toBe(4);
  const entry = (JSON.parse(run.stdout) as JsonReport).results[0];
  expect(entry).toMatchObject({ token: 'share-doesnotexist1', outcome: 'api-error', exitCode: 4, status: null, result: null });
  expect(entry?.error).toMatchObject({ name: 'ApiError', code: 'API_ERROR', serviceErrorName: 'ResourceNotFoundException', httpStatusCode: 400 });
  expect(typeof entry?.error?.requestId).toBe('string');
});

/** A local port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('exit 4: a wrong --endpoint-url fails after the first check\'s retries, not after the whole --timeout', async () => {
  const endpoint = `http://127.0.0.1:${await closedPort()}`;
  // Without the fail-fast this run would poll until --timeout (600 s by default; 20 s here) and exit 3.
  const run = await start(['--endpoint-url', endpoint, 'wait', 'share-abc', '--timeout', '20', '--output', 'json'], childEnv()).done;
  expect(run.code).toBe(4);
  const entry = (JSON.parse(run.stdout) as JsonReport).results[0];
  expect(entry).toMatchObject({ token: 'share-abc', outcome: 'api-error', exitCode: 4, status: null });
  expect(entry?.error).toMatchObject({ name: 'ApiError', code: 'API_ERROR', attempts: 1 });
  expect(String(entry?.error?.serviceMessage)).toContain('ECONNREFUSED');
  expect(String(entry?.error?.message)).toContain('could not connect to the endpoint URL');
});

test('exit 4: no region anywhere, and no call made', async () => {
  const before = sim.requests().length;
  const run = await cli(['status', 'share-abc'], childEnv({ AWS_REGION: undefined }));
  expect(run.code).toBe(4);
  expect(run.stdout).toBe(
    "share-abc: API error MissingRegion: no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set 'region' in your AWS profile\n",
  );
  expect(sim.requests().length).toBe(before);
});

test('exit 4: no credentials anywhere', async () => {
  const run = await cli(['status', 'share-abc'], childEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }));
  expect(run.code).toBe(4);
  expect(run.stdout).toMatch(/^share-abc: API error \w+: .*credentials/i);
});

test('exit 5: status of a share still running; 0 and 1 for finished ones', async () => {
  const slow = await share('ou-ab12-slow0001');
  const running = await cli(['status', slow]);
  expect(running.code).toBe(5);
  expect(running.stdout.split('\n')[0]).toMatch(new RegExp(`^${slow}: (NOT_STARTED|IN_PROGRESS) \\(not finished\\)$`));
  expect(describes()).toBeGreaterThan(0);

  const done = await share('ou-ab12-fast0001');
  const failed = await share('ou-ab12-part0001');
  await untilFinished(done);
  await untilFinished(failed);
  expect((await cli(['status', done])).code).toBe(0);
  expect((await cli(['status', failed])).code).toBe(1);
});

test('several tokens with mixed outcomes: each reported, the worst exit code wins', async () => {
  const [ok, partial, slow] = await Promise.all([share('ou-ab12-fast0001'), share('ou-ab12-part0001'), share('ou-ab12-slow0001')]);
  const run = await cli(['wait', ok, partial, slow, 'share-unknown0000', '--timeout', '2', '--not-found-grace', '0', ...FAST, '--output', 'json']);
  expect(run.code).toBe(4);
  const doc = JSON.parse(run.stdout) as JsonReport;
  expect(doc.exitCode).toBe(4);
  expect(doc.results.map((r) => [r.token, r.outcome, r.exitCode])).toEqual([
    [ok, 'completed', 0],
    [partial, 'failed', 1],
    [slow, 'timeout', 3],
    ['share-unknown0000', 'api-error', 4],
  ]);
  expect(doc.results[2]?.error).toMatchObject({ code: 'WAIT_TIMEOUT', token: slow });
  expect(['NOT_STARTED', 'IN_PROGRESS']).toContain(doc.results[2]?.status);

  const text = await cli(['wait', ok, partial, ...FAST]);
  expect(text.code).toBe(1);
  expect(text.stdout).toContain(`${ok}: COMPLETED`);
  expect(text.stdout).toContain(`${partial}: COMPLETED_WITH_ERRORS`);
  expect(text.stdout).toMatch(/^2 shares: 1 completed, 1 failed; exit code 1$/m);
});

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s during a wait: clean abort, last status printed, exit %d, no process left', async (signal, exitCode) => {
  const token = await share('ou-ab12-slow0001');
  const before = describes();
  const { child, done } = start(['--endpoint-url', sim.endpoint, 'wait', token, ...FAST], childEnv());
  while (describes() === before) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  const run = await done;
  expect(run.signal).toBeNull();
  expect(run.code).toBe(exitCode);
  expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^${token}: interrupted by ${signal} after \\d+s \\(\\d+ checks?\\); last status (NOT_STARTED|IN_PROGRESS)$`));
  expect(JSON.parse(run.stderr.trim().split('\n')[0] ?? '')).toMatchObject({ level: 40, signal, msg: 'interrupted: stopping the wait' });
  const pid = child.pid ?? -1;
  expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
});

test('a reader that goes away (| head) does not turn the answer into a crash', async () => {
  const token = await share('ou-ab12-part0001');
  const child = spawn(process.execPath, [BIN, '--endpoint-url', sim.endpoint, 'wait', token, ...FAST], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
});

test('GitHub Actions: annotations, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY', async () => {
  const [ok, partial] = await Promise.all([share('ou-ab12-fast0001'), share('ou-ab12-part0001')]);
  const output = join(home, 'github-output');
  const summary = join(home, 'github-summary');
  writeFileSync(output, 'earlier=kept\n');
  writeFileSync(summary, '');
  const run = await cli(['wait', ok, partial, ...FAST], childEnv({ GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }));
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`::error title=Portfolio share ${partial}::COMPLETED_WITH_ERRORS: ThrottlingException on 1 account (444444444444): Rate exceeded\n`);
  expect(run.stdout).toContain(`::error title=Portfolio share ${partial}::throttled inside the share: 1 account (444444444444); delete the share and create it again to reach them\n`);

  const written = readFileSync(output, 'utf8');
  // Delimited entries (`name<<ghadelimiter_…`), as @actions/core writes them, after what was there.
  expect(written.startsWith('earlier=kept\nstatus<<ghadelimiter_')).toBe(true);
  const values = parseGithubOutput(written);
  expect(Object.keys(values)).toEqual(['earlier', 'status', 'outcome', 'exit-code', 'result']);
  expect(values).toMatchObject({ earlier: 'kept', status: 'COMPLETED_WITH_ERRORS', outcome: 'failed', 'exit-code': '1' });
  const result = JSON.parse(values.result ?? '') as JsonReport;
  expect(result.exitCode).toBe(1);
  expect(result.results.map((r) => [r.token, r.status])).toEqual([
    [ok, 'COMPLETED'],
    [partial, 'COMPLETED_WITH_ERRORS'],
  ]);

  const table = readFileSync(summary, 'utf8').split('\n');
  expect(table[0]).toBe('### portfolio-share wait: exit code 1');
  expect(table[2]).toBe('| Token | Outcome | Status | Portfolio | Node | Successful accounts | Failed accounts | Elapsed |');
  expect(table[4]).toMatch(new RegExp(`^\\| \`${ok}\` \\| ✅ completed \\| COMPLETED \\| port-clitest\\d+ \\| ou-ab12-fast0001 \\| 1 \\| 0 \\| \\d+s \\|$`));
  expect(table[5]).toMatch(new RegExp(`^\\| \`${partial}\` \\| ❌ failed \\| COMPLETED_WITH_ERRORS \\| port-clitest\\d+ \\| ou-ab12-part0001 \\| 1 \\| 1 \\| \\d+s \\|$`));
  expect(table).toContain(`- \`${partial}\`: **ThrottlingException** on 1 account (444444444444) — Rate exceeded`);
});

test.each([
  ['--help', [], 0],
  ['a usage error', ['wait'], 2],
])('the bin exits 2 s after %s even when something still holds the event loop, keeping the exit code', async (_name, args, code) => {
  // A preloaded module keeps a ref'd interval alive, as a stray socket or timer of a dependency would.
  const hold = ['--import', 'data:text/javascript,setInterval(() => {}, 60_000)'];
  const child = spawn(process.execPath, [...hold, BIN, ...(args.length > 0 ? args : ['--help'])], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  // Without the forced exit the interval would keep it alive forever: kill it long after the 2 s.
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(guard);
  expect({ exitCode, signal }).toEqual({ exitCode: code, signal: null });
  if (code === 0) expect(stdout).toContain('Usage: portfolio-share');
});

