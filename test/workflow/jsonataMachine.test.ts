// The JSONata machines, run by the tests' JSONata-state runner on the simulator's manual clock: the
// Tasks send the real SDK commands over HTTP, a Wait moves the clock, `$millis()` reads it.
import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createManualClock, defaultScenario, startSimulator, type ManualClock, type RunningSimulator, type Scenario } from '../../src/simulator/index.js';
import { failedAccountsOf, throttledAccountsOf } from '../../src/shareAccounts.js';
import type { JsonValue } from '../../src/workflow/asl.js';
import { generateStateMachine } from '../../src/workflow/definitions.js';
import { wholeSecondDelay } from '../../src/workflow/machineSchedule.js';
import { PLAN_FAILED_ERROR } from '../../src/workflow/mapMachine.js';
import { planToExecutionInput } from '../../src/workflow/plan.js';
import { runJsonata } from './jsonataRunner.js';
import { callServiceCatalog } from './localRun.js';

const scenario: Scenario = {
  ...defaultScenario,
  shares: { defaultDurationSeconds: 40, notStartedSeconds: 2, durationsByNode: { 'ou-ab12-dev00001': 100_000 }, notFoundDescribes: 2 },
  accounts: { '222222222222': { shareError: 'ThrottlingException' }, '333333333333': { shareError: 'AccessDeniedException' }, '555555555555': { shareError: 'DuplicateResourceException' } },
};

let sim: RunningSimulator;
let clock: ManualClock;
let client: ServiceCatalogClient;
let portfolios = 0;

beforeAll(async () => {
  clock = createManualClock();
  sim = await startSimulator({ scenario, clock });
  client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

async function portfolio(): Promise<string> {
  portfolios += 1;
  const created = await client.send(new CreatePortfolioCommand({ DisplayName: `j${portfolios}`, ProviderName: 'tests', IdempotencyToken: `jsonata-${portfolios}` }));
  return created.PortfolioDetail?.Id ?? '';
}

async function share(value: string, type: 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' = 'ORGANIZATIONAL_UNIT'): Promise<string> {
  const shared = await client.send(new CreatePortfolioShareCommand({ PortfolioId: await portfolio(), OrganizationNode: { Type: type, Value: value } }));
  return shared.PortfolioShareToken ?? '';
}

const run = (definition: ReturnType<typeof generateStateMachine>, input: JsonValue) =>
  runJsonata(definition, input, (resource, args) => callServiceCatalog(client, resource, args), { now: () => clock.now(), advance: (ms) => clock.advance(ms) });

test('COMPLETED after the not-found grace answers, on the library schedule', async () => {
  const token = await share('ou-ab12-sandbox1');
  const { outcome, waits } = await run(generateStateMachine({ queryLanguage: 'JSONata' }), { PortfolioShareToken: token });
  expect(outcome).toMatchObject({ ok: true, output: { ok: true, status: 'COMPLETED', token, attempts: waits.length + 1, duplicateAccounts: [] } });
  let elapsed = 0;
  for (const wait of waits) {
    expect(wait).toBe(wholeSecondDelay(elapsed));
    elapsed += wait;
  }
  expect(elapsed).toBeGreaterThanOrEqual(40);
});

test('COMPLETED_WITH_ERRORS fails with the failed and throttled accounts', async () => {
  const token = await share('ou-ab12-prod0001');
  const { outcome } = await run(generateStateMachine({ queryLanguage: 'JSONata' }), { PortfolioShareToken: token });
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.error).toBe('SHARE_COMPLETED_WITH_ERRORS');
  const cause = JSON.parse(outcome.cause) as { describe: { ShareDetails: Parameters<typeof failedAccountsOf>[0] }; failedAccounts: string[]; throttledAccounts: string[] };
  expect(cause).toMatchObject({ code: 'SHARE_COMPLETED_WITH_ERRORS', token, failedAccounts: ['222222222222', '333333333333'], throttledAccounts: ['222222222222'] });
  expect(cause.failedAccounts).toEqual(failedAccountsOf(cause.describe.ShareDetails));
  expect(cause.throttledAccounts).toEqual(throttledAccountsOf(cause.describe.ShareDetails));
});

test('a share longer than maxWaitTime times out with its last check on the deadline', async () => {
  const token = await share('ou-ab12-dev00001');
  const { outcome, waits } = await run(generateStateMachine({ queryLanguage: 'JSONata', maxWaitTime: 120 }), { PortfolioShareToken: token });
  if (outcome.ok) throw new Error('expected a timeout');
  expect(outcome.error).toBe('WAIT_TIMEOUT');
  expect(JSON.parse(outcome.cause)).toMatchObject({ code: 'WAIT_TIMEOUT', lastCheck: { Status: 'IN_PROGRESS' }, elapsedSeconds: 120, maxWaitTime: 120 });
  expect(waits.reduce((a, b) => a + b, 0)).toBe(120);
});

test('not found past the grace is an API_ERROR', async () => {
  const { outcome } = await run(generateStateMachine({ queryLanguage: 'JSONata', notFoundGraceSeconds: 0 }), { PortfolioShareToken: 'share-nosuchshare1' });
  expect(outcome).toMatchObject({ ok: false, error: 'API_ERROR' });
  if (!outcome.ok) expect(JSON.parse(outcome.cause)).toMatchObject({ error: { Error: 'ServiceCatalog.ResourceNotFoundException' } });
});

test('create meets InvalidState while the portfolio is busy, retries with back-off and succeeds', async () => {
  const portfolioId = await portfolio();
  await client.send(new CreatePortfolioShareCommand({ PortfolioId: portfolioId, OrganizationNode: { Type: 'ACCOUNT', Value: '777777777777' } }));
  const { outcome } = await run(generateStateMachine({ queryLanguage: 'JSONata', action: 'create' }), {
    PortfolioId: portfolioId,
    OrganizationNode: { Type: 'ACCOUNT', Value: '666666666666' },
    ShareTagOptions: false,
    SharePrincipals: false,
  });
  expect(outcome).toMatchObject({ ok: true, output: { ok: true, status: 'COMPLETED', share: { PortfolioId: portfolioId, action: 'create' } } });
  expect(sim.requests().some((r) => r.operation === 'CreatePortfolioShare' && r.outcome === 'InvalidStateException')).toBe(true);
});

test('the JSONata Map over a plan gets every outcome right and fails with a summary', async () => {
  const nodes: Array<[string, string]> = [
    ['ou-ab12-sandbox1', 'ok'],
    ['ou-ab12-prod0001', 'SHARE_COMPLETED_WITH_ERRORS'],
    ['222222222222', 'SHARE_FAILED'],
    ['ou-ab12-dev00001', 'WAIT_TIMEOUT'],
    ['555555555555', 'SHARE_FAILED'], // ERROR with only a duplicate: ERROR is a failure whatever its errors
  ];
  const entries = [];
  for (const [node] of nodes) entries.push({ portfolioId: await portfolio(), node });
  const { outcome } = await run(generateStateMachine({ queryLanguage: 'JSONata', map: true, maxWaitTime: 300 }), planToExecutionInput({ shares: entries }) as unknown as JsonValue);
  if (outcome.ok) throw new Error('expected the plan to fail');
  expect(outcome.error).toBe(PLAN_FAILED_ERROR);
  const summary = JSON.parse(outcome.cause) as { shares: number; failed: number; outcomes: Array<{ ok: boolean; code?: string }> };
  expect(summary.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(nodes.map(([, expected]) => expected));
  expect({ shares: summary.shares, failed: summary.failed }).toEqual({ shares: 5, failed: 4 });
});
