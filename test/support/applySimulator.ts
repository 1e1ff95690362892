// A simulator for `apply` tests: two teams, a slow OU, an OU where one account refuses the share (so a
// share ends COMPLETED_WITH_ERRORS), and portfolios that exist; plus a helper that writes plan files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../src/simulator/types.js';

export const TEAM_A = 'ou-ab12-teama001';
export const TEAM_B = 'ou-ab12-teamb001';
/** Shares to it take SLOW_SECONDS. */
export const SLOW_OU = 'ou-ab12-slow0001';
export const SLOW_SECONDS = 5;
/** One of its two accounts refuses the share: COMPLETED_WITH_ERRORS. */
export const MIXED_OU = 'ou-ab12-mixed001';
/** Well-formed, but not in the organization: CreatePortfolioShare answers InvalidParametersException. */
export const MISSING_OU = 'ou-ab12-missing01';
export const ORG = 'o-applytest01';

export const portfolio = (i: number): string => `port-apply${String(i).padStart(4, '0')}`;

const scenario: Scenario = {
  organization: {
    id: ORG,
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      accounts: ['111111111111'],
      organizationalUnits: [
        { id: TEAM_A, accounts: ['222222222222'] },
        { id: TEAM_B, accounts: ['333333333333'] },
        { id: SLOW_OU, accounts: ['444444444444'] },
        { id: MIXED_OU, accounts: ['555555555555', '666666666666'] },
      ],
    },
  },
  portfolios: Array.from({ length: 12 }, (_, i) => ({ id: portfolio(i), displayName: `apply test ${i}` })),
  shares: { defaultDurationSeconds: 0.6, notStartedSeconds: 0.1, durationsByNode: { [SLOW_OU]: SLOW_SECONDS } },
  accounts: { '666666666666': { shareError: 'AccessDeniedException' } },
};

export interface ApplySimulator {
  sim: RunningSimulator;
  /** A temporary directory for plan files. */
  dir: string;
  /** Write `plan` (an object as JSON, or text as is) under `name`; returns its path. */
  writePlan(name: string, plan: unknown): string;
  /** Share calls (create, update, delete) the simulator saw since the last clearRequests(). */
  shareCalls(): string[];
  close(): Promise<void>;
}

export async function startApplySimulator(): Promise<ApplySimulator> {
  const sim = await startSimulator({ scenario });
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-share-apply-'));
  return {
    sim,
    dir,
    writePlan(name, plan) {
      const path = join(dir, name);
      writeFileSync(path, typeof plan === 'string' ? plan : JSON.stringify(plan));
      return path;
    },
    shareCalls: () => sim.requests().filter((r) => /^(Create|Update|Delete)PortfolioShare$/.test(r.operation)).map((r) => `${r.operation} ${r.outcome}`),
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
