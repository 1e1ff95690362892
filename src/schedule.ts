/** Smallest delay between two checks of the default schedule, in seconds. */
export const DEFAULT_MIN_DELAY_SECONDS = 0.5;
/** Largest delay between two checks of the default schedule, in seconds. */
export const DEFAULT_MAX_DELAY_SECONDS = 9;
/** Growth coefficient: delay ≈ coefficient·elapsed^exponent seconds. */
export const DEFAULT_DELAY_COEFFICIENT = 0.65;
/** Growth exponent: delay ≈ coefficient·elapsed^exponent seconds (0.5: the square root). */
export const DEFAULT_DELAY_EXPONENT = 0.5;
/** Relative jitter applied to each delay (±10 %), so many waiters started together spread out. */
export const DEFAULT_JITTER = 0.1;

/** Options of {@link computeDelay}. */
export interface DelayScheduleOptions {
  /** Lower bound of every delay, in seconds. @default 0.5 */
  minDelay?: number;
  /** Upper bound of every delay, in seconds. @default 9 */
  maxDelay?: number;
  /** Uniform random source in [0, 1); inject a constant for deterministic schedules. @default Math.random */
  random?: () => number;
  /** Relative jitter in [0, 1): the delay is multiplied by a factor in [1 − jitter, 1 + jitter]. @default 0.1 */
  jitter?: number;
  /** Growth coefficient of the delay curve, seconds^(1 − exponent). @default 0.65 */
  coefficient?: number;
  /** Growth exponent of the delay curve, in (0, 1]. @default 0.5 */
  exponent?: number;
}

/**
 * The delay before the next check, in seconds, given the seconds elapsed since the wait started.
 *
 * It grows with the square root of the elapsed time (≈ 0.65·√elapsed) instead of exponentially:
 * exponential schedules reach their cap within seconds, so the many short shares of a CI pipeline
 * would each wait a whole cap for nothing, while √t stays short early and reaches the cap (9 s by
 * default) only after about three minutes. Jitter is applied before clamping, so the result always
 * lies in [minDelay, maxDelay].
 */
export function computeDelay(elapsedSeconds: number, options: DelayScheduleOptions = {}): number {
  const minDelay = options.minDelay ?? DEFAULT_MIN_DELAY_SECONDS;
  const maxDelay = Math.max(options.maxDelay ?? DEFAULT_MAX_DELAY_SECONDS, minDelay);
  const jitter = options.jitter ?? DEFAULT_JITTER;
  const random = options.random ?? Math.random;
  const elapsed = Number.isFinite(elapsedSeconds) && elapsedSeconds > 0 ? elapsedSeconds : 0;
  const coefficient = options.coefficient ?? DEFAULT_DELAY_COEFFICIENT;
  const exponent = options.exponent ?? DEFAULT_DELAY_EXPONENT;
  const base = coefficient * Math.pow(elapsed, exponent);
  const factor = 1 + jitter * (2 * random() - 1);
  return Math.min(maxDelay, Math.max(minDelay, base * factor));
}

/**
 * The whole default schedule as a list: the successive delays (seconds) a wait would use if every
 * check answered instantly, until `horizonSeconds`. For benchmarks and docs.
 */
export function defaultDelaySchedule(horizonSeconds: number, options: DelayScheduleOptions = {}): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  while (elapsed < horizonSeconds) {
    const delay = computeDelay(elapsed, options);
    delays.push(delay);
    elapsed += delay;
  }
  return delays;
}
