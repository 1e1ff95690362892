import { InvalidInputError } from '../errors.js';
import { validateCallOptions, validateWaitOptions, type CheckSettings, type WaitSettings } from '../validate.js';
import { sharedPortfolioQueue, type PortfolioQueue } from './portfolioQueue.js';
import type { BusyRetryOptions, RecreationRound } from './types.js';

/** Defaults of {@link BusyRetryOptions}: about 2, 4, 8, 10, 10 s, as Landing Zone Accelerator retries. */
export const DEFAULT_BUSY_RETRY: Readonly<Required<BusyRetryOptions>> = Object.freeze({ minDelay: 2, maxDelay: 10, factor: 2 });
/** Most re-creation rounds `recreateThrottled` may ask for. */
export const MAX_RECREATE_ROUNDS = 10;

/** What a share call needs once validated. */
export interface ShareCallSettings extends Omit<CheckSettings, 'token'> {
  maxWaitTime: number;
  busyRetry: Required<BusyRetryOptions>;
  queue: PortfolioQueue;
}

/** What a share operation (call and wait) needs once validated. */
export interface ShareOperationSettings extends ShareCallSettings, Omit<WaitSettings, 'token'> {
  recreateThrottled: number;
  onRecreate?: ((round: RecreationRound) => void) | undefined;
}

function refuse(option: string, received: unknown, rule: string, hint: string): never {
  throw new InvalidInputError(`${option} must ${rule}, but received ${typeof received === 'string' ? JSON.stringify(received) : String(received)}; ${hint}.`, { option, received });
}

function busyRetryOf(value: unknown): Required<BusyRetryOptions> {
  if (value === undefined) return { ...DEFAULT_BUSY_RETRY };
  if (typeof value !== 'object' || value === null) return refuse('busyRetry', value, 'be an object', 'pass e.g. { minDelay: 2, maxDelay: 10 } or leave it out');
  const given = value as Record<string, unknown>;
  const number = (key: keyof BusyRetryOptions, min: number): number => {
    const v = given[key];
    if (v === undefined) return DEFAULT_BUSY_RETRY[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) return refuse(`busyRetry.${key}`, v, `be a finite number ≥ ${min}`, `pass e.g. ${DEFAULT_BUSY_RETRY[key]} (the default)`);
    return v;
  };
  const busy = { minDelay: number('minDelay', 0), maxDelay: number('maxDelay', 0), factor: number('factor', 1) };
  if (busy.maxDelay < busy.minDelay) refuse('busyRetry.maxDelay', busy.maxDelay, `be at least busyRetry.minDelay (${busy.minDelay} s)`, 'raise maxDelay or lower minDelay');
  return busy;
}

function queueOf(value: unknown): PortfolioQueue {
  if (value === undefined) return sharedPortfolioQueue;
  const q = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (typeof q.run !== 'function' || typeof q.size !== 'function') return refuse('queue', value, 'be a PortfolioQueue (run and size)', 'pass createPortfolioQueue() or leave it out');
  return value as PortfolioQueue;
}

/** Validate a share call's configuration (no wait); throws InvalidInputError before any call. */
export function validateShareCallConfiguration(config: unknown): ShareCallSettings {
  const call = validateCallOptions(config);
  // validateCallOptions refused anything but an object.
  const given = config as Record<string, unknown>;
  const maxWaitTime = given.maxWaitTime;
  if (typeof maxWaitTime !== 'number' || !Number.isFinite(maxWaitTime) || maxWaitTime <= 0) {
    refuse('maxWaitTime', maxWaitTime, 'be a finite number of seconds greater than 0', 'pass how long to keep retrying a busy portfolio, in seconds, e.g. 900');
  }
  return { ...call, maxWaitTime, busyRetry: busyRetryOf(given.busyRetry), queue: queueOf(given.queue) };
}

/** Validate a share operation's configuration (call and wait); throws InvalidInputError before any call. */
export function validateShareOperationConfiguration(config: unknown): ShareOperationSettings {
  const wait = validateWaitOptions(config);
  const given = config as Record<string, unknown>;
  const rounds = given.recreateThrottled ?? 0;
  if (typeof rounds !== 'number' || !Number.isInteger(rounds) || rounds < 0 || rounds > MAX_RECREATE_ROUNDS) {
    refuse('recreateThrottled', rounds, `be an integer from 0 to ${MAX_RECREATE_ROUNDS}`, 'pass how many times to delete and create again a share with throttled accounts, e.g. 2');
  }
  const onRecreate = given.onRecreate;
  if (onRecreate !== undefined && typeof onRecreate !== 'function') refuse('onRecreate', onRecreate, 'be a function', 'pass (round) => { … } or leave it out');
  return {
    ...wait,
    busyRetry: busyRetryOf(given.busyRetry),
    queue: queueOf(given.queue),
    recreateThrottled: rounds,
    onRecreate: onRecreate as ShareOperationSettings['onRecreate'],
  };
}
