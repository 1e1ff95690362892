import { performance } from 'node:perf_hooks';
import type { Timers } from './types.js';

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
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: monotonic `now`, abortable `setTimeout` sleep, `Math.random`, an unref'd `setTimeout` for `schedule`. */
export const realTimers: Timers = {
  now: () => performance.now(),
  sleep: abortableSleep,
  random: () => Math.random(),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
