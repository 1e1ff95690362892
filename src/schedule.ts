import { InvalidInputError } from './errors.js';
import { isFiniteNumber } from './finiteNumber.js';

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

/** Most delays {@link defaultDelaySchedule} lists; a horizon that needs more is refused. */
export const MAX_SCHEDULE_LENGTH = 1_000_000;

interface ResolvedSchedule {
  minDelay: number;
  maxDelay: number;
  jitter: number;
  random: () => number;
  coefficient: number;
  exponent: number;
}

function refuse(option: string, received: unknown, rule: string): never {
  const shown = typeof received === 'number' || typeof received === 'bigint' ? String(received) : typeof received === 'string' ? JSON.stringify(received) : typeof received;
  throw new InvalidInputError(`${option} must ${rule}, but received ${shown}; pass such a value or leave it out.`, { option, received });
}

function finiteIn(options: Record<string, unknown>, key: string, fallback: number, test: (n: number) => boolean, rule: string): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (!isFiniteNumber(value) || !test(value)) return refuse(key, value, rule);
  return value;
}

/** Check the schedule's options (InvalidInputError for any it cannot honour) and fill in the defaults. */
export function resolveScheduleOptions(options: DelayScheduleOptions = {}): ResolvedSchedule {
  if (typeof options !== 'object' || options === null) return refuse('options', options, 'be an object');
  const o = options as Record<string, unknown>;
  const givenMin = finiteIn(o, 'minDelay', Number.NaN, (n) => n > 0, 'be a finite number of seconds greater than 0');
  const givenMax = finiteIn(o, 'maxDelay', Number.NaN, (n) => n > 0, 'be a finite number of seconds greater than 0');
  if (givenMin > givenMax) refuse('minDelay', givenMin, `not exceed maxDelay (${givenMax} s)`);
  // A single bound given alone moves the other default out of its way, as in the waiter.
  const minDelay = Number.isNaN(givenMin) ? Math.min(DEFAULT_MIN_DELAY_SECONDS, Number.isNaN(givenMax) ? DEFAULT_MIN_DELAY_SECONDS : givenMax) : givenMin;
  const maxDelay = Number.isNaN(givenMax) ? Math.max(DEFAULT_MAX_DELAY_SECONDS, minDelay) : givenMax;
  if (o.random !== undefined && typeof o.random !== 'function') refuse('random', o.random, 'be a function returning a number in [0, 1)');
  return {
    minDelay,
    maxDelay,
    jitter: finiteIn(o, 'jitter', DEFAULT_JITTER, (n) => n >= 0 && n < 1, 'be a number in [0, 1)'),
    random: (o.random as (() => number) | undefined) ?? Math.random,
    coefficient: finiteIn(o, 'coefficient', DEFAULT_DELAY_COEFFICIENT, (n) => n > 0, 'be a finite number greater than 0'),
    exponent: finiteIn(o, 'exponent', DEFAULT_DELAY_EXPONENT, (n) => n > 0 && n <= 1, 'be a number in (0, 1]'),
  };
}

function delayOf(elapsedSeconds: number, s: ResolvedSchedule): number {
  const elapsed = Number.isFinite(elapsedSeconds) && elapsedSeconds > 0 ? elapsedSeconds : 0;
  const base = s.coefficient * Math.pow(elapsed, s.exponent);
  // A random source answering outside [0, 1) (or NaN) must not push the delay out of its bounds.
  const drawn = s.random();
  const r = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0.5;
  const delay = base * (1 + s.jitter * (2 * r - 1));
  return Number.isFinite(delay) ? Math.min(s.maxDelay, Math.max(s.minDelay, delay)) : s.maxDelay;
}

/**
 * The delay before the next check, in seconds, given the seconds elapsed since the wait started.
 *
 * It grows as a power of the elapsed time below 1 (≈ 0.38·elapsed^0.64) instead of exponentially:
 * exponential schedules reach their cap within seconds, so the many short shares of a CI pipeline
 * would each wait a whole cap for nothing, while this curve stays short early and reaches the cap
 * (7.5 s by default) only after about two minutes. Jitter is applied before clamping, so the result always
 * lies in [minDelay, maxDelay]. Throws InvalidInputError for options it cannot honour.
 */
export function computeDelay(elapsedSeconds: number, options: DelayScheduleOptions = {}): number {
  return delayOf(elapsedSeconds, resolveScheduleOptions(options));
}

/**
 * The whole default schedule as a list: the successive delays (seconds) a wait would use if every
 * check answered instantly, until `horizonSeconds`. For benchmarks and docs. Throws InvalidInputError
 * for a horizon that is not a finite number ≥ 0, or one that would need more than
 * {@link MAX_SCHEDULE_LENGTH} delays.
 */
export function defaultDelaySchedule(horizonSeconds: number, options: DelayScheduleOptions = {}): number[] {
  const resolved = resolveScheduleOptions(options);
  if (!isFiniteNumber(horizonSeconds) || horizonSeconds < 0) {
    refuse('horizonSeconds', horizonSeconds, 'be a finite number of seconds ≥ 0');
  }
  if (horizonSeconds / resolved.minDelay > MAX_SCHEDULE_LENGTH) {
    refuse('horizonSeconds', horizonSeconds, `need at most ${MAX_SCHEDULE_LENGTH} delays of at least minDelay (${resolved.minDelay} s)`);
  }
  const delays: number[] = [];
  let elapsed = 0;
  while (elapsed < horizonSeconds) {
    const delay = delayOf(elapsed, resolved);
    delays.push(delay);
    elapsed += delay;
  }
  return delays;
}
