// `apply` of the built bin (dist/cli/bin.js) as a real process against the simulator, on the real clock.
import type { ApplyJsonReport } from '../../../src/cli/applyFormat.js';
import { cleanEnv, runCli } from '../../support/cliProcess.js';
import { MISSING_OU, MIXED_OU, portfolio, SLOW_OU, startApplySimulator, TEAM_A, TEAM_B, type ApplySimulator } from '../../support/applySimulator.js';

let h: ApplySimulator;

beforeAll(async () => {
  h = await startApplySimulator();
});

afterAll(async () => {
  await h.close();
});

const FAST = ['--min-delay', '0.1', '--max-delay', '0.3'];
const apply = (file: string, ...args: string[]) => runCli(['apply', '--file', file, '--endpoint-url', h.sim.endpoint, ...FAST, ...args], cleanEnv(h.dir));

test('a five-share plan over two portfolios: every share made, a table row each, exit 0; then updated and deleted', async () => {
  h.sim.clearRequests();
  const shares = [
    { portfolioId: portfolio(8), node: TEAM_A },
    { portfolioId: portfolio(9), node: TEAM_A },
    { portfolioId: portfolio(8), node: TEAM_B },
    { portfolioId: portfolio(9), node: TEAM_B },
    { portfolioId: portfolio(8), node: '222222222222' },
  ];
  const run = await apply(h.writePlan('five.json', { shares }), '--max-calls-per-second', '5');
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = run.stdout.split('\n');
  expect(lines[0]).toBe('5 shares on 2 portfolios; exit code 0');
  expect(lines[1]).toMatch(/^ {2}# +action +portfolio +node +status +ok +failed +exit +token$/);
  shares.forEach((share, i) => expect(lines[i + 2]).toMatch(new RegExp(`^  ${i}  create  ${share.portfolioId}  ${share.node} +COMPLETED +1 +0 +0 +share-\\w+$`)));
  expect(lines[7]).toMatch(/^made \(5\): shares\[0\] share-\w+, shares\[1\] share-\w+, shares\[2\] share-\w+, shares\[3\] share-\w+, shares\[4\] share-\w+$/);
  expect(lines.slice(8)).toEqual(['not made (0): none', '']);
  expect(h.shareCalls()).toEqual(Array.from({ length: 5 }, () => 'CreatePortfolioShare ok'));

  const change = [
    { action: 'update', portfolioId: portfolio(8), node: TEAM_A, shareTagOptions: true },
    { action: 'delete', portfolioId: portfolio(9), node: TEAM_A },
    { action: 'delete', portfolioId: portfolio(8), node: TEAM_B },
  ];
  const changed = await apply(h.writePlan('change.yaml', `shares:\n${change.map((s) => `  - ${Object.entries(s).map(([k, v]) => `${k}: ${String(v)}`).join('\n    ')}`).join('\n')}\n`), '--output', 'json');
  expect({ code: changed.code, stderr: changed.stderr }).toEqual({ code: 0, stderr: "" });
  const report = JSON.parse(changed.stdout) as ApplyJsonReport;
  expect(report.results.map((r) => [r.action, r.outcome, r.made])).toEqual([
    ['update', 'completed', true],
    ['delete', 'completed', true],
    ['delete', 'completed', true],
  ]);
});

test('a share ending COMPLETED_WITH_ERRORS: exit 1, and the shares after it on its portfolio are not started', async () => {
  const plan = { shares: [{ portfolioId: portfolio(10), node: MIXED_OU }, { portfolioId: portfolio(11), node: TEAM_A }, { portfolioId: portfolio(10), node: TEAM_B }] };
  const run = await apply(h.writePlan('mixed.json', plan));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(new RegExp(`\\n  0  create  ${portfolio(10)}  ${MIXED_OU}  COMPLETED_WITH_ERRORS  1   1       1     share-\\w+\\n`));
  expect(run.stdout).toMatch(new RegExp(`\\n  2  create  ${portfolio(10)}  ${TEAM_B}  +not started +- +- +1 +\\(not made\\)\\n`));
  expect(run.stdout).toMatch(/\nnot made \(1\): shares\[2\] \(not started\)\n/);
  expect(run.stdout).toContain('error       AccessDeniedException on 1 account: 666666666666');
});

test('invalid plans exit 2 and make no share call', async () => {
  h.sim.clearRequests();
  const bad = await apply(h.writePlan('bad.json', { shares: [{ portfolioId: portfolio(0), node: 'ou-nope' }, { portfolioId: portfolio(0), node: TEAM_A }, { portfolioId: portfolio(0), node: TEAM_A }] }));
  expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 2, stdout: '' });
  expect(bad.stderr).toMatch(/^error: .*bad\.json is not a valid plan \(2 problems\); nothing was done:\n {2}shares\[0\]\.node: .*\n {2}shares\[2\]: repeats portfolio port-apply0000 and node ou-ab12-teama001 of shares\[1\]; one action per share and plan\n$/);
  expect(h.sim.requests()).toEqual([]);

  const unknown = await apply(h.writePlan('unknown.json', { shares: [{ portfolioId: portfolio(0), node: TEAM_A }, { portfolioId: 'port-nosuchone', node: TEAM_A }] }), '--output', 'json');
  expect(unknown.code).toBe(2);
  expect(JSON.parse(unknown.stdout)).toMatchObject({ exitCode: 2, problems: [{ path: 'shares[1].portfolioId' }], results: [] });
  expect(h.sim.requests().map((r) => `${r.operation} ${r.outcome}`).sort()).toEqual(['DescribePortfolio ResourceNotFoundException', 'DescribePortfolio ok']);
  expect(h.shareCalls()).toEqual([]);
});

test('a failure half-way: share 3 of 5 cannot be made; the report names exactly what was made and what was not', async () => {
  h.sim.clearRequests();
  // Portfolio A: 0, 2 (its call fails: the OU is not in the organization), 4. Portfolio B: 1 (slow), 3.
  // When 2 fails, 1 is still running: it is waited for; 3 and 4 are never started.
  const shares = [
    { portfolioId: portfolio(2), node: TEAM_A },
    { portfolioId: portfolio(3), node: SLOW_OU },
    { portfolioId: portfolio(2), node: MISSING_OU },
    { portfolioId: portfolio(3), node: TEAM_A },
    { action: 'update', portfolioId: portfolio(2), node: TEAM_B, sharePrincipals: true },
  ];
  const run = await apply(h.writePlan('halfway.json', { shares }), '--output', 'json');
  expect(run.code).toBe(4);
  const report = JSON.parse(run.stdout) as ApplyJsonReport;
  expect(report.results.map((r) => [r.index, r.made, r.outcome, r.exitCode])).toEqual([
    [0, true, 'completed', 0],
    [1, true, 'completed', 0],
    [2, false, 'api-error', 4],
    [3, false, 'not-started', 4],
    [4, false, 'not-started', 4],
  ]);
  expect(report.results.map((r) => r.token)).toEqual([expect.stringMatching(/^share-/), expect.stringMatching(/^share-/), null, null, null]);
  expect(report.results[2]?.error).toMatchObject({ name: 'ApiError', serviceErrorName: 'InvalidParametersException' });
  expect(report.notMade).toEqual({ shares: [
    { action: 'create', portfolioId: portfolio(2), node: MISSING_OU },
    { action: 'create', portfolioId: portfolio(3), node: TEAM_A },
    { action: 'update', portfolioId: portfolio(2), node: TEAM_B, sharePrincipals: true },
  ] });
  expect(h.shareCalls()).toEqual(['CreatePortfolioShare ok', 'CreatePortfolioShare ok', 'CreatePortfolioShare InvalidParametersException']);

  // The same in text: the made and not made lines.
  h.sim.clearRequests();
  const again = await apply(h.writePlan('halfway2.json', { shares: shares.map((s) => ({ ...s, portfolioId: s.portfolioId === portfolio(2) ? portfolio(6) : portfolio(7) })) }));
  expect(again.code).toBe(4);
  expect(again.stdout).toMatch(/\nmade \(2\): shares\[0\] share-\w+, shares\[1\] share-\w+\nnot made \(3\): shares\[2\] \(call failed\), shares\[3\] \(not started\), shares\[4\] \(not started\)\n/);
});
