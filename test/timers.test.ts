import { performance } from 'node:perf_hooks';
import { abortableSleep, realTimers } from '../src/timers.js';

/** Replace setTimeout while `body` runs, recording each timer (its callback not scheduled until `fire`). */
async function withRecordedTimeouts(body: (timers: { ms: number; fire: () => void }[]) => Promise<void>): Promise<void> {
  const realSetTimeout = globalThis.setTimeout;
  const recorded: { ms: number; fire: () => void }[] = [];
  globalThis.setTimeout = ((handler: () => void, ms?: number) => {
    recorded.push({ ms: ms ?? 0, fire: handler });
    return realSetTimeout(() => {}, 0);
  }) as typeof setTimeout;
  try {
    await body(recorded);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  return settled;
};

describe('abortableSleep', () => {
  it('resolves only when its timer of the requested delay fires', async () => {
    await withRecordedTimeouts(async (recorded) => {
      const sleeping = abortableSleep(1234);
      expect(recorded.map((timer) => timer.ms)).toEqual([1234]);
      expect(await settledYet(sleeping)).toBe(false);
      recorded[0]?.fire();
      await expect(sleeping).resolves.toBeUndefined();
    });
  });

  it('rejects at once with the reason when already aborted, scheduling nothing', async () => {
    await withRecordedTimeouts(async (recorded) => {
      const reason = new Error('already');
      await expect(abortableSleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
      expect(recorded).toEqual([]);
    });
  });

  it('clears its timer and rejects with the reason when aborted while sleeping', async () => {
    const controller = new AbortController();
    const cleared: unknown[] = [];
    const realClear = globalThis.clearTimeout;
    globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
      cleared.push(handle);
      realClear(handle);
    }) as typeof clearTimeout;
    try {
      const sleeping = abortableSleep(60_000, controller.signal);
      const reason = new Error('stop');
      controller.abort(reason);
      await expect(sleeping).rejects.toBe(reason);
      expect(cleared).toHaveLength(1);
    } finally {
      globalThis.clearTimeout = realClear;
    }
  });

  it('real timers read the monotonic clock (performance.now, not Date.now) and Math.random', () => {
    const before = performance.now();
    const now = realTimers.now();
    const after = performance.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
    const realRandom = Math.random;
    Math.random = () => 0.123;
    try {
      expect(realTimers.random()).toBe(0.123);
    } finally {
      Math.random = realRandom;
    }
  });
  it('real timers schedule a callback that can be cancelled and does not keep the process alive', async () => {
    const realSetTimeout = globalThis.setTimeout;
    const handles: NodeJS.Timeout[] = [];
    globalThis.setTimeout = ((handler: () => void, ms?: number) => {
      const handle = realSetTimeout(handler, ms);
      handles.push(handle);
      return handle;
    }) as typeof setTimeout;
    let fired = 0;
    let cancelledFired = 0;
    try {
      const done = new Promise<void>((resolve) => {
        realTimers.schedule?.(() => {
          fired += 1;
          resolve();
        }, 1);
      });
      const cancel = realTimers.schedule?.(() => (cancelledFired += 1), 1);
      cancel?.();
      await done;
      await new Promise((resolve) => realSetTimeout(resolve, 10));
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    expect(fired).toBe(1);
    expect(cancelledFired).toBe(0);
    expect(handles).toHaveLength(2);
    expect(handles.every((handle) => !handle.hasRef())).toBe(true);
  });
});
