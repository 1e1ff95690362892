import { checkOnce, failureError } from '../checkOnce.js';
import { DEFAULT_RETRY } from '../describe.js';
import { InvalidInputError, type PortfolioShareWaiterError } from '../errors.js';
import type { Logger } from '../logger.js';
import { roundSeconds, toResult, toTimeoutError } from '../outcome.js';
import { computeDelay } from '../schedule.js';
import { isValidToken } from '../token.js';
import type { PortfolioShareResult, ServiceCatalogLikeClient, Timers } from '../types.js';
import { DEFAULT_MACHINE_MAX_WAIT_TIME, DEFAULT_MACHINE_NOT_FOUND_GRACE_SECONDS } from './options.js';

/** What a state machine passes the check: the token, and where the wait stands (absent on the first check). */
export interface CheckShareEvent {
  token: string;
  /** When the wait started: ISO 8601 (e.g. `$$.Execution.StartTime`) or epoch milliseconds. @default now */
  startedAt?: string | number | null;
  /** Checks made before this one. @default 0 */
  attempt?: number | null;
  /** Seconds after `startedAt` the wait gives up. @default 600 */
  maxWaitTime?: number | null;
  /** @default 30 */
  notFoundGraceSeconds?: number | null;
  /** @default false */
  acceptPartialSuccess?: boolean | null;
  /** @default true */
  tolerateDuplicates?: boolean | null;
}

/** The answer: feed `{ token, startedAt, attempt }` back after `nextDelaySeconds` until `done`. */
export interface CheckShareResponse {
  token: string;
  /** The status seen, or NOT_VISIBLE_YET (not found within the grace) or UNAVAILABLE (transient failure). */
  status: string;
  done: boolean;
  /** Whole seconds before the next check (0 when done): the library's schedule, cut at the deadline. */
  nextDelaySeconds: number;
  /** Checks made, this one included. */
  attempt: number;
  /** When the wait started, ISO 8601. */
  startedAt: string;
  /** The final result, when done. */
  result?: PortfolioShareResult;
}

export interface CheckShareDependencies {
  client: ServiceCatalogLikeClient;
  logger: Logger;
  /** Epoch milliseconds. */
  timers: Timers;
}

function invalid(option: string, received: unknown, what: string): PortfolioShareWaiterError {
  return toTaskError(new InvalidInputError(`${option} ${what}, got ${JSON.stringify(received)}.`, { option, received }));
}

function startOf(value: unknown, now: number): number {
  if (value === undefined || value === null) return now;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw invalid('startedAt', value, 'must be an ISO 8601 time or epoch milliseconds');
  return ms;
}

function nonNegative(option: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(option, value, 'must be a number of 0 or more');
  return value;
}

/**
 * A terminal failure as the Lambda runtime reports it: the error's `name` becomes the Step Functions
 * error a Catch names (ShareFailedError, ShareCompletedWithErrorsError, WaitTimeoutError, ApiError,
 * InvalidInputError), and its message — the only other field the runtime keeps — is the error's
 * `toJSON()`, so the Cause carries the code and data (failed and throttled accounts…).
 */
export function toTaskError(error: PortfolioShareWaiterError): PortfolioShareWaiterError {
  Object.defineProperty(error, 'message', { value: JSON.stringify(error.toJSON()), enumerable: false, configurable: true, writable: true });
  return error;
}

/** One check of a share with the core library: the acceptor decides, the schedule gives the next delay. */
export async function checkShare(event: CheckShareEvent, deps: CheckShareDependencies): Promise<CheckShareResponse> {
  const { client, timers } = deps;
  const token = (event as Partial<CheckShareEvent> | null)?.token;
  if (!isValidToken(token)) throw invalid('token', token, "must be a portfolio share token (1-100 letters, digits, '_' or '-')");
  const now = timers.now();
  const startedAtMs = startOf(event.startedAt, now);
  const attempt = nonNegative('attempt', event.attempt, 0) + 1;
  const maxWaitTime = nonNegative('maxWaitTime', event.maxWaitTime, DEFAULT_MACHINE_MAX_WAIT_TIME);
  const elapsedSeconds = Math.max(0, (now - startedAtMs) / 1000);
  const logger = deps.logger.child({ token, attempt });
  const verdict = await checkOnce(
    { client, token, retry: { ...DEFAULT_RETRY }, timers, logger },
    {
      elapsedSeconds,
      notFoundGraceSeconds: nonNegative('notFoundGraceSeconds', event.notFoundGraceSeconds, DEFAULT_MACHINE_NOT_FOUND_GRACE_SECONDS),
      acceptPartialSuccess: event.acceptPartialSuccess === true,
      tolerateDuplicates: event.tolerateDuplicates !== false,
      transientFailure: 'retry',
      firstCheck: attempt === 1,
    },
  );
  const context = { token, attempts: attempt, elapsedSeconds };
  const startedAt = new Date(startedAtMs).toISOString();
  const { reason } = verdict;
  if (reason.kind === 'success') {
    const result = toResult(reason.observation, reason.duplicateAccounts, context);
    logger.info({ status: result.status, elapsedSeconds: result.elapsedSeconds }, 'portfolio share done');
    return { token, status: result.status, done: true, nextDelaySeconds: 0, attempt, startedAt, result };
  }
  if (reason.kind === 'shareFailed' || reason.kind === 'apiError') {
    if (reason.kind === 'shareFailed') logger.error({ status: reason.observation.status, failedAccounts: reason.failedAccounts }, 'portfolio share failed');
    else logger.error({ err: { name: reason.error.name, message: reason.error.message } }, 'check failed');
    throw toTaskError(failureError(reason, context));
  }
  const status = reason.kind === 'pending' ? reason.observation.status : reason.kind === 'notFoundInGrace' ? 'NOT_VISIBLE_YET' : 'UNAVAILABLE';
  const remaining = maxWaitTime - elapsedSeconds;
  if (remaining <= 0) {
    const lastResult = reason.kind === 'pending' ? toResult(reason.observation, [], context) : undefined;
    const lastError = reason.kind === 'notFoundInGrace' || reason.kind === 'transientError' ? reason.error : undefined;
    logger.error({ status, elapsedSeconds: roundSeconds(elapsedSeconds) }, 'gave up waiting');
    throw toTaskError(toTimeoutError({ ...context, maxWaitTime, lastResult, lastError }));
  }
  const delay = Math.min(computeDelay(elapsedSeconds, { random: timers.random }), remaining);
  const nextDelaySeconds = Math.max(1, Math.round(delay));
  logger.info({ status, nextDelaySeconds }, 'portfolio share not done yet');
  return { token, status, done: false, nextDelaySeconds, attempt, startedAt };
}
