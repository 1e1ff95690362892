import type { Timers } from '../../src/types.js';

/** Timers on a fake clock: `sleep` advances the clock and resolves at once (rejecting if aborted). */
export interface FakeTimers extends Timers {
  /** Every sleep requested, in milliseconds, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createFakeTimers(options: { start?: number; random?: () => number; onSleep?: (ms: number) => void } = {}): FakeTimers {
  let now = options.start ?? 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    random: options.random ?? (() => 0.5),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
      options.onSleep?.(ms);
      await Promise.resolve();
      signal?.throwIfAborted();
    },
  };
}

/** A sleep that never ends by itself: only an abort settles it (rejecting with the signal's reason). */
export function hangingSleep(ms: number, signal?: AbortSignal): Promise<void> {
  void ms;
  return new Promise<void>((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
