// The default curve was chosen by `npm run bench:schedule` (docs/performance.md): of the curves
// clamp(c·t^e ± 10 %, min, max) it has the widest margin on every target against Terraform's schedule
// and today's former default (0.65·√t, 0.5–9 s) over three seeds of 20,000 log-uniform durations.
/** Smallest delay between two checks of the default schedule, in seconds. */
export const DEFAULT_MIN_DELAY_SECONDS = 2.1;
/** Largest delay between two checks of the default schedule, in seconds. */
export const DEFAULT_MAX_DELAY_SECONDS = 7.5;
/** Growth coefficient: delay ≈ coefficient·elapsed^exponent seconds. */
export const DEFAULT_DELAY_COEFFICIENT = 0.38;
/** Growth exponent: delay ≈ coefficient·elapsed^exponent seconds. */
export const DEFAULT_DELAY_EXPONENT = 0.64;
/** Relative jitter applied to each delay (±10 %), so many waiters started together spread out. */
export const DEFAULT_JITTER = 0.1;

/** Options of {@link computeDelay}. */
export interface DelayScheduleOptions extends ScheduleCurve {
  /** Lower bound of every delay, in seconds. @default 2.1 */
  minDelay?: number;
  /** Upper bound of every delay, in seconds. @default 7.5 */
  maxDelay?: number;
  /** Uniform random source in [0, 1); inject a constant for deterministic schedules. @default Math.random */
  random?: () => number;
  /** Relative jitter in [0, 1): the delay is multiplied by a factor in [1 − jitter, 1 + jitter]. @default 0.1 */
  jitter?: number;
}

/** The shape of the delay curve: delay ≈ coefficient·elapsed^exponent seconds, before jitter and bounds. */
export interface ScheduleCurve {
  /** Growth coefficient of the delay curve, seconds^(1 − exponent). @default 0.38 */
  coefficient?: number;
  /** Growth exponent of the delay curve, in (0, 1]. @default 0.64 */
  exponent?: number;
}

/** Named points of the frontier: `balanced` is the default; the others trade calls for lag. */
export type SchedulePreset = 'balanced' | 'fewer-calls' | 'low-lag';

/** A whole schedule: curve and bounds (seconds). */
export interface ScheduleDefinition {
  coefficient: number;
  exponent: number;
  minDelay: number;
  maxDelay: number;
}

/** The presets' definitions; `npm run bench:schedule` prints the figures of each. */
export const SCHEDULE_PRESETS: Readonly<Record<SchedulePreset, Readonly<ScheduleDefinition>>> = Object.freeze({
  balanced: Object.freeze({
    coefficient: DEFAULT_DELAY_COEFFICIENT,
    exponent: DEFAULT_DELAY_EXPONENT,
    minDelay: DEFAULT_MIN_DELAY_SECONDS,
    maxDelay: DEFAULT_MAX_DELAY_SECONDS,
  }),
  /** About 40 % fewer calls for about 1.6× the lag: for many concurrent waits under a tight call budget. */
  'fewer-calls': Object.freeze({ coefficient: 0.6, exponent: 0.6, minDelay: 3, maxDelay: 15 }),
  /** Lower lag for more calls: for a few short interactive waits. */
  'low-lag': Object.freeze({ coefficient: 0.3, exponent: 0.6, minDelay: 1, maxDelay: 5 }),
});

/**
 * The delay before the next check, in seconds, given the seconds elapsed since the wait started.
 *
 * It grows as a power of the elapsed time below 1 (≈ 0.38·elapsed^0.64) instead of exponentially:
 * exponential schedules reach their cap within seconds, so the many short shares of a CI pipeline
 * would each wait a whole cap for nothing, while this curve stays short early and reaches the cap
 * (7.5 s by default) only after about two minutes. Jitter is applied before clamping, so the result always
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
