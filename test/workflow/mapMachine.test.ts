import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { getPortfolioShareStatus } from '../../src/getPortfolioShareStatus.js';
import { defaultScenario, startSimulator, type RunningSimulator, type Scenario } from '../../src/simulator/index.js';
import { jsonPathMapMachine, MAP, PLAN_FAILED_ERROR } from '../../src/workflow/mapMachine.js';
import { planToExecutionInput, type SharePlanEntry } from '../../src/workflow/plan.js';
import { ACTION_STATE } from '../../src/workflow/jsonPathShareAction.js';
import { runLocally, serviceCatalogHandlers, shortWaits } from './localRun.js';

const scenario: Scenario = {
  ...defaultScenario,
  shares: { defaultDurationSeconds: 0.3, notStartedSeconds: 0.05 },
  accounts: {
    '222222222222': { shareError: 'ThrottlingException' },
    '333333333333': { shareError: 'AccessDeniedException' },
    '555555555555': { shareError: 'DuplicateResourceException' },
  },
};

// [action, node, what the plan expects: 'ok' or the outcome code, make a share first]
const KINDS: Array<[SharePlanEntry['action'], string, string, boolean]> = [
  ['create', 'ou-ab12-sandbox1', 'ok', false],
  ['create', 'ou-ab12-prod0001', 'SHARE_COMPLETED_WITH_ERRORS', false], // 222 throttled, 333 denied, 444 fine
  ['create', '222222222222', 'SHARE_FAILED', false], // its only account throttled: ERROR
  ['create', 'ou-ab12-dev00001', 'ok', false], // 555 already had it (duplicate only), 666 fine
  ['update', '777777777777', 'ok', true],
  ['delete', 'ou-ab12-sandbox1', 'ok', true],
  ['delete', '666666666666', 'API_ERROR', false], // no such share to delete
  [undefined, 'o-exampleorg01', 'SHARE_COMPLETED_WITH_ERRORS', false],
];

let sim: RunningSimulator;
let client: ServiceCatalogClient;

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

test('a Map over 50 shares gets every outcome right and fails with a summary', async () => {
  const entries: SharePlanEntry[] = [];
  const expected: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const kind = KINDS[i % KINDS.length];
    if (kind === undefined) throw new Error('no kind');
    const [action, node, outcome, existing] = kind;
    const created = await client.send(new CreatePortfolioCommand({ DisplayName: `map${i}`, ProviderName: 'tests', IdempotencyToken: `map-${i}` }));
    const portfolioId = created.PortfolioDetail?.Id ?? '';
    if (existing) {
      const parsed = planToExecutionInput({ shares: [{ portfolioId, node }] }).shares[0];
      await client.send(new CreatePortfolioShareCommand({ PortfolioId: portfolioId, OrganizationNode: parsed?.OrganizationNode }));
    }
    // An update names what it changes (the plan's rule, as for apply).
    entries.push({ ...(action ? { action } : {}), portfolioId, node, ...(action === 'update' ? { shareTagOptions: true } : {}) });
    expected.push(outcome);
  }
  await new Promise((resolve) => setTimeout(resolve, 400)); // let the existing shares finish
  const definition = jsonPathMapMachine({ maxConcurrency: 10 });
  const result = await runLocally(definition, planToExecutionInput({ shares: entries }) as never, {
    taskResourceLocalHandlers: serviceCatalogHandlers(definition, client),
    waitTimeOverrides: shortWaits(definition, 2),
    retryIntervalOverrides: { [ACTION_STATE.create]: 20, [ACTION_STATE.update]: 20, [ACTION_STATE.delete]: 20 },
  });
  if (result.ok) throw new Error('expected the plan to fail');
  expect(result.error).toBe(PLAN_FAILED_ERROR);
  const summary = JSON.parse(result.cause) as { shares: number; outcomes: Array<{ ok: boolean; code?: string; token?: string; share: { PortfolioId: string; action: string } }> };
  expect(summary.shares).toBe(50);
  expect(result.cause.length).toBeLessThan(32_768); // Step Functions' limit of a Cause (docs/step-functions.md)
  expect(summary.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(expected);
  expect(summary.outcomes.map((o) => o.share.PortfolioId)).toEqual(entries.map((e) => e.portfolioId));
  expect(summary.outcomes.map((o) => o.share.action)).toEqual(entries.map((e) => e.action ?? 'create'));
  // Cross-check with the library: its one-shot status of every share the machine waited for.
  for (const outcome of summary.outcomes) {
    if (outcome.token === undefined) continue;
    const status = await getPortfolioShareStatus({ client }, { PortfolioShareToken: outcome.token });
    const libraryOk = status.status === 'COMPLETED' || (status.status === 'COMPLETED_WITH_ERRORS' && status.duplicateAccounts.length > 0);
    expect({ token: outcome.token, ok: outcome.ok }).toEqual({ token: outcome.token, ok: libraryOk });
  }
  expect(Object.keys(definition.States)).toContain(MAP.each);
});

test('a plan whose every share succeeds ends with every outcome', async () => {
  const created = await client.send(new CreatePortfolioCommand({ DisplayName: 'ok', ProviderName: 'tests', IdempotencyToken: 'map-ok' }));
  const definition = jsonPathMapMachine();
  const result = await runLocally(definition, planToExecutionInput({ shares: [{ portfolioId: created.PortfolioDetail?.Id, node: '777777777777' }] }) as never, {
    taskResourceLocalHandlers: serviceCatalogHandlers(definition, client),
    waitTimeOverrides: shortWaits(definition, 2),
  });
  expect(result).toMatchObject({ ok: true, output: { shares: 1, outcomes: [{ ok: true, status: 'COMPLETED' }] } });
});
