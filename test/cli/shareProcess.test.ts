// `create`, `update` and `delete` of the built bin (dist/cli/bin.js) as real processes against the
// simulator on the real clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyJsonReport, JsonReport } from '../../src/cli/formatJson.js';
import type { TokenShareOperationResult } from '../../src/shares/types.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../src/simulator/types.js';
import { cleanEnv, startCli, type CliRun } from '../support/cliProcess.js';

const FAST = ['--min-delay', '0.1', '--max-delay', '0.3'];

const scenario: Scenario = {
  organization: {
    id: 'o-sharetest01',
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      accounts: ['111111111111'],
      organizationalUnits: [
        { id: 'ou-ab12-teama001', accounts: ['222222222222'] },
        { id: 'ou-ab12-teamb001', accounts: ['333333333333'] },
      ],
    },
  },
  portfolios: Array.from({ length: 5 }, (_, i) => ({ id: `port-sharetest${i}`, displayName: `share test ${i}` })),
  shares: { defaultDurationSeconds: 1, notStartedSeconds: 0.2, accountAcceptDelaySeconds: 0.5 },
};

let sim: RunningSimulator;
let home: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-ops-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(home, { recursive: true, force: true });
});

/** The bin running; `stderr()` is what it has written so far. */
function start(args: string[]): { done: Promise<CliRun>; stderr(): string } {
  const { child, done } = startCli(['--endpoint-url', sim.endpoint, ...args], cleanEnv(home));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return { done, stderr: () => stderr };
}

function cli(args: string[]): Promise<CliRun> {
  return start(args).done;
}

test('two processes creating shares of one portfolio at once meet InvalidStateException, retry, and both succeed', async () => {
  sim.clearRequests();
  // Another actor holds the portfolio until both processes have been refused once, whatever their start-up times.
  sim.holdPortfolioBusy('port-sharetest0', 600);
  const processes = ['ou-ab12-teama001', 'ou-ab12-teamb001'].map((ou) => start(['create', '--portfolio-id', 'port-sharetest0', '--org-node', ou, ...FAST, '--output', 'json']));
  // Each logs its first refusal on stderr.
  while (!processes.every((p) => p.stderr().includes('portfolio busy with another share action'))) await new Promise((resolve) => setTimeout(resolve, 20));
  sim.holdPortfolioBusy('port-sharetest0', 0);
  const [a, b] = await Promise.all(processes.map((p) => p.done));
  expect([a?.code, b?.code]).toEqual([0, 0]);
  const results = [a, b].map((run) => (JSON.parse(run?.stdout ?? '') as JsonReport<TokenShareOperationResult>).results[0]?.result);
  for (const result of results) {
    expect(result?.status).toBe('COMPLETED');
    expect(result?.callAttempts).toBeGreaterThanOrEqual(2);
    expect(result?.busySeconds).toBeGreaterThan(0);
  }
  const calls = sim.requests().filter((r) => r.operation === 'CreatePortfolioShare');
  expect(calls.filter((r) => r.outcome === 'ok')).toHaveLength(2);
  expect(calls.filter((r) => r.outcome === 'InvalidStateException').length).toBe((results[0]?.callAttempts ?? 0) + (results[1]?.callAttempts ?? 0) - 2);
  // The busy-portfolio retries are logged on stderr as warnings.
  expect(a?.stderr).toMatch(/portfolio busy with another share action; calling again/);
});

test('update and delete of an OU share, and an account share created and deleted, each exit 0 after waiting', async () => {
  const base = ['--portfolio-id', 'port-sharetest1', ...FAST];
  const created = await cli(['create', ...base, '--org-node', 'ou-ab12-teama001']);
  expect(created).toMatchObject({ code: 0, stderr: '' });
  expect(created.stdout).toMatch(/^share-\w+: COMPLETED after \d+s \(\d+ checks?\)\n {2}portfolio {3}port-sharetest1\n {2}node {8}ou-ab12-teama001\n {2}successful {2}1 account: 222222222222\n$/);
  const updated = await cli(['update', ...base, '--org-node', 'ou-ab12-teama001', '--share-tag-options', '--no-share-principals', '--output', 'json']);
  expect(updated.code).toBe(0);
  const report = JSON.parse(updated.stdout) as AnyJsonReport;
  expect(report).toMatchObject({ command: 'update', exitCode: 0, results: [{ outcome: 'completed', status: 'COMPLETED' }] });
  expect(report.results[0]?.result).toMatchObject({ request: { PortfolioId: 'port-sharetest1', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-teama001' }, ShareTagOptions: true, SharePrincipals: false } });
  expect(await cli(['delete', ...base, '--org-node', 'ou-ab12-teama001'])).toMatchObject({ code: 0 });
  const account = await cli(['create', ...base, '--account-id', '444444444444']);
  expect(account).toMatchObject({ code: 0, stdout: expect.stringMatching(/^port-sharetest1\/account-444444444444: COMPLETED after/) });
  expect(await cli(['delete', ...base, '--account-id', '444444444444'])).toMatchObject({ code: 0 });
});

test('--no-wait prints the token at once and exits 0', async () => {
  const run = await cli(['create', '--portfolio-id', 'port-sharetest2', '--org-node', 'o-sharetest01', '--no-wait']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toMatch(/^share-\w+: started \(not waited for\)\n {2}portfolio {3}port-sharetest2\n$/);
});

test('bad node values exit 2 before any call', async () => {
  sim.clearRequests();
  for (const args of [
    ['--org-node', 'r-ab12'],
    ['--org-node', 'ou-nope'],
    ['--org-node', '12345'],
    ['--account-id', 'o-sharetest01'],
    ['--org-node', 'o-sharetest01', '--account-id', '222222222222'],
    [],
  ]) {
    const run = await cli(['create', '--portfolio-id', 'port-sharetest3', ...args]);
    expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^error: .*\nRun 'portfolio-share create --help' for usage\.\n$/);
  }
  expect(sim.requests()).toEqual([]);
});

test('an unknown portfolio exits 4 with the service error and advice', async () => {
  const run = await cli(['create', '--portfolio-id', 'port-nope', '--org-node', 'ou-ab12-teama001']);
  expect(run.code).toBe(4);
  expect(run.stdout).toMatch(/^port-nope\/ou-ab12-teama001: API error ResourceNotFoundException: .*\n {2}advice {6}check --portfolio-id/);
});
