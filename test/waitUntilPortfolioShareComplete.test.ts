import { getEventListeners } from 'node:events';
import { createWaiter, WaiterState, type WaiterResult } from '@smithy/util-waiter';
import {
  ApiError,
  PortfolioShareWaiterError,
  ShareCompletedWithErrorsError,
  ShareFailedError,
  WaitAbortedError,
  WaitTimeoutError,
} from '../src/errors.js';
import { computeDelay } from '../src/schedule.js';
import { abortableSleep, realTimers } from '../src/timers.js';
import type { StatusChangeEvent, WaiterConfiguration } from '../src/types.js';
import { waitUntilPortfolioShareComplete } from '../src/waitUntilPortfolioShareComplete.js';
import { createCapturingLogger } from './support/capturingLogger.js';
import { createFakeClient, serviceError, status, type Answer, type FakeClient } from './support/fakeClient.js';
import { createFakeTimers, hangingSleep, StalledClockError, withStallGuard, type FakeTimers } from './support/fakeTimers.js';

const input = { PortfolioShareToken: 'share-test1' };

/** The fake-clock time of every describe sent. */
function timedClient(script: Answer[], timers: FakeTimers): { client: FakeClient; times: number[] } {
  const times: number[] = [];
  const inner = createFakeClient(script);
  const client: FakeClient = {
    calls: inner.calls,
    send: (command, options) => {
      times.push(timers.now());
      return inner.send(command, options);
    },
  };
  return { client, times };
}

function config(client: FakeClient, timers: FakeTimers, extra: Partial<WaiterConfiguration> = {}): WaiterConfiguration {
  return { client, timers, maxWaitTime: 600, ...extra };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Wait for `event`, failing at once (not by jest's time-out) if the wait settles before it happens. */
async function untilOrSettled(event: Promise<void>, wait: Promise<unknown>, what: string): Promise<void> {
  const early = wait.then(
    () => {
      throw new Error(`the wait resolved before ${what}`);
    },
    (error: unknown) => {
      throw new Error(`the wait rejected before ${what}: ${String(error)}`);
    },
  );
  await Promise.race([event, early]);
}

describe('waitUntilPortfolioShareComplete: outcomes', () => {
  it('resolves on COMPLETED with the final description, attempts and elapsed time', async () => {
    const timers = createFakeTimers();
    const { client, times } = timedClient([status('NOT_STARTED'), status('IN_PROGRESS'), status('IN_PROGRESS'), status('COMPLETED', { SuccessfulShares: ['111111111111'] })], timers);
    const result = await waitUntilPortfolioShareComplete(config(client, timers), input);
    expect(result).toEqual({
      status: 'COMPLETED',
      token: 'share-test1',
      portfolioId: 'port-abc123',
      organizationNodeValue: 'ou-ab12-abcdefgh',
      shareDetails: { SuccessfulShares: ['111111111111'] },
      duplicateAccounts: [],
      attempts: 4,
      elapsedSeconds: timers.now() / 1000,
    });
    // The delays are the schedule's, computed from the elapsed time at each decision.
    let elapsed = 0;
    const expected = [0];
    for (let i = 0; i < 3; i += 1) {
      elapsed += computeDelay(elapsed / 1000, { random: () => 0.5 }) * 1000;
      expected.push(elapsed);
    }
    expect(times).toEqual(expected);
  });

  it('rejects on ERROR with ShareFailedError', async () => {
    const timers = createFakeTimers();
    const { client } = timedClient([status('IN_PROGRESS'), status('ERROR', { ShareErrors: [{ Accounts: ['1'], Error: 'InternalError', Message: 'x' }] })], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers), input));
    expect(error).toBeInstanceOf(ShareFailedError);
    expect(error).toMatchObject({ status: 'ERROR', failedAccounts: ['1'], attempts: 2 });
  });

  it('rejects on COMPLETED_WITH_ERRORS, and resolves when partial success is accepted', async () => {
    const details = { SuccessfulShares: ['2'], ShareErrors: [{ Accounts: ['1'], Error: 'ThrottlingException', Message: 'Rate exceeded' }] };
    const timers = createFakeTimers();
    const { client } = timedClient([status('COMPLETED_WITH_ERRORS', details)], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers), input));
    expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
    expect(error).toMatchObject({ throttledAccounts: ['1'], failedAccounts: ['1'] });
    const accepted = await waitUntilPortfolioShareComplete(config(client, timers, { acceptPartialSuccess: true }), input);
    expect(accepted).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', shareDetails: details });
  });

  it('resolves when every share error is a duplicate, warning and listing the accounts', async () => {
    const timers = createFakeTimers();
    const { logger, lines } = createCapturingLogger();
    const { client } = timedClient([status('COMPLETED_WITH_ERRORS', { ShareErrors: [{ Accounts: ['1', '2'], Error: 'DuplicateResourceException' }] })], timers);
    const result = await waitUntilPortfolioShareComplete(config(client, timers, { logger }), input);
    expect(result.duplicateAccounts).toEqual(['1', '2']);
    expect(lines.find((line) => line.level === 'warn')?.obj).toEqual({ duplicateAccounts: ['1', '2'] });
    await expect(waitUntilPortfolioShareComplete(config(client, timers, { tolerateDuplicates: false }), input)).rejects.toBeInstanceOf(ShareCompletedWithErrorsError);
  });

  it('polls through not-found within the grace window, then resolves', async () => {
    const timers = createFakeTimers();
    const notFound = { error: serviceError('ResourceNotFoundException', 'not yet') };
    const { client } = timedClient([notFound, notFound, notFound, status('COMPLETED')], timers);
    await expect(waitUntilPortfolioShareComplete(config(client, timers), input)).resolves.toMatchObject({ status: 'COMPLETED', attempts: 4 });
  });

  it('rejects with ApiError once not-found outlasts the grace window', async () => {
    const timers = createFakeTimers();
    const { client, times } = timedClient([{ error: serviceError('ResourceNotFoundException', 'no such share') }], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { notFoundGraceSeconds: 5 }), input));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ResourceNotFoundException', requestId: 'req-ResourceNotFoundException', httpStatusCode: 400, token: 'share-test1' });
    expect(times.at(-1)).toBeGreaterThanOrEqual(5000);
    expect(times.at(-2)).toBeLessThan(5000);
  });

  it('counts the not-found grace from actionStartedAt, the time of the share call, not from the start of the wait', async () => {
    const timers = createFakeTimers({ start: 10_000 });
    const { client, times } = timedClient([{ error: serviceError('ResourceNotFoundException', 'no such share') }], timers);
    // The share call was made 3 s before the wait started: 2 s of a 5 s grace are left.
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { notFoundGraceSeconds: 5, actionStartedAt: 7_000 }), input));
    expect(error).toBeInstanceOf(ApiError);
    expect(times.at(-1)).toBeGreaterThanOrEqual(12_000);
    expect(times.at(-2)).toBeLessThan(12_000);
  });

  it('treats an actionStartedAt later than the start as the start, and refuses one that is not a number', async () => {
    const timers = createFakeTimers({ start: 10_000 });
    const { client, times } = timedClient([{ error: serviceError('ResourceNotFoundException', 'no such share') }], timers);
    await rejection(waitUntilPortfolioShareComplete(config(client, timers, { notFoundGraceSeconds: 5, actionStartedAt: 99_000 }), input));
    expect(times.at(-1)).toBeGreaterThanOrEqual(15_000);
    expect(times.at(-2)).toBeLessThan(15_000);
    const bad = { ...config(client, timers), actionStartedAt: 'now' } as unknown as WaiterConfiguration;
    await expect(waitUntilPortfolioShareComplete(bad, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', option: 'actionStartedAt' });
  });

  it('rejects with ApiError at once on access denied', async () => {
    const timers = createFakeTimers();
    const denied = serviceError('AccessDeniedException', 'not the management account', 403);
    const { client } = timedClient([{ error: denied }], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers), input));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'AccessDeniedException', attempts: 1, cause: denied });
  });

  it('keeps polling when a transient failure outlives its per-call retries, and never counts it as success', async () => {
    const timers = createFakeTimers();
    const throttle = { error: serviceError('ThrottlingException', 'Rate exceeded') };
    const { client } = timedClient([throttle, throttle, throttle, throttle, throttle, status('IN_PROGRESS'), status('COMPLETED')], timers);
    const result = await waitUntilPortfolioShareComplete(config(client, timers), input);
    expect(result).toMatchObject({ status: 'COMPLETED', attempts: 3 });
    expect(client.calls).toHaveLength(7);
  });

  it('rejects with ApiError after the first check\'s retries when the endpoint refuses connections, instead of polling until the deadline', async () => {
    const timers = createFakeTimers();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const { client } = timedClient([{ error: refused }], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers), input));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', serviceErrorName: 'Error', serviceMessage: 'connect ECONNREFUSED 127.0.0.1:1', attempts: 1, cause: refused });
    expect((error as Error).message).toContain('could not connect to the endpoint URL');
    // The per-call retries still ran: one try and four retries, then no second check.
    expect(client.calls).toHaveLength(5);
    expect(timers.now()).toBeLessThan(10_000);
  });

  it('keeps polling when connections are refused in the middle of a wait: the endpoint answered before', async () => {
    const timers = createFakeTimers();
    const refused = { error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) };
    const { client } = timedClient([status('IN_PROGRESS'), refused, refused, refused, refused, refused, status('COMPLETED')], timers);
    const result = await waitUntilPortfolioShareComplete(config(client, timers), input);
    expect(result).toMatchObject({ status: 'COMPLETED', attempts: 3 });
    expect(client.calls).toHaveLength(7);
  });

  it('never lets an engine error through: every rejection is a PortfolioShareWaiterError', async () => {
    const timers = createFakeTimers();
    for (const answer of [{ error: 'a string' }, { error: serviceError('Weird', 'x') }, { output: { Status: 'NEW_STATUS' } }] as Answer[]) {
      const { client } = timedClient([answer], timers);
      const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers), input));
      expect(error).toBeInstanceOf(PortfolioShareWaiterError);
      expect((error as Error).message.startsWith('{')).toBe(false);
    }
  });
});

describe('waitUntilPortfolioShareComplete: deadline', () => {
  it('makes its last check exactly at the deadline, then rejects with the last status', async () => {
    const timers = createFakeTimers();
    const { client, times } = timedClient([status('IN_PROGRESS')], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 10, minDelay: 4, maxDelay: 4 }), input));
    expect(times).toEqual([0, 4000, 8000, 10_000]);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', lastStatus: 'IN_PROGRESS', attempts: 4, elapsedSeconds: 10, lastResult: { status: 'IN_PROGRESS' } });
  });

  it('resolves when the share completes at the very last check', async () => {
    const timers = createFakeTimers();
    const { client } = timedClient([status('IN_PROGRESS'), status('IN_PROGRESS'), status('IN_PROGRESS'), status('COMPLETED')], timers);
    await expect(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 10, minDelay: 4, maxDelay: 4 }), input)).resolves.toMatchObject({
      status: 'COMPLETED',
      elapsedSeconds: 10,
    });
  });

  it('waits a long maxWaitTime on the default schedule in milliseconds, ending at the deadline', async () => {
    const timers = createFakeTimers();
    const { client, times } = timedClient([status('IN_PROGRESS')], timers);
    await expect(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 3600 }), input)).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(times.at(-1)).toBe(3_600_000);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(9000);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
  });

  it('reports the last failed check in the timeout error', async () => {
    const timers = createFakeTimers();
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const { client } = timedClient([status('IN_PROGRESS'), { error: throttle }], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 5, retry: { retries: 0 } }), input));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: 'IN_PROGRESS', cause: throttle });
    expect((error as Error).message).toContain('ThrottlingException');
  });
});

describe('waitUntilPortfolioShareComplete: wiring of the deadline and of misbehaving dependencies', () => {
  it('ends at maxWaitTime under a throttling storm: the per-call retry is given the deadline', async () => {
    // Every call is throttled. The per-call retry (200, 400, 800, 1600 ms back-offs) would run past a 5 s
    // deadline (to 7.1 s here) if the waiter did not hand it the deadline.
    const timers = createFakeTimers();
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const { client, times } = timedClient([{ error: throttle }], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 5 }), input));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', elapsedSeconds: 5, cause: throttle });
    expect(Math.max(...times)).toBe(5000);
    expect(timers.now()).toBe(5000);
  });

  it('a logger that throws cannot change the outcome: the wait goes on and resolves as the share does', async () => {
    const timers = createFakeTimers();
    const broken = new Error('log sink closed');
    const { logger } = createCapturingLogger();
    // The status-change line (info) throws; the waiter's other lines (debug) still work.
    const throwing: typeof logger = {
      ...logger,
      info: () => {
        throw broken;
      },
      child: () => throwing,
    };
    const { client } = timedClient([status('IN_PROGRESS'), status('COMPLETED')], timers);
    await expect(waitUntilPortfolioShareComplete(config(client, timers, { logger: throwing }), input)).resolves.toMatchObject({ status: 'COMPLETED', attempts: 2 });
    expect(client.calls).toHaveLength(2);
  });

  it('rejects with a typed ApiError when the injected sleep throws', async () => {
    const timers = createFakeTimers();
    const broken = new TypeError('sleep is broken');
    const { client } = timedClient([status('IN_PROGRESS')], timers);
    const error = await rejection(
      waitUntilPortfolioShareComplete(
        config(client, {
          ...timers,
          sleep: async () => {
            throw broken;
          },
        }),
        input,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', serviceErrorName: 'TypeError', serviceMessage: 'sleep is broken', attempts: 1 });
    expect((error as Error).cause).toBe(broken);
    expect(client.calls).toHaveLength(1);
  });
});

describe('waitUntilPortfolioShareComplete: details the mutation run asked for', () => {
  it('counts elapsed time from its own start, not from the clock\'s zero', async () => {
    const timers = createFakeTimers({ start: 50_000 });
    const { client } = timedClient([status('IN_PROGRESS')], timers);
    const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { maxWaitTime: 10, minDelay: 4, maxDelay: 4 }), input));
    expect(error).toMatchObject({ elapsedSeconds: 10, lastResult: { status: 'IN_PROGRESS', duplicateAccounts: [], elapsedSeconds: 10 } });
  });

  it('an abort while the first call is in flight reports that no check answered', async () => {
    const controller = new AbortController();
    const client = createFakeClient([(signal) => hangingSleep(0, signal).then(() => ({}))]);
    const { logger, lines } = createCapturingLogger();
    const pending = waitUntilPortfolioShareComplete({ client, logger, timers: createFakeTimers(), maxWaitTime: 60, abortSignal: controller.signal }, input);
    await tick();
    controller.abort(new Error('bye'));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as Error).message).toContain('no check answered');
    // The aborted call settles after the wait has rejected: it must not be taken for an abandoned call.
    for (let i = 0; i < 5; i += 1) await tick();
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('logs no warning for a plain success (partial success accepted or not) or an API error', async () => {
    for (const [answer, acceptPartialSuccess] of [
      [status('COMPLETED'), false],
      [status('COMPLETED'), true],
      [{ error: serviceError('AccessDeniedException', 'no', 403) }, false],
    ] as Array<[Answer, boolean]>) {
      const timers = createFakeTimers();
      const { logger, lines } = createCapturingLogger();
      const { client } = timedClient([answer], timers);
      await waitUntilPortfolioShareComplete(config(client, timers, { logger, acceptPartialSuccess }), input).catch(() => undefined);
      expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    }
  });
});

describe('the fake clock fails fast', () => {
  it('throws StalledClockError when read over and over while time stands still, and keeps throwing', () => {
    const timers = createFakeTimers({ maxReadsWithoutTimePassing: 3 });
    for (let i = 0; i < 3; i += 1) expect(timers.now()).toBe(0);
    expect(() => timers.now()).toThrow(StalledClockError);
    timers.advance(1);
    expect(() => timers.now()).toThrow(/read 4 times in a row at 0 ms without time passing/);
  });

  it('counts zero-length sleeps as standing still, and resets when time moves', async () => {
    const timers = createFakeTimers({ maxReadsWithoutTimePassing: 2 });
    await timers.sleep(0);
    timers.now();
    await timers.sleep(5);
    timers.now();
    timers.now();
    await expect(timers.sleep(0)).rejects.toBeInstanceOf(StalledClockError);
  });

  it('guards a clock the test drives', () => {
    let now = 0;
    const guarded = withStallGuard({ ...realTimers, now: () => now }, 2);
    guarded.now();
    guarded.now();
    now = 1;
    guarded.now();
    guarded.now();
    guarded.now();
    expect(() => guarded.now()).toThrow(StalledClockError);
    now = 2;
    expect(() => guarded.now()).toThrow(StalledClockError);
  });
});

describe('waitUntilPortfolioShareComplete: abort', () => {
  it('rejects at once when aborted during a long delay, and sends nothing more', async () => {
    const timers = { ...createFakeTimers(), sleep: hangingSleep };
    const { client } = timedClient([status('IN_PROGRESS')], createFakeTimers());
    const controller = new AbortController();
    const pending = waitUntilPortfolioShareComplete({ client, timers, maxWaitTime: 3600, minDelay: 60, abortSignal: controller.signal }, input);
    await tick();
    expect(client.calls).toHaveLength(1);
    const reason = new Error('stop');
    controller.abort(reason);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toMatchObject({ code: 'WAIT_ABORTED', lastStatus: 'IN_PROGRESS', attempts: 1, cause: reason });
    for (let i = 0; i < 5; i += 1) await tick();
    expect(client.calls).toHaveLength(1);
  });

  it('an abort from onStatusChange on the final answer wins: the caller asked to stop before the wait returned', async () => {
    for (const [final, details] of [
      ['COMPLETED', {}],
      ['ERROR', { ShareErrors: [{ Accounts: ['1'], Error: 'AccessDenied' }] }],
    ] as const) {
      const timers = createFakeTimers();
      const { client } = timedClient([status('IN_PROGRESS'), status(final, details)], timers);
      const controller = new AbortController();
      const reason = new Error('seen enough');
      const onStatusChange = (event: StatusChangeEvent): void => {
        if (event.status === final) controller.abort(reason);
      };
      const error = await rejection(waitUntilPortfolioShareComplete(config(client, timers, { abortSignal: controller.signal, onStatusChange }), input));
      expect(error).toBeInstanceOf(WaitAbortedError);
      expect(error).toMatchObject({ code: 'WAIT_ABORTED', lastStatus: final, attempts: 2, cause: reason });
    }
  });

  it('leaves no live timer behind with the real sleep', async () => {
    // Watch the real timers the wait creates and clears (other files in this worker have their own).
    const created = new Map<unknown, number>();
    const cleared = new Set<unknown>();
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    const controller = new AbortController();
    globalThis.setTimeout = ((handler: () => void, ms?: number) => {
      const handle = realSetTimeout(handler, ms);
      created.set(handle, ms ?? 0);
      return handle;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
      cleared.add(handle);
      realClearTimeout(handle);
    }) as typeof clearTimeout;
    try {
      const { client } = timedClient([status('IN_PROGRESS')], createFakeTimers());
      let sleeping: () => void = () => {};
      const sleepStarted = new Promise<void>((resolve) => {
        sleeping = resolve;
      });
      const timers = {
        ...realTimers,
        sleep: (ms: number, signal?: AbortSignal) => {
          const sleep = abortableSleep(ms, signal);
          sleeping();
          return sleep;
        },
      };
      const pending = waitUntilPortfolioShareComplete({ client, timers, maxWaitTime: 3600, minDelay: 60, maxDelay: 60, abortSignal: controller.signal }, input);
      await untilOrSettled(sleepStarted, pending, 'its long sleep');
      // The long timers still live during the delay: the sleep alone (the call's deadline guard ended with the call).
      const long = [...created].filter(([handle, ms]) => ms >= 60_000 && !cleared.has(handle)).map(([handle]) => handle);
      expect(long).toHaveLength(1);
      expect(cleared.has(long[0])).toBe(false);
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(WaitAbortedError);
      expect(cleared.has(long[0])).toBe(true);
      // Every long timer the wait ever created is cleared once it has rejected.
      expect([...created].filter(([, ms]) => ms >= 60_000).every(([handle]) => cleared.has(handle))).toBe(true);
      // Nothing but the engine's own 1 ms pauses was ever scheduled besides it.
      expect([...created.values()].filter((ms) => ms < 60_000).every((ms) => ms <= 1)).toBe(true);
    } finally {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      controller.abort();
    }
  });

  it('abandons a call still unanswered well after the deadline and times out, instead of never settling', async () => {
    const timers = createFakeTimers();
    let guard: { callback: () => void; ms: number; cancelled: boolean } | undefined;
    const scheduled = {
      ...timers,
      schedule: (callback: () => void, ms: number) => {
        const entry = { callback, ms, cancelled: false };
        guard = entry;
        return () => {
          entry.cancelled = true;
        };
      },
    };
    // The first call answers; the second hangs, like a connection that never answers on a client without a request timeout.
    const client = createFakeClient([status('IN_PROGRESS'), (signal) => hangingSleep(0, signal).then(() => ({}))]);
    const { logger, lines } = createCapturingLogger();
    const pending = waitUntilPortfolioShareComplete({ client, logger, timers: scheduled, maxWaitTime: 60, minDelay: 5, maxDelay: 5 }, input);
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (client.calls.length < 2 && !settled) await tick();
    // Armed for the deadline (60 s) plus the grace, counted from the second call's start (5 s).
    expect(guard).toMatchObject({ ms: 65_000, cancelled: false });
    guard?.callback();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', lastStatus: 'IN_PROGRESS', attempts: 2 });
    expect((error as Error).message).toContain('still unanswered 10 s after the deadline');
    expect(client.calls[1]?.signal?.aborted).toBe(true);
    expect(guard?.cancelled).toBe(true);
    // The one warning says which attempt was abandoned and why.
    expect(lines.filter((line) => line.level === 'warn')).toEqual([
      expect.objectContaining({
        msg: 'abandoned a check still unanswered after the deadline',
        obj: expect.objectContaining({ attempt: 2, err: expect.objectContaining({ name: 'TimeoutError', message: 'DescribePortfolioShareStatus was still unanswered 10 s after the deadline' }) }),
      }),
    ]);
  });

  it('cancels the deadline guard of every call that answers', async () => {
    const cancels: boolean[] = [];
    const timers = {
      ...createFakeTimers(),
      schedule: () => {
        const index = cancels.push(false) - 1;
        return () => {
          cancels[index] = true;
        };
      },
    };
    const client = createFakeClient([status('IN_PROGRESS'), status('COMPLETED')]);
    await waitUntilPortfolioShareComplete({ client, timers, maxWaitTime: 60 }, input);
    expect(cancels).toEqual([true, true]);
  });

  it('aborts the describe in flight', async () => {
    const controller = new AbortController();
    const client = createFakeClient([(signal) => hangingSleep(0, signal).then(() => ({}))]);
    const pending = waitUntilPortfolioShareComplete({ client, timers: createFakeTimers(), maxWaitTime: 60, abortSignal: controller.signal }, input);
    await tick();
    controller.abort(new Error('bye'));
    await expect(pending).rejects.toMatchObject({ code: 'WAIT_ABORTED', attempts: 1 });
    expect(client.calls[0]?.signal?.aborted).toBe(true);
  });

  it('rejects without any call when the signal is already aborted', async () => {
    const client = createFakeClient([status('COMPLETED')]);
    const error = await rejection(waitUntilPortfolioShareComplete({ client, maxWaitTime: 60, abortSignal: AbortSignal.abort('early') }, input));
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toMatchObject({ attempts: 0, cause: 'early' });
    expect(client.calls).toHaveLength(0);
  });

  it('removes its listener from the caller\'s signal when the wait ends', async () => {
    const controller = new AbortController();
    await waitUntilPortfolioShareComplete(
      { client: createFakeClient([status('IN_PROGRESS'), status('COMPLETED')]), timers: createFakeTimers(), maxWaitTime: 60, abortSignal: controller.signal },
      input,
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('waitUntilPortfolioShareComplete: progress and logs', () => {
  it('calls onStatusChange once per transition, the first observation included', async () => {
    const timers = createFakeTimers();
    const events: StatusChangeEvent[] = [];
    const { client } = timedClient(
      [status('NOT_STARTED'), status('IN_PROGRESS', { SuccessfulShares: ['1'] }), status('IN_PROGRESS', { SuccessfulShares: ['1', '2'] }), status('COMPLETED', { SuccessfulShares: ['1', '2', '3'] })],
      timers,
    );
    await waitUntilPortfolioShareComplete(config(client, timers, { onStatusChange: (event) => events.push(event) }), input);
    expect(events.map((event) => [event.previousStatus, event.status, event.attempts])).toEqual([
      [undefined, 'NOT_STARTED', 1],
      ['NOT_STARTED', 'IN_PROGRESS', 2],
      ['IN_PROGRESS', 'COMPLETED', 4],
    ]);
    expect(events[1]).toMatchObject({ token: 'share-test1', shareDetails: { SuccessfulShares: ['1'] } });
  });

  it('calls onProgress after every answered check, so accounts done can move within IN_PROGRESS', async () => {
    const timers = createFakeTimers();
    const progress: StatusChangeEvent[] = [];
    const transitions: StatusChangeEvent[] = [];
    const { client } = timedClient(
      [
        status('IN_PROGRESS', { SuccessfulShares: ['1'] }),
        { error: serviceError('ThrottlingException', 'slow down') },
        status('IN_PROGRESS', { SuccessfulShares: ['1', '2'] }),
        status('COMPLETED', { SuccessfulShares: ['1', '2', '3'] }),
      ],
      timers,
    );
    await waitUntilPortfolioShareComplete(
      config(client, timers, { onProgress: (event) => progress.push(event), onStatusChange: (event) => transitions.push(event) }),
      input,
    );
    expect(progress.map((event) => [event.previousStatus, event.status, event.shareDetails.SuccessfulShares?.length])).toEqual([
      [undefined, 'IN_PROGRESS', 1],
      ['IN_PROGRESS', 'IN_PROGRESS', 2],
      ['IN_PROGRESS', 'COMPLETED', 3],
    ]);
    expect(transitions.map((event) => event.status)).toEqual(['IN_PROGRESS', 'COMPLETED']);
  });

  it.each(['onStatusChange', 'onProgress'] as const)('survives an %s that throws, logging it at warn', async (callback) => {
    const timers = createFakeTimers();
    const { logger, lines } = createCapturingLogger();
    const { client } = timedClient([status('IN_PROGRESS'), status('COMPLETED')], timers);
    const throwing = (): void => {
      throw new Error('bad callback');
    };
    const result = await waitUntilPortfolioShareComplete(config(client, timers, { logger, [callback]: throwing }), input);
    expect(result.status).toBe('COMPLETED');
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.obj).toMatchObject({ err: { message: 'bad callback' } });
    expect(warnings[0]?.msg).toBe(`${callback} threw; the wait goes on`);
  });

  it('logs through a child logger carrying the token: debug per attempt, info per status change, warn per retry', async () => {
    const timers = createFakeTimers();
    const { logger, lines } = createCapturingLogger();
    const { client } = timedClient([status('IN_PROGRESS'), { error: serviceError('ThrottlingException', 'slow down') }, status('IN_PROGRESS'), status('COMPLETED')], timers);
    await waitUntilPortfolioShareComplete(config(client, timers, { logger }), input);
    expect(lines.every((line) => line.bindings.token === 'share-test1')).toBe(true);
    expect(lines.filter((line) => line.level === 'debug' && line.msg === 'checking portfolio share status').map((line) => line.obj.attempt)).toEqual([1, 2, 3]);
    expect(lines.filter((line) => line.level === 'info' && line.msg === 'portfolio share status changed').map((line) => line.obj.status)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(lines.filter((line) => line.level === 'warn').map((line) => line.obj.retry)).toEqual([1]);
  });
});

describe('waitUntilPortfolioShareComplete: every log line, field by field', () => {
  const notFound = { error: serviceError('ResourceNotFoundException', 'no such share yet') };
  const throttle = { error: serviceError('ThrottlingException', 'Rate exceeded') };
  const shareErrors = [
    { Accounts: ['222222222222'], Error: 'DuplicateResourceException' },
    { Accounts: ['333333333333'], Error: 'AccessDenied', Message: 'no' },
  ];
  const partial = status('COMPLETED_WITH_ERRORS', { SuccessfulShares: ['111111111111'], ShareErrors: shareErrors });

  it('a wait through not-found, a failed check, and partial success accepted', async () => {
    const timers = createFakeTimers();
    const { logger, lines } = createCapturingLogger();
    const { client } = timedClient([notFound, throttle, throttle, status('IN_PROGRESS'), partial], timers);
    await waitUntilPortfolioShareComplete(config(client, timers, { logger, acceptPartialSuccess: true, retry: { retries: 1 } }), input);
    const notFoundErr = { name: 'ResourceNotFoundException', message: 'no such share yet', requestId: 'req-ResourceNotFoundException', httpStatusCode: 400 };
    const throttleErr = { name: 'ThrottlingException', message: 'Rate exceeded', requestId: 'req-ThrottlingException', httpStatusCode: 400 };
    // The default schedule's floor (2.1 s) between checks; the second check's failed retry adds 0.2 s.
    const third = expect.closeTo(4.4, 3) as number;
    const fourth = expect.closeTo(6.5, 3) as number;
    expect(lines.map((l) => [l.level, l.msg, l.obj])).toEqual([
      ['debug', 'checking portfolio share status', { attempt: 1, elapsedSeconds: 0 }],
      ['debug', 'portfolio share not visible yet; checking again', { attempt: 1, err: notFoundErr }],
      ['debug', 'checking portfolio share status', { attempt: 2, elapsedSeconds: 2.1 }],
      ['warn', 'DescribePortfolioShareStatus failed transiently; retrying', { err: throttleErr, retry: 1, retries: 1, delayMs: 200 }],
      ['warn', 'portfolio share check failed after its retries; checking again later', { attempt: 2, err: throttleErr }],
      ['debug', 'checking portfolio share status', { attempt: 3, elapsedSeconds: third }],
      ['debug', 'portfolio share status', { attempt: 3, status: 'IN_PROGRESS' }],
      ['info', 'portfolio share status changed', { status: 'IN_PROGRESS', attempt: 3, elapsedSeconds: third, successfulShares: 0, shareErrors: 0 }],
      ['debug', 'checking portfolio share status', { attempt: 4, elapsedSeconds: fourth }],
      ['debug', 'portfolio share status', { attempt: 4, status: 'COMPLETED_WITH_ERRORS' }],
      ['info', 'portfolio share status changed', { status: 'COMPLETED_WITH_ERRORS', previousStatus: 'IN_PROGRESS', attempt: 4, elapsedSeconds: fourth, successfulShares: 1, shareErrors: 2 }],
      ['warn', 'accounts already had the portfolio (DuplicateResourceException); not counted as failures', { duplicateAccounts: ['222222222222'] }],
      ['warn', 'share completed with errors; accepted as partial success', { shareErrors }],
      ['info', 'portfolio share finished', { status: 'COMPLETED_WITH_ERRORS', attempts: 4, elapsedSeconds: fourth }],
    ]);
  });

  it('a wait that fails', async () => {
    const timers = createFakeTimers();
    const { logger, lines } = createCapturingLogger();
    const { client } = timedClient([status('ERROR', { ShareErrors: [{ Accounts: ['1'], Error: 'E' }] })], timers);
    await rejection(waitUntilPortfolioShareComplete(config(client, timers, { logger }), input));
    expect(lines.map((l) => [l.level, l.msg, l.obj])).toEqual([
      ['debug', 'checking portfolio share status', { attempt: 1, elapsedSeconds: 0 }],
      ['debug', 'portfolio share status', { attempt: 1, status: 'ERROR' }],
      ['info', 'portfolio share status changed', { status: 'ERROR', attempt: 1, elapsedSeconds: 0, successfulShares: 0, shareErrors: 1 }],
      ['debug', 'portfolio share wait failed', { err: { name: 'ShareFailedError', code: 'SHARE_FAILED' } }],
    ]);
    expect(lines.every((l) => l.bindings.token === 'share-test1')).toBe(true);
  });
});

describe('the Smithy engine underneath (pinned behaviour the adapter relies on or guards against)', () => {
  it('passes an acceptor\'s final state and reason through unchanged, TIMEOUT included', async () => {
    for (const state of [WaiterState.SUCCESS, WaiterState.FAILURE, WaiterState.TIMEOUT, WaiterState.ABORTED]) {
      const reason = { mine: state };
      const result = await createWaiter({ client: {}, minDelay: 0.001, maxDelay: 0.001, maxWaitTime: 60 }, {}, async () => ({ state, reason }));
      expect(result).toMatchObject({ state, reason });
    }
  });

  it('calls the acceptor at once, then again after RETRY with delays as small as we pass', async () => {
    let calls = 0;
    const result = await createWaiter({ client: {}, minDelay: 0.001, maxDelay: 0.001, maxWaitTime: 60 }, {}, async (): Promise<WaiterResult> => {
      calls += 1;
      return { state: calls < 5 ? WaiterState.RETRY : WaiterState.SUCCESS };
    });
    expect(result.state).toBe(WaiterState.SUCCESS);
    expect(calls).toBe(5);
  });

  it('on its own, gives up before the deadline without a last check (why the adapter owns the deadline)', async () => {
    let calls = 0;
    // Delays of 50 ms against an 80 ms deadline: it checks at 0 and ~50 ms, then stops, 30 ms early.
    const result = await createWaiter({ client: {}, minDelay: 0.05, maxDelay: 0.05, maxWaitTime: 0.08 }, {}, async (): Promise<WaiterResult> => {
      calls += 1;
      return { state: WaiterState.RETRY };
    });
    expect(result.state).toBe(WaiterState.TIMEOUT);
    expect(calls).toBe(2);
  });

  it('on its own, resolves ABORTED at once but calls the acceptor once more after its sleep (why the acceptor checks the signal first)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await createWaiter(
      { client: {}, minDelay: 0.03, maxDelay: 0.03, maxWaitTime: 60, abortSignal: controller.signal },
      {},
      async (): Promise<WaiterResult> => {
        calls += 1;
        if (calls === 1) setImmediate(() => controller.abort());
        return { state: WaiterState.RETRY };
      },
    );
    expect(result.state).toBe(WaiterState.ABORTED);
    expect(calls).toBe(1);
    await abortableSleep(80);
    expect(calls).toBe(2);
  });

  it('throws a plain Error with a JSON message from checkExceptions (why outcomes are mapped to typed errors)', async () => {
    const { checkExceptions } = await import('@smithy/util-waiter');
    expect(() => checkExceptions({ state: WaiterState.TIMEOUT })).toThrow(/^\{"state":"TIMEOUT"/);
  });
});
