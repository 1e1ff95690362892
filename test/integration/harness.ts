import {
  CreatePortfolioCommand,
  CreatePortfolioShareCommand,
  ServiceCatalogClient,
  type OrganizationNodeType,
  type ServiceCatalogClientConfig,
} from '@aws-sdk/client-service-catalog';
import { createManualClock, defaultScenario, startSimulator, type ManualClock, type RunningSimulator, type Scenario } from '../../src/simulator/index.js';
import type { Timers } from '../../src/types.js';
import { withStallGuard } from '../support/fakeTimers.js';

export interface WaiterHarness {
  sim: RunningSimulator;
  clock: ManualClock;
  /** Config for a client the waiter creates itself (real SDK, real HTTP). */
  clientConfig: ServiceCatalogClientConfig;
  /** A real SDK client for setting up shares (and for tests that pass their own client). */
  client: ServiceCatalogClient;
  /** Waiter time driven by the simulator's clock: a sleep moves the clock and returns at once. */
  timers: Timers;
  /** CreatePortfolio, then CreatePortfolioShare to an organization node; the share token. */
  createShare(node: { Type: OrganizationNodeType; Value: string }): Promise<string>;
  /** DescribePortfolioShareStatus calls the simulator saw, with their outcomes. */
  describes(): { time: number; httpStatus: number; outcome: string }[];
  close(): Promise<void>;
}

export const PRODUCTION_OU = 'ou-ab12-prod0001';
export const SANDBOX_OU = 'ou-ab12-sandbox1';

export function scenarioWith(overrides: Partial<Scenario> & { shares?: Scenario['shares'] }): Scenario {
  return { ...defaultScenario, ...overrides, shares: { ...defaultScenario.shares, ...overrides.shares } };
}

export async function startWaiterHarness(scenario: Scenario = defaultScenario): Promise<WaiterHarness> {
  const clock = createManualClock();
  const sim = await startSimulator({ clock, scenario });
  const clientConfig: ServiceCatalogClientConfig = {
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
  };
  const client = new ServiceCatalogClient({ ...clientConfig, maxAttempts: 1 });
  const timers: Timers = withStallGuard({
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      clock.advance(ms);
    },
    random: () => 0.5,
  });
  let portfolios = 0;
  return {
    sim,
    clock,
    clientConfig,
    client,
    timers,
    async createShare(node) {
      portfolios += 1;
      const portfolio = await client.send(new CreatePortfolioCommand({ DisplayName: `p${portfolios}`, ProviderName: 'tests', IdempotencyToken: `idem-${portfolios}` }));
      const portfolioId = portfolio.PortfolioDetail?.Id;
      if (portfolioId === undefined) throw new Error('CreatePortfolio returned no id');
      const share = await client.send(new CreatePortfolioShareCommand({ PortfolioId: portfolioId, OrganizationNode: node }));
      if (share.PortfolioShareToken === undefined) throw new Error('CreatePortfolioShare returned no token');
      return share.PortfolioShareToken;
    },
    describes: () => sim.requests().filter((entry) => entry.operation === 'DescribePortfolioShareStatus'),
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}

/** The rejection of a promise that must reject. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
