import type { Scenario } from '../../src/simulator/types.js';

/** Account id number `i` of a bench organization (12 digits). */
export function benchAccount(i: number): string {
  return String(200_000_000_000 + i);
}

/** Portfolio id number `i` of a bench scenario. */
export function benchPortfolio(i: number): string {
  return `port-bench${String(i).padStart(8, '0')}`;
}

/**
 * An organization of `durations.length` member accounts, account i's shares taking durations[i]
 * seconds, and `portfolios` pre-created portfolios (the service refuses a second share action on a
 * portfolio while one runs, so each concurrent share needs a portfolio of its own).
 */
export function benchScenario(durations: readonly number[], portfolios: number): Scenario {
  const accounts = durations.map((_, i) => benchAccount(i));
  return {
    description: 'bench: one account per share duration',
    organization: {
      id: 'o-benchorg001',
      managementAccountId: '111111111111',
      root: { id: 'r-be01', name: 'Root', accounts: ['111111111111'], organizationalUnits: [{ id: 'ou-be01-bench001', name: 'Bench', accounts }] },
    },
    portfolios: Array.from({ length: portfolios }, (_, i) => ({ id: benchPortfolio(i), displayName: `Bench ${i}` })),
    shares: {
      defaultDurationSeconds: 10,
      notStartedSeconds: 1,
      durationsByNode: Object.fromEntries(durations.map((d, i) => [benchAccount(i), d])),
    },
  };
}
