import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createManualClock, defaultScenario, startSimulator, type Scenario } from '../../src/simulator/index.js';
import type { Timers } from '../../src/types.js';
import { SECRET_ACCESS_KEY, SESSION_TOKEN, TEMP_ACCESS_KEY_ID, secretsIn } from '../support/secrets.js';
import { ENTRY_POINTS, type CellSetup, type EntryPoint } from './entryPoints.js';
import { accountsFor, cliOutcome, FAULTS, FINAL_STATUSES, SHARE_DURATION_SECONDS, type Fault, type FinalStatus } from './faultTable.js';

// Every simulator fault × the share's final status × every entry point, each cell asserting the exact
// outcome and that nothing is left running. test/support/faultMatrixReporter.mjs counts the cells
// that ran ('fault matrix' › <fault kind> › <cell>) and prints the summary after the run.

const NEVER_SECONDS = 1_000_000;

/** Active handles by kind (timers, sockets, servers…), as Node reports them. */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Kinds of which more are active now than in `before`. */
function extra(before: Map<string, number>): string[] {
  const now = resources();
  return [...now].filter(([kind, n]) => n > (before.get(kind) ?? 0)).map(([kind, n]) => `${kind} +${n - (before.get(kind) ?? 0)}`);
}

/**
 * Waits (up to 2 s, for sockets and their requests to finish closing: the SDK clears a request's
 * deferred timers on its 'close' event, a moment after the answer) until no more of `kinds` are
 * active than before the cell.
 */
async function nothingLingers(before: Map<string, number>, kinds = (kind: string): boolean => kind !== ''): Promise<string[]> {
  const left = (): string[] => extra(before).filter(kinds);
  for (let i = 0; i < 400 && left().length > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  return left();
}

function scenarioFor(fault: Fault, final: FinalStatus): Scenario {
  return {
    ...defaultScenario,
    shares: {
      defaultDurationSeconds: final === 'NEVER' ? NEVER_SECONDS : SHARE_DURATION_SECONDS,
      notStartedSeconds: 2,
      notFoundDescribes: fault.notFoundDescribes ?? 0,
      accountAcceptDelaySeconds: null,
    },
    accounts: { ...accountsFor(final), ...fault.accounts },
    faults: [],
  };
}

async function runCell(fault: Fault, final: FinalStatus, entry: EntryPoint): Promise<void> {
  const before = resources();
  const clock = createManualClock();
  const sim = await startSimulator({ clock, scenario: scenarioFor(fault, final) });
  try {
    const share = { PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } } as const;
    let token = '';
    if (entry.createsShare !== true) {
      const setupClient = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1 });
      token = (await setupClient.send(new CreatePortfolioShareCommand(share))).PortfolioShareToken ?? '';
      setupClient.destroy();
    }
    for (const rule of fault.rules ?? []) sim.injectFault({ operation: 'DescribePortfolioShareStatus', ...rule });
    // A one-shot check looks once the share should have ended.
    if (entry.kind === 'status') clock.advance((SHARE_DURATION_SECONDS + 1) * 1000);
    const timers: Timers = {
      now: () => clock.now(),
      sleep: async (ms, signal) => {
        signal?.throwIfAborted();
        clock.advance(ms);
        await Promise.resolve();
        signal?.throwIfAborted();
      },
      random: () => 0.5,
    };
    const setup: CellSetup = {
      endpoint: sim.endpoint,
      token,
      share,
      clock,
      timers,
      clientConfig: {
        endpoint: sim.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: TEMP_ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN },
        requestHandler: { requestTimeout: fault.slow === true ? 100 : 5_000, throwOnRequestTimeout: true },
      },
    };
    const observed = await entry.run(setup);
    const expected = entry.expect?.(fault, final) ?? fault.expect(final, entry.kind);
    expect(observed.library).toEqual(expected);
    if (observed.cli !== undefined) expect(observed.cli).toEqual(cliOutcome(expected, entry.kind));
    expect(observed.texts.flatMap(secretsIn)).toEqual(entry.expectedSecrets?.(fault) ?? []);
    // The entry point settled: none of its timers may still run (the simulator's own latency timer may).
    if (fault.slow !== true) expect(await nothingLingers(before, (kind) => kind.startsWith('Timeout'))).toEqual([]);
  } finally {
    await sim.close();
  }
  expect(await nothingLingers(before)).toEqual([]);
}

describe('fault matrix', () => {
  for (const fault of FAULTS) {
    describe(fault.name, () => {
      for (const final of FINAL_STATUSES) {
        for (const entry of ENTRY_POINTS) {
          it(`${final} via ${entry.name}`, () => runCell(fault, final, entry));
        }
      }
    });
  }
});
