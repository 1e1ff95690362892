// The pool's hung-call guard, on injected time: a describe that never answers must neither keep its wait
// past the deadline nor hold a concurrency slot for good. Without the guard these waits never settle.
import { createSharePool } from '../../src/pool/sharePool.js';
import { WaitTimeoutError } from '../../src/errors.js';
import type { ServiceCatalogLikeClient } from '../../src/types.js';
import { createPoolClock, scriptedClient, type PoolClock } from './poolClock.js';

/**
 * A client whose calls for the tokens in `hung` never answer (the first `hungCalls` of them, or all),
 * unless their AbortSignal fires; other calls answer as `scriptedClient` does.
 */
function hangingClient(clock: PoolClock, doneAt: Record<string, number>, hung: Record<string, number>) {
  const answering = scriptedClient(clock, Object.fromEntries(Object.entries(doneAt).map(([token, at]) => [token, { doneAt: at }])));
  const aborted: unknown[] = [];
  const client: ServiceCatalogLikeClient = {
    send: (command, options) => {
      const token = (command as { input: { PortfolioShareToken: string } }).input.PortfolioShareToken;
      const left = hung[token] ?? 0;
      if (left <= 0) return answering.send(command, options);
      hung[token] = left - 1;
      return new Promise((_resolve, reject) => {
        options?.abortSignal?.addEventListener('abort', () => {
          aborted.push(options.abortSignal?.reason);
          reject(options.abortSignal?.reason);
        });
      });
    },
  };
  return { client, aborted };
}

/** How each wait settled, read without awaiting a promise that may never settle. */
interface Tracked<T> {
  state: 'pending' | 'resolved' | 'rejected';
  value?: T;
  error?: unknown;
}

function track<T>(promise: Promise<T>): Tracked<T> {
  const tracked: Tracked<T> = { state: 'pending' };
  promise.then(
    (value) => Object.assign(tracked, { state: 'resolved', value }),
    (error: unknown) => Object.assign(tracked, { state: 'rejected', error }),
  );
  return tracked;
}

describe('the pool gives up on a call that never answers (callTimeout)', () => {
  it('cuts the hung call, frees its slot and checks again: the other waits are not stalled', async () => {
    const clock = createPoolClock();
    const { client, aborted } = hangingClient(clock, { 'share-hung': 3000, 'share-ok': 3000 }, { 'share-hung': 1 });
    const pool = createSharePool({ client, timers: clock, maxConcurrentCalls: 1, callTimeout: 4, maxWaitTime: 60 });
    const hung = track(pool.wait('share-hung'));
    const ok = track(pool.wait('share-ok'));
    await clock.run(60_000);
    expect(hung.state).toBe('resolved');
    expect(ok.state).toBe('resolved');
    expect(hung.value).toMatchObject({ status: 'COMPLETED', attempts: 2 });
    // The one slot was busy with the hung call for exactly callTimeout, then share-ok got it.
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({ name: 'TimeoutError', message: expect.stringContaining('unanswered after 4 s') });
    expect(pool.stats()).toMatchObject({ timedOutCalls: 1, inFlight: 0, pending: 0, settled: 2 });
    pool.close();
    expect(clock.live).toBe(0);
  });

  it('counts the timeout as a transient error of the wait (logged, retried at its next due time through the budget)', async () => {
    const clock = createPoolClock();
    const { client } = hangingClient(clock, { 'share-hung': 0 }, { 'share-hung': 2 });
    const pool = createSharePool({ client, timers: clock, callTimeout: 1 });
    const hung = track(pool.wait('share-hung'));
    await clock.run(60_000);
    expect(hung.state).toBe('resolved');
    expect(hung.value).toMatchObject({ status: 'COMPLETED', attempts: 3 });
    expect(pool.stats().timedOutCalls).toBe(2);
    // Two calls of 1 s and the two delays before the retries: well under the first minute.
    expect(hung.value?.elapsedSeconds).toBeLessThan(10);
  });

  it('ends a wait whose every call hangs at its deadline plus the grace, with the timeout error, not never', async () => {
    const clock = createPoolClock();
    const { client } = hangingClient(clock, { 'share-hung': 1_000_000 }, { 'share-hung': 1_000 });
    const pool = createSharePool({ client, timers: clock, callTimeout: 30, maxWaitTime: 5 });
    const hung = track(pool.wait('share-hung'));
    let endedAt: number | undefined;
    pool.on('outcome', () => {
      endedAt = clock.now();
    });
    await clock.run(3_600_000);
    expect(hung.state).toBe('rejected');
    expect(hung.error).toBeInstanceOf(WaitTimeoutError);
    expect(hung.error).toMatchObject({ attempts: 1 });
    // The first call started at 0 and was given up 10 s after the 5 s deadline (not at 30 s).
    expect(endedAt).toBe(15_000);
    expect(clock.live).toBe(0);
  });

  it('refuses a callTimeout that is not a positive number of seconds', () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, {});
    for (const callTimeout of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number]) {
      expect(() => createSharePool({ client, timers: clock, callTimeout })).toThrow(/callTimeout must be a finite number of seconds > 0/);
    }
  });
});
