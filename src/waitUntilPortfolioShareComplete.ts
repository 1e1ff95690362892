import { createWaiter, WaiterState, type WaiterResult } from '@smithy/util-waiter';
import { accept, type AcceptorResult, type CheckResult } from './acceptor.js';
import { linkAbort } from './abortLink.js';
import { resolveClient } from './client.js';
import { describeShareStatus } from './describe.js';
import type { PortfolioShareWaiterError } from './errors.js';
import { toAbortedError, toApiError, toResult, toShareError, toTimeoutError, type WaitEndContext } from './outcome.js';
import { computeDelay } from './schedule.js';
import { notifyObservation } from './statusChange.js';
import { errorLogFields, toServiceErrorInfo, type ServiceErrorInfo } from './serviceError.js';
import type { PortfolioShareInput, PortfolioShareResult, ServiceCatalogLikeClient, WaiterConfiguration } from './types.js';
import { validateWaiterConfiguration, type WaitSettings } from './validate.js';

/**
 * The delay the Smithy engine sleeps between two calls of our acceptor, in seconds. Our acceptor does
 * the real (abortable, deadline-aware) sleeping, so the engine's own non-abortable timer is kept to
 * a millisecond.
 */
export const ENGINE_DELAY_SECONDS = 0.001;
/**
 * Added to maxWaitTime for the engine's own deadline, so that only ours (a last check exactly at the
 * deadline, then a typed timeout) can ever end a wait for time. The engine only checks its deadline
 * between two acceptor calls, and ours is checked at the end of each call.
 */
export const ENGINE_DEADLINE_MARGIN_SECONDS = 86_400;
/**
 * How long after the deadline a call may still be unanswered before it is abandoned (aborted) and the
 * wait times out, in seconds. Without it a hung connection on a client with no request timeout (the
 * SDK's default) would keep the wait from ever settling; this leaves the last check at the deadline
 * time to answer.
 */
export const DEADLINE_CALL_GRACE_SECONDS = 10;

/**
 * Wait until a portfolio share (an organization-node CreatePortfolioShare, UpdatePortfolioShare or
 * DeletePortfolioShare) reaches a terminal status, polling DescribePortfolioShareStatus.
 *
 * Resolves with the final description on COMPLETED (and on COMPLETED_WITH_ERRORS when
 * `acceptPartialSuccess` is set or every error is DuplicateResourceException). Rejects with
 * `ShareFailedError` (ERROR), `ShareCompletedWithErrorsError`, `WaitTimeoutError`,
 * `WaitAbortedError`, `ApiError` or `InvalidInputError` (thrown before any call).
 *
 * Throttling, 5xx, timeouts and socket errors of one call are retried inside the check; if they
 * outlast those retries the wait checks again at the next delay. One exception: when the first check
 * cannot connect at all (connection refused, unknown host, no route, connection timeout), the endpoint
 * is wrong or unreachable and the wait rejects with `ApiError` at once instead of polling until
 * `maxWaitTime`.
 */
export async function waitUntilPortfolioShareComplete(config: WaiterConfiguration, input: PortfolioShareInput): Promise<PortfolioShareResult> {
  const settings = validateWaiterConfiguration(config, input);
  const { client, release } = resolveClient(config);
  const link = linkAbort(settings.abortSignal);
  try {
    return await poll(settings, client, link.signal);
  } finally {
    link.dispose();
    release();
  }
}

interface Progress {
  attempts: number;
  lastResult?: PortfolioShareResult | undefined;
  lastError?: ServiceErrorInfo | undefined;
  final?: PortfolioShareResult | undefined;
  failure?: PortfolioShareWaiterError | undefined;
}

async function poll(settings: WaitSettings, client: ServiceCatalogLikeClient, signal: AbortSignal): Promise<PortfolioShareResult> {
  const { token, timers } = settings;
  const logger = settings.logger.child({ token });
  const start = timers.now();
  const deadline = start + settings.maxWaitTime * 1000;
  const progress: Progress = { attempts: 0 };
  // The grace counts from the share call when the caller made it earlier (never from a later time).
  const graceUsedSeconds = (start - Math.min(settings.actionStartedAt ?? start, start)) / 1000;
  const elapsedSeconds = (): number => (timers.now() - start) / 1000;
  const endContext = (): WaitEndContext => ({
    token,
    attempts: progress.attempts,
    elapsedSeconds: elapsedSeconds(),
    maxWaitTime: settings.maxWaitTime,
    lastResult: progress.lastResult,
    lastError: progress.lastError,
  });

  if (signal.aborted) throw toAbortedError(endContext(), settings.abortSignal?.reason);

  const check = async (): Promise<WaiterResult<unknown>> => {
    // The engine calls again after its own sleep without looking at the signal; no call after an abort.
    if (signal.aborted) return { state: WaiterState.ABORTED };
    try {
      if (progress.attempts > 0) {
        // Never sleep past the deadline: the last check happens at it, not a whole delay before.
        const delayMs = Math.min(
          computeDelay(elapsedSeconds(), {
            minDelay: settings.minDelay,
            maxDelay: settings.maxDelay,
            coefficient: settings.coefficient,
            exponent: settings.exponent,
            random: timers.random,
          }) * 1000,
          deadline - timers.now(),
        );
        if (delayMs > 0) await timers.sleep(delayMs, signal);
      }
      progress.attempts += 1;
      logger.debug({ attempt: progress.attempts, elapsedSeconds: elapsedSeconds() }, 'checking portfolio share status');
      let checkResult: CheckResult;
      // The call listens to a signal of its own: the wait's abort, or the deadline passing by far.
      const call = new AbortController();
      const followWait = (): void => call.abort(signal.reason);
      // Removed in `finally` below, whether it fired or not.
      signal.addEventListener('abort', followWait);
      const cancelGuard = timers.schedule?.(
        () => call.abort(new Error('The call was still unanswered after the deadline.')),
        deadline + DEADLINE_CALL_GRACE_SECONDS * 1000 - timers.now(),
      );
      try {
        checkResult = { output: await describeShareStatus({ client, token, retry: settings.retry, timers, logger, signal: call.signal, deadline }) };
      } catch (error) {
        if (signal.aborted) return { state: WaiterState.ABORTED };
        if (call.signal.aborted) {
          progress.lastError = {
            name: 'TimeoutError',
            message: `DescribePortfolioShareStatus was still unanswered ${DEADLINE_CALL_GRACE_SECONDS} s after the deadline`,
            retryable: true,
            cause: error,
          };
          logger.warn({ attempt: progress.attempts, err: errorLogFields(progress.lastError) }, 'abandoned a check still unanswered after the deadline');
          return { state: WaiterState.TIMEOUT };
        }
        checkResult = { error };
      } finally {
        cancelGuard?.();
        signal.removeEventListener('abort', followWait);
      }
      const verdict = accept(checkResult, {
        elapsedSeconds: elapsedSeconds(),
        notFoundGraceSeconds: settings.notFoundGraceSeconds - graceUsedSeconds,
        acceptPartialSuccess: settings.acceptPartialSuccess,
        tolerateDuplicates: settings.tolerateDuplicates,
        transientFailure: 'retry',
        firstCheck: progress.attempts === 1,
      });
      return settle(verdict);
    } catch (error) {
      if (signal.aborted) return { state: WaiterState.ABORTED };
      // A misbehaving injected dependency (logger, timers): fail with what it threw rather than hang.
      progress.failure = toApiError(toServiceErrorInfo(error), endContext());
      return { state: WaiterState.FAILURE, reason: progress.failure };
    }
  };

  const settle = (verdict: AcceptorResult): WaiterResult<unknown> => {
    const { reason } = verdict;
    const context = { token, attempts: progress.attempts, elapsedSeconds: elapsedSeconds() };
    if ('observation' in reason) {
      progress.lastError = undefined;
      const previous = progress.lastResult;
      const duplicates = reason.kind === 'success' ? reason.duplicateAccounts : [];
      progress.lastResult = toResult(reason.observation, duplicates, context);
      logger.debug({ attempt: progress.attempts, status: reason.observation.status }, 'portfolio share status');
      notifyObservation(settings, logger, progress.lastResult, previous);
    } else {
      progress.lastError = reason.error;
      if (reason.kind === 'notFoundInGrace') {
        logger.debug({ attempt: progress.attempts, err: errorLogFields(reason.error) }, 'portfolio share not visible yet; checking again');
      } else if (reason.kind === 'transientError') {
        logger.warn({ attempt: progress.attempts, err: errorLogFields(reason.error) }, 'portfolio share check failed after its retries; checking again later');
      }
    }
    switch (reason.kind) {
      case 'success':
        if (reason.duplicateAccounts.length > 0) {
          logger.warn({ duplicateAccounts: reason.duplicateAccounts }, 'accounts already had the portfolio (DuplicateResourceException); not counted as failures');
        }
        if (reason.observation.status === 'COMPLETED_WITH_ERRORS' && settings.acceptPartialSuccess) {
          logger.warn({ shareErrors: reason.observation.shareDetails.ShareErrors }, 'share completed with errors; accepted as partial success');
        }
        progress.final = progress.lastResult;
        return { state: WaiterState.SUCCESS, reason: progress.final };
      case 'shareFailed':
        progress.failure = toShareError(reason.observation, reason.failedAccounts, reason.throttledAccounts, context);
        return { state: WaiterState.FAILURE, reason: progress.failure };
      case 'apiError':
        progress.failure = toApiError(reason.error, context);
        return { state: WaiterState.FAILURE, reason: progress.failure };
      default:
        return { state: timers.now() >= deadline ? WaiterState.TIMEOUT : WaiterState.RETRY };
    }
  };

  const result = await createWaiter(
    {
      client: {},
      abortSignal: signal,
      minDelay: ENGINE_DELAY_SECONDS,
      maxDelay: ENGINE_DELAY_SECONDS,
      maxWaitTime: settings.maxWaitTime + ENGINE_DEADLINE_MARGIN_SECONDS,
    },
    { PortfolioShareToken: token },
    check,
  );
  if (result.state === WaiterState.SUCCESS && progress.final !== undefined) {
    logger.info({ status: progress.final.status, attempts: progress.attempts, elapsedSeconds: progress.final.elapsedSeconds }, 'portfolio share finished');
    return progress.final;
  }
  if (result.state === WaiterState.FAILURE && progress.failure !== undefined) {
    logger.debug({ err: { name: progress.failure.name, code: progress.failure.code } }, 'portfolio share wait failed');
    throw progress.failure;
  }
  // The engine ends ABORTED only through this signal, so the signal alone says whether the wait was aborted.
  if (signal.aborted) {
    throw toAbortedError(endContext(), settings.abortSignal?.reason);
  }
  throw toTimeoutError(endContext());
}
