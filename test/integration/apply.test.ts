// applyPlan and `apply` (main() in this process, the real library) against the simulator: real SDK over
// HTTP, real clock, short delays.
import { performance } from 'node:perf_hooks';
import { main } from '../../src/cli/main.js';
import type { ApplyJsonReport } from '../../src/cli/applyFormat.js';
import { applyPlan } from '../../src/plan/applyPlan.js';
import type { PlanShareRun } from '../../src/plan/runPlan.js';
import { InvalidPlanError, validatePlan } from '../../src/plan/validatePlan.js';
import { fakeIo } from '../cli/fakes.js';
import { MIXED_OU, portfolio, SLOW_OU, startApplySimulator, TEAM_A, TEAM_B, type ApplySimulator } from '../support/applySimulator.js';

const credentials = { accessKeyId: 'AKIDAPPLYTEST', secretAccessKey: 'apply-test' };
const FAST = { minDelay: 0.1, maxDelay: 0.3 };
let h: ApplySimulator;

beforeAll(async () => {
  h = await startApplySimulator();
});

afterAll(async () => {
  await h.close();
});

/** The CLI's environment: keys given with AWS_PROFILE are taken from it (not from this process), no AWS files. */
const cliEnv = (): Record<string, string> => ({
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: 'default',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_CONFIG_FILE: `${h.dir}/no-config`,
  AWS_SHARED_CREDENTIALS_FILE: `${h.dir}/no-credentials`,
});
const config = (extra: Record<string, unknown> = {}) => ({ clientConfig: { endpoint: h.sim.endpoint, region: 'us-east-1', credentials }, maxWaitTime: 60, ...FAST, ...extra });

test('five shares over two portfolios: each made and waited for, one at a time per portfolio, the portfolios at once', async () => {
  h.sim.clearRequests();
  const plan = validatePlan({
    shares: [
      { portfolioId: portfolio(0), node: TEAM_A },
      { portfolioId: portfolio(1), node: TEAM_A },
      { portfolioId: portfolio(0), node: TEAM_B, shareTagOptions: true },
      { portfolioId: portfolio(0), node: '222222222222' },
      { portfolioId: portfolio(1), node: TEAM_B },
    ],
  });
  const endedAt = new Map<number, number>();
  const { shares, stats } = await applyPlan(config({ maxCallsPerSecond: 10, onShareEnd: (run: PlanShareRun) => endedAt.set(run.index, performance.now()) }), plan);
  expect(shares.map((run) => `${run.index}:${run.phase}`)).toEqual(['0:done', '1:done', '2:done', '3:done', '4:done']);
  for (const run of shares) if (run.phase === 'done') expect(run.result).toMatchObject({ status: 'COMPLETED', portfolioId: run.share.portfolioId, organizationNodeValue: run.share.node.Value });
  // No share action ever met another on its portfolio (the service would answer InvalidStateException).
  expect(h.shareCalls()).toEqual(Array.from({ length: 5 }, () => 'CreatePortfolioShare ok'));
  expect(h.sim.requests().filter((r) => r.operation === 'DescribePortfolio')).toHaveLength(2);
  // Portfolio 1's first share was called while portfolio 0's first was still being waited for.
  const call = (i: number): number => (shares[i] as Extract<PlanShareRun, { phase: 'done' }>).call.calledAt;
  expect(call(1)).toBeLessThan(endedAt.get(0) ?? 0);
  // Within portfolio 0: each share was called after the one before it ended.
  expect(call(2)).toBeGreaterThanOrEqual(endedAt.get(0) ?? Infinity);
  expect(call(3)).toBeGreaterThanOrEqual(endedAt.get(2) ?? Infinity);
  // Every status check went through the pool.
  expect(h.sim.requests().filter((r) => r.operation === 'DescribePortfolioShareStatus')).toHaveLength(stats.calls);
});

test('unknown portfolios: InvalidPlanError naming each share, and no share call', async () => {
  h.sim.clearRequests();
  const plan = validatePlan({ shares: [{ portfolioId: portfolio(2), node: TEAM_A }, { portfolioId: 'port-nosuchone', node: TEAM_A }] });
  const error = await applyPlan(config(), plan).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidPlanError);
  expect((error as InvalidPlanError).problems.map((p) => p.path)).toEqual(['shares[1].portfolioId']);
  expect(h.shareCalls()).toEqual([]);
});

test('the deadline half-way: the running wait times out with its token, the next share of its portfolio is not started', async () => {
  const plan = validatePlan({
    shares: [
      { portfolioId: portfolio(3), node: SLOW_OU },
      { portfolioId: portfolio(4), node: TEAM_A },
      { portfolioId: portfolio(3), node: TEAM_A },
    ],
  });
  const { shares } = await applyPlan(config({ maxWaitTime: 1.5 }), plan);
  expect(shares.map((run) => `${run.index}:${run.phase}`)).toEqual(['0:wait-failed', '1:done', '2:not-started']);
  expect(shares[0]).toMatchObject({ token: expect.stringMatching(/^share-/), error: { name: 'WaitTimeoutError', lastStatus: 'IN_PROGRESS' } });
  expect(shares[2]).toMatchObject({ reason: { kind: 'deadline' } });
});

test('apply (main, real library) with a YAML plan: a share ending COMPLETED_WITH_ERRORS exits 1, the others are made with --keep-going', async () => {
  h.sim.clearRequests();
  const file = h.writePlan('plan.yaml', `# two portfolios\nshares:\n  - portfolioId: ${portfolio(5)}\n    node: ${MIXED_OU}\n  - portfolioId: ${portfolio(5)}\n    node: ${TEAM_A}\n  - portfolioId: ${portfolio(6)}\n    node: ${TEAM_B}\n`);
  const io = fakeIo();
  const code = await main(['apply', '--file', file, '--endpoint-url', h.sim.endpoint, '--min-delay', '0.1', '--max-delay', '0.3', '--keep-going', '--output', 'json'], cliEnv(), io);
  expect({ code, err: io.err() }).toEqual({ code: 1, err: '' });
  const report = JSON.parse(io.out()) as ApplyJsonReport;
  expect(report.results.map((r) => [r.index, r.made, r.outcome, r.status, r.exitCode])).toEqual([
    [0, true, 'failed', 'COMPLETED_WITH_ERRORS', 1],
    [1, true, 'completed', 'COMPLETED', 0],
    [2, true, 'completed', 'COMPLETED', 0],
  ]);
  expect(report.results[0]?.error).toMatchObject({ name: 'ShareCompletedWithErrorsError', failedAccounts: ['666666666666'] });
  expect(report.notMade).toBeNull();
  expect(h.shareCalls()).toEqual(['CreatePortfolioShare ok', 'CreatePortfolioShare ok', 'CreatePortfolioShare ok']);
});

test('apply (main, real library): a missing plan file and a bad plan exit 2 without a call', async () => {
  h.sim.clearRequests();
  const env = cliEnv();
  const missing = fakeIo();
  expect(await main(['apply', '--file', `${h.dir}/nope.json`, '--endpoint-url', h.sim.endpoint], env, missing)).toBe(2);
  expect(missing.err()).toMatch(/^error: could not read the plan file .*nope\.json: ENOENT/);
  const bad = fakeIo();
  const file = h.writePlan('bad.json', { shares: [{ portfolioId: portfolio(7), node: 'r-ab12' }, { portfolioId: portfolio(7), node: TEAM_A }, { portfolioId: portfolio(7), node: TEAM_A }] });
  expect(await main(['apply', '--file', file, '--endpoint-url', h.sim.endpoint], env, bad)).toBe(2);
  expect(bad.err()).toContain('shares[0].node: "r-ab12" is a root');
  expect(bad.err()).toContain('shares[2]: repeats portfolio port-apply0007 and node ou-ab12-teama001 of shares[1]');
  expect(h.sim.requests()).toEqual([]);
});
