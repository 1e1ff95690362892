import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { failedAccountsOf, throttledAccountsOf } from '../../src/shareAccounts.js';
import { defaultScenario, startSimulator, type RunningSimulator, type Scenario } from '../../src/simulator/index.js';
import type { StateMachineDefinition } from '../../src/workflow/asl.js';
import { jsonPathWaitMachine } from '../../src/workflow/jsonPathMachine.js';
import { POLL } from '../../src/workflow/jsonPathPolling.js';
import { ACTION_STATE } from '../../src/workflow/jsonPathShareAction.js';
import { delayTable } from '../../src/workflow/machineSchedule.js';
import { runLocally, serviceCatalogHandlers, shortWaits } from './localRun.js';

const PRODUCTION_OU = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } as const;
const SANDBOX_OU = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' } as const;

// Real clock, short shares: the machine's waits are cut to 2 ms by the interpreter's overrides.
const scenario: Scenario = {
  ...defaultScenario,
  shares: { defaultDurationSeconds: 0.3, notStartedSeconds: 0.05, durationsByNode: { 'ou-ab12-dev00001': 100_000, '666666666666': 1.5 } },
  accounts: {
    '222222222222': { shareError: 'ThrottlingException' },
    '333333333333': { shareError: 'AccessDeniedException' },
  },
};

let sim: RunningSimulator;
let client: ServiceCatalogClient;
let portfolios = 0;

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

async function portfolio(): Promise<string> {
  portfolios += 1;
  const created = await client.send(new CreatePortfolioCommand({ DisplayName: `sfn${portfolios}`, ProviderName: 'tests', IdempotencyToken: `sfn-${portfolios}` }));
  const id = created.PortfolioDetail?.Id;
  if (id === undefined) throw new Error('no portfolio id');
  return id;
}

async function share(node: { Type: 'ORGANIZATIONAL_UNIT' | 'ACCOUNT'; Value: string }): Promise<string> {
  const created = await client.send(new CreatePortfolioShareCommand({ PortfolioId: await portfolio(), OrganizationNode: node }));
  if (created.PortfolioShareToken === undefined) throw new Error('no token');
  return created.PortfolioShareToken;
}

function run(definition: StateMachineDefinition, input: Record<string, unknown>, calls?: string[], retryIntervalOverrides?: Record<string, number>) {
  return runLocally(definition, input as never, {
    taskResourceLocalHandlers: serviceCatalogHandlers(definition, client, calls),
    waitTimeOverrides: shortWaits(definition, 2),
    ...(retryIntervalOverrides ? { retryIntervalOverrides } : {}),
  });
}

test('a share that completes: the machine succeeds with the COMPLETED description', async () => {
  const token = await share(SANDBOX_OU);
  const outcome = await run(jsonPathWaitMachine('none'), { PortfolioShareToken: token });
  expect(outcome).toMatchObject({ ok: true, output: { ok: true, status: 'COMPLETED', token, describe: { Status: 'COMPLETED', ShareDetails: { SuccessfulShares: ['777777777777'] } } } });
});

test('COMPLETED_WITH_ERRORS ends in the Fail state with the failed and throttled accounts intact', async () => {
  const token = await share(PRODUCTION_OU);
  const outcome = await run(jsonPathWaitMachine('none'), { PortfolioShareToken: token });
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.error).toBe('SHARE_COMPLETED_WITH_ERRORS');
  const cause = JSON.parse(outcome.cause) as { code: string; status: string; token: string; describe: { ShareDetails: Parameters<typeof failedAccountsOf>[0] }; shareErrorKinds: string[] };
  expect(cause).toMatchObject({ code: 'SHARE_COMPLETED_WITH_ERRORS', status: 'COMPLETED_WITH_ERRORS', token });
  expect(failedAccountsOf(cause.describe.ShareDetails).sort()).toEqual(['222222222222', '333333333333']);
  expect(throttledAccountsOf(cause.describe.ShareDetails)).toEqual(['222222222222']);
  expect([...cause.shareErrorKinds].sort()).toEqual(['failed', 'throttled']);
});

test('a share that outlasts maxWaitTime times out at the deadline, after exactly the table of delays', async () => {
  const token = await share({ Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-dev00001' });
  const calls: string[] = [];
  const definition = jsonPathWaitMachine('none', { maxWaitTime: 60 });
  const outcome = await run(definition, { PortfolioShareToken: token }, calls);
  if (outcome.ok) throw new Error('expected a timeout');
  expect(outcome.error).toBe('WAIT_TIMEOUT');
  const table = delayTable(60, 30);
  expect(table.delays.reduce((a, b) => a + b, 0)).toBe(60);
  expect(JSON.parse(outcome.cause)).toMatchObject({ code: 'WAIT_TIMEOUT', token, attempts: table.delays.length + 1, elapsedSeconds: 60, maxWaitTime: 60, lastCheck: { Status: 'IN_PROGRESS' } });
  expect(calls.filter((c) => c === POLL.describe)).toHaveLength(table.delays.length + 1);
});

test('create meets InvalidStateException while the portfolio is busy, retries and succeeds', async () => {
  const portfolioId = await portfolio();
  // A share that keeps the portfolio busy for 1.5 s; the create's six retries, 400 ms apart, outlast it.
  await client.send(new CreatePortfolioShareCommand({ PortfolioId: portfolioId, OrganizationNode: { Type: 'ACCOUNT', Value: '666666666666' } }));
  const calls: string[] = [];
  const definition = jsonPathWaitMachine('create');
  const outcome = await run(
    definition,
    { PortfolioId: portfolioId, OrganizationNode: { Type: 'ACCOUNT', Value: '555555555555' }, ShareTagOptions: false, SharePrincipals: false },
    calls,
    { [ACTION_STATE.create]: 400 },
  );
  expect(outcome).toMatchObject({ ok: true, output: { ok: true, status: 'COMPLETED', share: { PortfolioId: portfolioId, action: 'create' } } });
  expect(calls.filter((c) => c === ACTION_STATE.create).length).toBeGreaterThan(1);
  expect(sim.requests().some((r) => r.operation === 'CreatePortfolioShare' && r.outcome === 'InvalidStateException')).toBe(true);
});
