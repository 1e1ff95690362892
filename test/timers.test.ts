import { abortableSleep, realTimers } from '../src/timers.js';

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });

  it('rejects at once with the reason when already aborted, scheduling nothing', async () => {
    const reason = new Error('already');
    await expect(abortableSleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
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

  it('real timers read a monotonic clock and Math.random', () => {
    const first = realTimers.now();
    expect(realTimers.now()).toBeGreaterThanOrEqual(first);
    const random = realTimers.random();
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
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
