import { computeDelay, DEFAULT_DELAY_COEFFICIENT, DEFAULT_DELAY_EXPONENT, DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../schedule.js';

/**
 * The library's polling schedule in the form a state machine can follow. A Wait state waits whole
 * seconds only, so every delay is the library's delay with its jitter at the midpoint (factor 1),
 * rounded half to even — as JSONata's `$round` does, so the JSONata expression below and this module
 * agree to the second — and never below 1 s. Everything is read from src/schedule.ts: change the
 * default curve there and regenerate the shipped definitions.
 */
export interface MachineScheduleOptions {
  /** Smallest delay, in seconds. @default the library's (DEFAULT_MIN_DELAY_SECONDS) */
  minDelay?: number | undefined;
  /** Largest delay, in seconds. @default the library's (DEFAULT_MAX_DELAY_SECONDS) */
  maxDelay?: number | undefined;
}

/** The bounds the waiter itself would use: one bound given alone moves the other default out of its way. */
export function resolveDelayBounds(options: MachineScheduleOptions = {}): { minDelay: number; maxDelay: number } {
  const minDelay = options.minDelay ?? Math.min(DEFAULT_MIN_DELAY_SECONDS, options.maxDelay ?? DEFAULT_MIN_DELAY_SECONDS);
  const maxDelay = Math.max(options.maxDelay ?? Math.max(DEFAULT_MAX_DELAY_SECONDS, minDelay), minDelay);
  return { minDelay, maxDelay };
}

/** Round to the nearest integer, halves to the even one: JSONata's `$round` (2.0.6), step for step. */
export function roundHalfEven(value: number): number {
  let result = Math.round(value);
  if (Math.abs(result - value) === 0.5 && Math.abs(result % 2) === 1) result -= 1;
  return result;
}

/** The delay before the next check, in whole seconds, after `elapsedSeconds` of waiting. */
export function wholeSecondDelay(elapsedSeconds: number, options: MachineScheduleOptions = {}): number {
  const delay = computeDelay(elapsedSeconds, { ...resolveDelayBounds(options), random: () => 0.5 });
  return Math.max(1, roundHalfEven(delay));
}

/** A JSONPath machine's schedule: one delay per wait, and when the not-found grace ends. */
export interface DelayTable {
  /** Seconds of the k-th wait (k from 0); the check after the last one is made at the deadline. */
  delays: number[];
  /** Checks number 0…graceChecks−1 start before the not-found grace ends. */
  graceChecks: number;
}

/**
 * The delays a wait of `maxWaitTime` seconds makes, in whole seconds, the last one shortened so the
 * last check falls on the deadline (as the waiter does). Elapsed time is the sum of the delays before,
 * so the table is what the machine follows if every check answered at once.
 */
export function delayTable(maxWaitTime: number, notFoundGraceSeconds: number, options: MachineScheduleOptions = {}): DelayTable {
  const delays: number[] = [];
  let elapsed = 0;
  let graceChecks = 0;
  while (elapsed < maxWaitTime) {
    if (elapsed < notFoundGraceSeconds) graceChecks += 1;
    const delay = Math.min(wholeSecondDelay(elapsed, options), Math.ceil(maxWaitTime - elapsed));
    delays.push(delay);
    elapsed += delay;
  }
  if (elapsed < notFoundGraceSeconds) graceChecks += 1;
  return { delays, graceChecks };
}

function literal(value: number): string {
  return JSON.stringify(value);
}

/**
 * A JSONata (2.0.6) expression of the delay in whole seconds after `$elapsed` seconds — the same
 * number {@link wholeSecondDelay} gives for the same elapsed time (a test evaluates both).
 */
export function jsonataDelayExpression(elapsedVariable: string, options: MachineScheduleOptions = {}): string {
  const { minDelay, maxDelay } = resolveDelayBounds(options);
  const base = `${literal(DEFAULT_DELAY_COEFFICIENT)} * $power($max([0, ${elapsedVariable}]), ${literal(DEFAULT_DELAY_EXPONENT)})`;
  return `$max([1, $round($min([${literal(maxDelay)}, $max([${literal(minDelay)}, ${base}])]))])`;
}

/** Step Functions fails an execution past 25,000 history events. */
export const HISTORY_EVENT_LIMIT = 25_000;

/**
 * Refuse a wait whose checks would outgrow one execution's history: `eventsPerCheck` history events
 * each (a Task writes 5, a Choice, Pass or Wait 2), with `reserve` left for the start and the outcome.
 */
export function assertHistoryFits(checks: number, eventsPerCheck: number, maxWaitTime: number, reserve = 200): void {
  if (checks * eventsPerCheck + reserve > HISTORY_EVENT_LIMIT) {
    throw new TypeError(
      `maxWaitTime ${maxWaitTime} s needs ${checks} checks, about ${checks * eventsPerCheck} history events: past Step Functions' limit of ${HISTORY_EVENT_LIMIT} per execution; lower maxWaitTime or raise minDelay`,
    );
  }
}
