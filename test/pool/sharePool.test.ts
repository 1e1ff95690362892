import { createSharePool } from '../../src/pool/sharePool.js';
import { ApiError, InvalidInputError, ShareFailedError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import type { PoolOutcome } from '../../src/pool/types.js';
import { createCapturingLogger } from '../support/capturingLogger.js';
import { createPoolClock, maxInWindow, scriptedClient, type ShareScript } from './poolClock.js';

function shares(n: number, doneAt: (i: number) => number): Record<string, ShareScript> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`share-${i}`, { doneAt: doneAt(i) }]));
}

describe('createSharePool on injected time', () => {
  it('waits for many tokens under one budget, with one timer, and streams every outcome', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(300, (i) => 10_000 + (i % 50) * 1000));
    const pool = createSharePool({ client, timers: clock, maxCallsPerSecond: 40, maxConcurrentCalls: 10 });
    const stream = pool.results();
    const events: PoolOutcome[] = [];
    pool.on('outcome', (o) => events.push(o));
    for (let i = 0; i < 300; i += 1) pool.add(`share-${i}`);
    pool.end();
    const collected: PoolOutcome[] = [];
    const reading = (async () => {
      for await (const outcome of stream) collected.push(outcome);
    })();
    await clock.run();
    await reading;
    expect(collected).toHaveLength(300);
    expect(events).toHaveLength(300);
    expect(collected.every((o) => o.ok && o.result.status === 'COMPLETED')).toBe(true);
    expect(new Set(collected.map((o) => o.token)).size).toBe(300);
    expect(maxInWindow(client.calls.map((c) => c.at))).toBeLessThanOrEqual(40);
    expect(clock.maxLive).toBe(1);
    expect(clock.live).toBe(0);
    const stats = pool.stats();
    expect(stats).toMatchObject({ pending: 0, inFlight: 0, settled: 300, calls: client.calls.length, maxCallsPerSecond: 40 });
    // 300 waits of 10–59 s at the default schedule want far more than 40 calls/s: the schedule stretched.
    expect(stats.stretch.factor).toBeGreaterThan(1.5);
    expect(stats.stretch.delayedChecks).toBeGreaterThan(0);
    expect(stats.stretch.maxDelaySeconds).toBeGreaterThan(stats.stretch.meanDelaySeconds);
  });

  it('stretches fairly: under a tight budget no wait is starved (earliest due first)', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(100, () => 30_000));
    const pool = createSharePool({ client, timers: clock, maxCallsPerSecond: 5 });
    const ends: number[] = [];
    const waits = Array.from({ length: 100 }, (_, i) => pool.wait(`share-${i}`).then((r) => {
        ends.push(clock.now());
        return r;
      }),
    );
    await clock.run();
    const results = await Promise.all(waits);
    // The bucket sustains 5 − 1 burst − 1 in flight = 3 calls/s, so a round of 100 checks takes ≈ 33 s:
    // every wait is checked once a round, and all see the end within one round.
    const checks = results.map((r) => r.attempts);
    expect(Math.max(...checks) - Math.min(...checks)).toBeLessThanOrEqual(1);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual((100 / 3) * 1000 + 1000);
    expect(pool.stats().stretch.factor).toBeGreaterThan(2);
  });

  it('keeps each wait its own deadline, abort and typed outcome', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, {
      'share-ok': { doneAt: 3000 },
      'share-failed': { doneAt: 2000, final: 'ERROR', shareErrors: [{ Accounts: ['222222222222'], Error: 'AccessDenied', Message: 'no' }] },
      'share-slow': { doneAt: 1_000_000 },
      'share-aborted': { doneAt: 1_000_000 },
      'share-denied': { doneAt: 0, error: Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }) },
    });
    const pool = createSharePool({ client, timers: clock, maxCallsPerSecond: 10 });
    const controller = new AbortController();
    const settled = Promise.allSettled([
      pool.wait('share-ok'),
      pool.wait('share-failed'),
      pool.wait('share-slow', { maxWaitTime: 20 }),
      pool.wait('share-aborted', { abortSignal: controller.signal }),
      pool.wait('share-denied'),
    ]);
    await clock.run(10_000);
    clock.advance(10_000 - clock.now());
    controller.abort(new Error('stop'));
    await clock.run();
    const [ok, failed, slow, aborted, denied] = await settled;
    expect(ok).toMatchObject({ status: 'fulfilled', value: { status: 'COMPLETED', token: 'share-ok' } });
    expect(failed.status === 'rejected' && failed.reason).toBeInstanceOf(ShareFailedError);
    expect(slow.status === 'rejected' && slow.reason).toBeInstanceOf(WaitTimeoutError);
    expect(slow).toMatchObject({ reason: { lastStatus: 'IN_PROGRESS', elapsedSeconds: 20 } });
    expect(aborted.status === 'rejected' && aborted.reason).toBeInstanceOf(WaitAbortedError);
    expect(aborted).toMatchObject({ reason: { elapsedSeconds: 10 } });
    expect(denied.status === 'rejected' && denied.reason).toBeInstanceOf(ApiError);
    expect(denied).toMatchObject({ reason: { serviceErrorName: 'AccessDeniedException', attempts: 1 } });
    // No call for the aborted wait after its abort, none after the deadline for the slow one.
    expect(client.calls.filter((c) => c.token === 'share-aborted').every((c) => c.at <= 10_000)).toBe(true);
    expect(client.calls.filter((c) => c.token === 'share-slow').every((c) => c.at <= 20_000)).toBe(true);
    expect(clock.live).toBe(0);
  });

  it('retries a transient failure on its schedule, through the budget, and reports status changes', async () => {
    const clock = createPoolClock();
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const script: Record<string, ShareScript> = { 'share-t': { doneAt: 5000, error: throttled } };
    const client = scriptedClient(clock, script);
    const { logger, lines } = createCapturingLogger();
    const changes: string[] = [];
    const pool = createSharePool({ client, timers: clock, logger });
    const done = pool.wait('share-t', { onStatusChange: (e) => changes.push(e.status) });
    await clock.run(4000);
    delete script['share-t']?.error;
    await clock.run();
    await expect(done).resolves.toMatchObject({ status: 'COMPLETED' });
    expect(changes).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(lines.some((l) => l.msg === 'portfolio share check failed; checking again later')).toBe(true);
  });

  it('aborts an in-flight call and every pending wait on close(), and ends the streams', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(3, () => 1_000_000), 5000);
    const pool = createSharePool({ client, timers: clock, maxConcurrentCalls: 1 });
    const stream = pool.results();
    const waits = ['share-0', 'share-1', 'share-2'].map((t) => pool.wait(t));
    await clock.run(1000);
    expect(pool.stats()).toMatchObject({ inFlight: 1, pending: 3 });
    pool.close();
    const results = await Promise.allSettled(waits);
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof WaitAbortedError)).toBe(true);
    const outcomes: PoolOutcome[] = [];
    for await (const o of stream) outcomes.push(o);
    expect(outcomes).toHaveLength(3);
    expect(() => pool.add('share-9')).toThrow('The pool was closed');
    pool.close();
    await clock.run();
    expect(clock.live).toBe(0);
  });

  it('refuses bad input before any call', () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, {});
    expect(() => createSharePool({ client, timers: clock, maxCallsPerSecond: 0 })).toThrow(InvalidInputError);
    expect(() => createSharePool({ client, timers: clock, maxConcurrentCalls: 1.5 })).toThrow('maxConcurrentCalls must be a finite integer ≥ 1, but received 1.5');
    expect(() => createSharePool({ timers: clock })).toThrow('client/clientConfig must be given exactly one of the two');
    expect(() => createSharePool({ client, timers: { now: () => 0 } as never })).toThrow('timers must have now, random and setTimer functions');
    expect(() => createSharePool(null as never)).toThrow(InvalidInputError);
    const pool = createSharePool({ client, timers: clock });
    expect(() => pool.add('share 1')).toThrow(InvalidInputError);
    expect(() => pool.add('share-1', { maxWaitTime: -1 })).toThrow('maxWaitTime must be a finite number of seconds greater than 0');
    expect(client.calls).toHaveLength(0);
  });

  it('settles an already aborted wait at once, and a finished pool ends a late iterator at once', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, {});
    const pool = createSharePool({ client, timers: clock });
    const controller = new AbortController();
    controller.abort();
    await expect(pool.wait('share-1', { abortSignal: controller.signal })).rejects.toBeInstanceOf(WaitAbortedError);
    pool.end();
    const late = pool.results();
    await expect(late.next()).resolves.toEqual({ value: undefined, done: true });
    expect(client.calls).toHaveLength(0);
  });

  it('lets a reader stop early with break', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(3, (i) => i * 1000));
    const pool = createSharePool({ client, timers: clock });
    const stream = pool.results();
    for (let i = 0; i < 3; i += 1) pool.add(`share-${i}`);
    pool.end();
    await clock.run();
    const seen: string[] = [];
    for await (const o of stream) {
      seen.push(o.token);
      break;
    }
    expect(seen).toHaveLength(1);
    await expect(stream.next()).resolves.toMatchObject({ done: true });
  });

  it('a throwing onProgress is logged and breaks neither its wait nor the others', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(2, () => 0));
    const pool = createSharePool({ client, timers: clock, logger: createCapturingLogger().logger });
    const boom = new Error('boom');
    const results = Promise.allSettled([
      pool.wait('share-0', {
        onProgress: () => {
          throw boom;
        },
      }),
      pool.wait('share-1'),
    ]);
    await clock.run();
    const [a, b] = await results;
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
  });

  it('ends a wait whose logger throws with an ApiError carrying what it threw, and goes on', async () => {
    const clock = createPoolClock();
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const client = scriptedClient(clock, { 'share-0': { doneAt: 0, error: throttled }, 'share-1': { doneAt: 0 } });
    const { logger } = createCapturingLogger();
    const broken = { ...logger, warn: () => { throw new Error('log sink gone'); }, child: () => broken };
    const pool = createSharePool({ client, timers: clock, logger: broken });
    const results = Promise.allSettled([pool.wait('share-0'), pool.wait('share-1')]);
    await clock.run();
    const [a, b] = await results;
    expect(a).toMatchObject({ status: 'rejected', reason: { name: 'ApiError', serviceMessage: 'log sink gone' } });
    expect(b.status).toBe('fulfilled');
  });

  it('reports an untouched budget before any call, and does nothing after a close() right behind an add()', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(1, () => 0));
    const pool = createSharePool({ client, timers: clock });
    expect(pool.stats()).toEqual({
      pending: 0,
      inFlight: 0,
      settled: 0,
      calls: 0,
      timedOutCalls: 0,
      maxCallsPerSecond: 20,
      stretch: { delayedChecks: 0, meanDelaySeconds: 0, maxDelaySeconds: 0, factor: 1 },
    });
    const stream = pool.results();
    pool.add('share-0');
    pool.close();
    await clock.run();
    expect(client.calls).toHaveLength(0);
    await expect(stream.next()).resolves.toMatchObject({ value: { ok: false, token: 'share-0' } });
    await expect(stream.next()).resolves.toMatchObject({ done: true });
  });

  it('aborts every wait with the pool-level abortSignal (one listener for all), and closes at once if it already fired', async () => {
    const clock = createPoolClock();
    const client = scriptedClient(clock, shares(50, () => 1_000_000));
    const controller = new AbortController();
    const pool = createSharePool({ client, timers: clock, abortSignal: controller.signal, onProgress: () => {} });
    const waits = Array.from({ length: 50 }, (_, i) => pool.wait(`share-${i}`));
    await clock.run(5000);
    controller.abort(new Error('interrupted by SIGINT'));
    const results = await Promise.allSettled(waits);
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof WaitAbortedError && (r.reason.cause as Error).message === 'interrupted by SIGINT')).toBe(true);
    expect(clock.live).toBe(0);

    const aborted = new AbortController();
    aborted.abort();
    const closed = createSharePool({ client, timers: clock, abortSignal: aborted.signal });
    expect(() => closed.add('share-1')).toThrow('The pool was closed');
  });
});
