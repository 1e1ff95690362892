import type { SimulatorClock } from './types.js';

/** A clock that moves only when told to: tests drive share durations with it. */
export interface ManualClock extends SimulatorClock {
  /** Move time forward by `ms` milliseconds (≥ 0); returns the new time. */
  advance(ms: number): number;
  /** Set the time to `ms` milliseconds since the epoch. */
  set(ms: number): void;
}

/** 2026-01-01T00:00:00Z: a manual clock's default start, so `CreatedTime` values look real. */
export const DEFAULT_MANUAL_CLOCK_START_MS = Date.UTC(2026, 0, 1);

export const systemClock: SimulatorClock = { now: () => Date.now() };

/** The largest time a manual clock can show: the end of JavaScript's Date range, so every `CreatedTime` stays a valid timestamp. */
export const MAX_CLOCK_MS = 8.64e15;

function checkTime(where: string, ms: number): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_CLOCK_MS) {
    throw new TypeError(`${where}: the time must be a finite number of milliseconds within ±${MAX_CLOCK_MS} (the Date range), got ${String(ms)}`);
  }
  return ms;
}

export function createManualClock(startMs: number = DEFAULT_MANUAL_CLOCK_START_MS): ManualClock {
  let current = checkTime('createManualClock', startMs);
  return {
    now: () => current,
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`advance: ms must be a finite number ≥ 0, got ${String(ms)}`);
      current = checkTime('advance', current + ms);
      return current;
    },
    set(ms: number): void {
      current = checkTime('set', ms);
    },
  };
}

export function isManualClock(clock: SimulatorClock): clock is ManualClock {
  const candidate = clock as Partial<ManualClock>;
  return typeof candidate.advance === 'function' && typeof candidate.set === 'function';
}
