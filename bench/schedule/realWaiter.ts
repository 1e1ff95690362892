import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { mulberry32 } from '../../src/simulator/random.js';
import type { ScheduleDefinition } from '../../src/schedule.js';
import type { ServiceCatalogLikeClient, Timers } from '../../src/types.js';
import type { WaitFigures } from './model.js';

/** The random stream of wait number `index`: each wait has its own, so concurrency cannot reorder draws. */
export function waitRandom(seed: number, index: number): () => number {
  return mulberry32((seed * 1_000_003 + index * 7919) >>> 0);
}

/** Timers on a virtual clock of the wait's own: sleeping moves it, nothing really waits. */
function virtualTimers(random: () => number): Timers {
  let now = 0;
  return {
    now: () => now,
    random,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      now += ms;
    },
  };
}

/** A describe that answers IN_PROGRESS before `durationSeconds` of the wait's clock, then COMPLETED. */
function shareClient(durationSeconds: number, timers: Timers): ServiceCatalogLikeClient {
  return {
    send: async () => ({
      $metadata: { httpStatusCode: 200 },
      Status: timers.now() >= durationSeconds * 1000 ? 'COMPLETED' : 'IN_PROGRESS',
      PortfolioId: 'port-bench0000001',
      OrganizationNodeValue: 'ou-ab12-bench001',
      ShareDetails: { SuccessfulShares: [], ShareErrors: [] },
    }),
  };
}

/**
 * Run the project's real waiter (`waitUntilPortfolioShareComplete`, its computeDelay and acceptor)
 * once per duration on virtual clocks, `concurrency` waits at a time, and read lag and calls from
 * what it resolved with.
 */
export async function runRealWaits(
  durations: readonly number[],
  schedule: ScheduleDefinition | undefined,
  seed: number,
  concurrency = 500,
): Promise<WaitFigures[]> {
  const results: WaitFigures[] = new Array<WaitFigures>(durations.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < durations.length) {
      const index = next;
      next += 1;
      const durationSeconds = durations[index] ?? 0;
      const timers = virtualTimers(waitRandom(seed, index));
      const result = await waitUntilPortfolioShareComplete(
        {
          client: shareClient(durationSeconds, timers),
          timers,
          maxWaitTime: 3600,
          ...(schedule === undefined
            ? {}
            : { schedule: { coefficient: schedule.coefficient, exponent: schedule.exponent }, minDelay: schedule.minDelay, maxDelay: schedule.maxDelay }),
        },
        { PortfolioShareToken: `share-bench${index}` },
      );
      results[index] = { durationSeconds, lagSeconds: result.elapsedSeconds - durationSeconds, calls: result.attempts };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
