import { DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from './logger.js';
import { errorLogFields, isTransientError, toServiceErrorInfo } from './serviceError.js';
import type { RetryOptions, ServiceCatalogLikeClient, Timers } from './types.js';

/** Defaults of the per-call retry. */
export const DEFAULT_RETRY: Readonly<Required<RetryOptions>> = Object.freeze({
  retries: 4,
  minTimeout: 200,
  maxTimeout: 5000,
  factor: 2,
});

/** What a retried call needs besides its command. */
export interface RetriedCallOptions {
  client: ServiceCatalogLikeClient;
  retry: Required<RetryOptions>;
  timers: Timers;
  logger: Logger;
  /** Aborts the call in flight (the SDK destroys its socket) and any back-off. */
  signal?: AbortSignal | undefined;
  /** Absolute time (in `timers.now()` units) after which no retry is started. */
  deadline?: number | undefined;
}

export interface DescribeOptions extends RetriedCallOptions {
  token: string;
}

/** The back-off before retry number `retriesConsumed + 1`, in milliseconds. */
export function retryDelayMs(retriesConsumed: number, retry: Required<RetryOptions>): number {
  return Math.min(retry.maxTimeout, retry.minTimeout * retry.factor ** retriesConsumed);
}

/**
 * One call of `operation` (any Service Catalog command), retried with back-off on transient failures
 * (throttling, 5xx, timeouts, socket errors): resolves with the SDK's output, or rejects with the last
 * thrown error unchanged. Other errors are not retried. The back-off sleeps on the injected timers
 * (p-retry runs with a zero delay of its own), stops at once on abort, and no retry starts whose
 * back-off would end after the deadline.
 */
export async function sendWithRetry(command: unknown, operation: string, options: RetriedCallOptions): Promise<unknown> {
  const { client, retry, timers, logger, signal, deadline } = options;
  return pRetry(
    async () => {
      try {
        return await client.send(command, { abortSignal: signal });
      } catch (error) {
        if (signal?.aborted || !isTransientError(toServiceErrorInfo(error))) {
          throw new AbortError(error instanceof Error ? error : new Error(String(error)));
        }
        throw error;
      }
    },
    {
      retries: retry.retries,
      minTimeout: 0,
      maxTimeout: 0,
      signal,
      onFailedAttempt: async ({ error, retriesLeft, retriesConsumed }) => {
        if (retriesLeft <= 0) return;
        const delayMs = retryDelayMs(retriesConsumed, retry);
        if (deadline !== undefined && timers.now() + delayMs > deadline) {
          // Retrying would cross the deadline: give the error back so the caller makes its last check.
          throw error;
        }
        logger.warn(
          { err: errorLogFields(toServiceErrorInfo(error)), retry: retriesConsumed + 1, retries: retry.retries, delayMs },
          `${operation} failed transiently; retrying`,
        );
        await timers.sleep(delayMs, signal);
      },
    },
  );
}

/** One DescribePortfolioShareStatus call of the waiter, retried as {@link sendWithRetry} says. */
export async function describeShareStatus(options: DescribeOptions): Promise<unknown> {
  return sendWithRetry(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: options.token }), 'DescribePortfolioShareStatus', options);
}
