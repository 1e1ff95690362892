import type { PortfolioShareWaiterError } from '../errors.js';
import { accept, type CheckResult } from '../acceptor.js';
import type { Logger } from '../logger.js';
import { toAbortedError, toApiError, toResult, toShareError, toTimeoutError, type WaitEndContext } from '../outcome.js';
import { computeDelay } from '../schedule.js';
import type { ServiceErrorInfo } from '../serviceError.js';
import { notifyObservation } from '../statusChange.js';
import type { PortfolioShareResult } from '../types.js';
import type { WaitSettings } from '../validate.js';
import type { Due } from './dueQueue.js';
import type { InFlightCall } from './inFlightCalls.js';
import type { PoolOutcome } from './types.js';

export const PENDING = 0;
export const IN_FLIGHT = 1;
export const DONE = 2;

/**
 * One pending wait: plain data the scheduler orders by `dueAt`. It holds no timer, no SDK object and
 * no closure over either; `call` exists only while its check is in flight, and `settle` only for
 * a wait added with `wait()`.
 */
export interface WaitRecord extends Due {
  token: string;
  /** The wait's validated options; shared by every wait that gave none (its `token` is not this wait's). */
  settings: WaitSettings;
  start: number;
  deadline: number;
  attempts: number;
  state: typeof PENDING | typeof IN_FLIGHT | typeof DONE;
  /** When the last check ended (the schedule counts from there), ms. */
  lastCheckEnd: number;
  lastResult?: PortfolioShareResult | undefined;
  lastError?: ServiceErrorInfo | undefined;
  call?: InFlightCall | undefined;
  onAbort?: (() => void) | undefined;
  settle?: { resolve(result: PortfolioShareResult): void; reject(error: PortfolioShareWaiterError): void } | undefined;
}

function endContext(record: WaitRecord, now: number): WaitEndContext {
  return {
    token: record.token,
    attempts: record.attempts,
    elapsedSeconds: (now - record.start) / 1000,
    maxWaitTime: record.settings.maxWaitTime,
    lastResult: record.lastResult,
    lastError: record.lastError,
  };
}

export function abortedOutcome(record: WaitRecord, now: number, reason: unknown): PoolOutcome {
  return { token: record.token, ok: false, error: toAbortedError(endContext(record, now), reason) };
}

/**
 * Apply one check's result to its wait with the core's acceptor (src/acceptor.ts): the wait's
 * outcome, or the time (ms) its next check is due.
 */
export function applyCheck(record: WaitRecord, check: CheckResult, now: number, logger: Logger, random: () => number): PoolOutcome | { dueAt: number } {
  const { settings, token } = record;
  const elapsedSeconds = (now - record.start) / 1000;
  const verdict = accept(check, {
    elapsedSeconds,
    notFoundGraceSeconds: settings.notFoundGraceSeconds,
    acceptPartialSuccess: settings.acceptPartialSuccess,
    tolerateDuplicates: settings.tolerateDuplicates,
    transientFailure: 'retry',
    firstCheck: record.attempts === 1,
  });
  const { reason } = verdict;
  const context = { token, attempts: record.attempts, elapsedSeconds };
  if ('observation' in reason) {
    const previous = record.lastResult;
    record.lastError = undefined;
    record.lastResult = toResult(reason.observation, reason.kind === 'success' ? reason.duplicateAccounts : [], context);
    notifyObservation(settings, logger, record.lastResult, previous);
  } else {
    record.lastError = reason.error;
    if (reason.kind === 'transientError') logger.warn({ token, attempt: record.attempts, err: { name: reason.error.name } }, 'portfolio share check failed; checking again later');
  }
  switch (reason.kind) {
    case 'success':
      return { token, ok: true, result: record.lastResult as PortfolioShareResult };
    case 'shareFailed':
      return { token, ok: false, error: toShareError(reason.observation, reason.failedAccounts, reason.throttledAccounts, context) };
    case 'apiError':
      return { token, ok: false, error: toApiError(reason.error, context) };
    default: {
      if (now >= record.deadline) return { token, ok: false, error: toTimeoutError(endContext(record, now)) };
      const delayMs =
        computeDelay(elapsedSeconds, {
          minDelay: settings.minDelay,
          maxDelay: settings.maxDelay,
          coefficient: settings.coefficient,
          exponent: settings.exponent,
          random,
        }) * 1000;
      // Never past the deadline: the last check is made at it.
      return { dueAt: Math.min(now + delayMs, record.deadline) };
    }
  }
}
