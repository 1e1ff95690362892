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

export function createManualClock(startMs: number = DEFAULT_MANUAL_CLOCK_START_MS): ManualClock {
  if (!Number.isFinite(startMs)) throw new TypeError(`createManualClock: startMs must be a finite number, got ${String(startMs)}`);
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`advance: ms must be a finite number ≥ 0, got ${String(ms)}`);
      current += ms;
      return current;
    },
    set(ms: number): void {
      if (!Number.isFinite(ms)) throw new TypeError(`set: ms must be a finite number, got ${String(ms)}`);
      current = ms;
    },
  };
}

export function isManualClock(clock: SimulatorClock): clock is ManualClock {
  const candidate = clock as Partial<ManualClock>;
  return typeof candidate.advance === 'function' && typeof candidate.set === 'function';
}
