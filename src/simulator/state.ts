import { Organization } from './organization.js';
import { PortfolioStore } from './portfolios.js';
import { randomString } from './random.js';
import type { Random } from './random.js';
import { ShareStore } from './shares.js';
import type { Scenario, SimulatorClock } from './types.js';

/** Everything the operations read and change: the organization, portfolios and shares. */
export interface SimulatorState {
  clock: SimulatorClock;
  organization: Organization;
  portfolios: PortfolioStore;
  shares: ShareStore;
  /** A new seeded id: `prefix` + 13 lowercase letters or digits (`port-…`, `share-…`). */
  newId(prefix: string): string;
}

export const DEFAULT_REGION = 'us-east-1';

export function portfolioArn(region: string, accountId: string, portfolioId: string): string {
  return `arn:aws:catalog:${region}:${accountId}:portfolio/${portfolioId}`;
}

export function createState(scenario: Scenario, clock: SimulatorClock, random: Random): SimulatorState {
  const organization = new Organization(scenario.organization);
  const newId = (prefix: string): string => `${prefix}${randomString(random, 13)}`;
  const portfolios = new PortfolioStore();
  const shares = new ShareStore({
    clock,
    behaviour: scenario.shares ?? {},
    outcomes: scenario.accounts ?? {},
    newToken: () => newId('share-'),
  });
  for (const spec of scenario.portfolios ?? []) {
    const id = spec.id ?? newId('port-');
    portfolios.add({
      id,
      arn: portfolioArn(DEFAULT_REGION, organization.managementAccountId, id),
      displayName: spec.displayName,
      providerName: spec.providerName,
      description: spec.description,
      createdMs: clock.now(),
      tags: [],
    });
  }
  return { clock, organization, portfolios, shares, newId };
}
