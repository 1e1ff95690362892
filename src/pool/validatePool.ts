import { performance } from 'node:perf_hooks';
import { InvalidInputError } from '../errors.js';
import type { PoolTimers, SharePoolOptions } from './types.js';

import { DEFAULT_MAX_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT_CALLS, DEFAULT_POOL_CALL_TIMEOUT_SECONDS } from './defaults.js';

export { DEFAULT_MAX_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT_CALLS, DEFAULT_POOL_CALL_TIMEOUT_SECONDS, DEFAULT_POOL_MAX_WAIT_SECONDS } from './defaults.js';

export interface PoolSettings {
  maxCallsPerSecond: number;
  maxConcurrentCalls: number;
  /** How long one call may stay unanswered, ms. */
  callTimeoutMs: number;
}

function positiveSeconds(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(
      `${option} must be a finite number of seconds > 0, but received ${JSON.stringify(value) ?? String(value)}; pass e.g. ${fallback} (the default) or leave it out.`,
      { option, received: value },
    );
  }
  return value;
}

function atLeastOne(option: string, value: unknown, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || (integer && !Number.isInteger(value))) {
    throw new InvalidInputError(
      `${option} must be a finite ${integer ? 'integer' : 'number'} ≥ 1, but received ${JSON.stringify(value) ?? String(value)}; pass e.g. ${fallback} (the default) or leave it out.`,
      { option, received: value },
    );
  }
  return value;
}

/** Validate the pool's own options (the wait options are validated per wait by the core's rules). */
export function validatePoolOptions(options: SharePoolOptions): PoolSettings {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError('options must be an object, but received ' + String(options) + '; pass { client } or { clientConfig } with the budget.', { option: 'options', received: options });
  }
  const timers = options.timers as Partial<PoolTimers> | undefined;
  if (timers !== undefined && (typeof timers.now !== 'function' || typeof timers.random !== 'function' || typeof timers.setTimer !== 'function')) {
    throw new InvalidInputError('timers must have now, random and setTimer functions; leave timers out outside tests.', { option: 'timers', received: 'an object' });
  }
  return {
    maxCallsPerSecond: atLeastOne('maxCallsPerSecond', options.maxCallsPerSecond, DEFAULT_MAX_CALLS_PER_SECOND, false),
    maxConcurrentCalls: atLeastOne('maxConcurrentCalls', options.maxConcurrentCalls, DEFAULT_MAX_CONCURRENT_CALLS, true),
    callTimeoutMs: positiveSeconds('callTimeout', options.callTimeout, DEFAULT_POOL_CALL_TIMEOUT_SECONDS) * 1000,
  };
}

/** The real clock for a pool: a ref'd timer, so a process waiting on the pool stays alive. */
export const realPoolTimers: PoolTimers = {
  now: () => performance.now(),
  random: () => Math.random(),
  setTimer: (callback, ms) => {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
