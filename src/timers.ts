import { performance } from 'node:perf_hooks';
import type { Timers } from './types.js';

/**
 * The longest delay one `setTimeout` can hold (2³¹ − 1 ms, about 24.8 days). Longer ones overflow:
 * Node fires them after 1 ms and prints a TimeoutOverflowWarning.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Call `callback` once after `ms` milliseconds (any length: longer delays are chained in steps of at
 * most {@link MAX_TIMER_MS}; a non-finite one never fires). Returns a function that cancels it.
 */
export function longTimeout(callback: () => void, ms: number, options: { unref?: boolean } = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (remaining: number): void => {
    const step = Math.min(remaining, MAX_TIMER_MS);
    timer = setTimeout(() => {
      if (remaining > step) arm(remaining - step);
      else callback();
    }, step);
    if (options.unref === true) timer.unref();
  };
  arm(Number.isNaN(ms) ? Number.POSITIVE_INFINITY : Math.max(0, ms));
  return () => clearTimeout(timer);
}

/**
 * Resolve after `ms` milliseconds with a real timer; when `signal` aborts, clear the timer and reject
 * with the signal's reason at once, so an aborted wait leaves nothing that keeps the process alive.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = longTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: monotonic `now`, abortable `setTimeout` sleep, `Math.random`, an unref'd `setTimeout` for `schedule`. */
export const realTimers: Timers = {
  now: () => performance.now(),
  sleep: abortableSleep,
  random: () => Math.random(),
  schedule: (callback, ms) => longTimeout(callback, ms, { unref: true }),
};
