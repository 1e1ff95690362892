import type { Timers } from '../../src/types.js';

/**
 * How many times in a row the fake clock may be read, or asked for a zero-length sleep, without time
 * moving on. A waiter reads the clock a handful of times per check; a loop that checks again and again
 * without ever sleeping (a deadline test of `>` where `>=` belongs) exceeds this in milliseconds, and the
 * clock then throws instead of letting the test spin until jest's time-out.
 */
export const MAX_READS_WITHOUT_TIME_PASSING = 1000;

/** Thrown by a fake clock that is read over and over while time stands still. */
export class StalledClockError extends Error {
  override name = 'StalledClockError';
  constructor(reads: number, at: number) {
    super(
      `The fake clock was read ${reads} times in a row at ${at} ms without time passing: the code under test is looping without sleeping (a deadline check that never becomes true?).`,
    );
  }
}

/**
 * Wrap timers on a clock the test drives (the simulator's manual clock, say) so that reading it over and
 * over while it stands still throws `StalledClockError` instead of spinning.
 */
export function withStallGuard(timers: Timers, limit = MAX_READS_WITHOUT_TIME_PASSING): Timers {
  let still = 0;
  let last = Number.NaN;
  let stalled: StalledClockError | undefined;
  return {
    ...timers,
    now: () => {
      if (stalled !== undefined) throw stalled;
      const now = timers.now();
      if (now !== last) {
        last = now;
        still = 0;
      } else if (++still > limit) {
        stalled = new StalledClockError(still, now);
        throw stalled;
      }
      return now;
    },
  };
}

/** Timers on a fake clock: `sleep` advances the clock and resolves at once (rejecting if aborted). */
export interface FakeTimers extends Timers {
  /** Every sleep requested, in milliseconds, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createFakeTimers(
  options: { start?: number; random?: () => number; onSleep?: (ms: number) => void; maxReadsWithoutTimePassing?: number } = {},
): FakeTimers {
  let now = options.start ?? 0;
  const sleeps: number[] = [];
  const limit = options.maxReadsWithoutTimePassing ?? MAX_READS_WITHOUT_TIME_PASSING;
  let still = 0;
  let stalled: StalledClockError | undefined;
  // Once stalled, every read throws, so the error escapes whatever catches the first one.
  const standingStill = (): void => {
    if (stalled === undefined && ++still > limit) stalled = new StalledClockError(still, now);
    if (stalled !== undefined) throw stalled;
  };
  const move = (ms: number): void => {
    if (ms > 0) {
      now += ms;
      still = 0;
    }
  };
  return {
    sleeps,
    now: () => {
      standingStill();
      return now;
    },
    advance: move,
    random: options.random ?? (() => 0.5),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      if (ms > 0) move(ms);
      else standingStill();
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
