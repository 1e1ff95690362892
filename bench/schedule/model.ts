import type { DelayFunction } from './baselines.js';

/** What one wait cost and how late it saw the end, on a virtual clock with instant answers. */
export interface WaitFigures {
  durationSeconds: number;
  /** Seconds from the share's terminal state to the check that saw it. */
  lagSeconds: number;
  calls: number;
}

/** Follow `delay` from a first check at 0 until a check at or after `durationSeconds`. */
export function simulateWait(durationSeconds: number, delay: DelayFunction, random: () => number): WaitFigures {
  let elapsed = 0;
  let calls = 1;
  while (elapsed < durationSeconds) {
    elapsed += delay(calls, elapsed, random);
    calls += 1;
  }
  return { durationSeconds, lagSeconds: elapsed - durationSeconds, calls };
}

/** n durations log-uniform over [min, max] seconds. */
export function logUniformDurations(n: number, min: number, max: number, random: () => number): number[] {
  const ratio = max / min;
  return Array.from({ length: n }, () => min * ratio ** random());
}
