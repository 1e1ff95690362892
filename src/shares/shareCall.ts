import { CreatePortfolioShareCommand, DeletePortfolioShareCommand, UpdatePortfolioShareCommand } from '@aws-sdk/client-service-catalog';
import pRetry, { AbortError } from 'p-retry';
import { retryDelayMs } from '../describe.js';
import { ApiError, WaitAbortedError } from '../errors.js';
import { roundSeconds } from '../outcome.js';
import { errorLogFields, isConnectionFailure, isTransientError, toServiceErrorInfo, type ServiceErrorInfo } from '../serviceError.js';
import type { ServiceCatalogLikeClient } from '../types.js';
import { PortfolioBusyError, type PortfolioShareAction } from './errors.js';
import { describeShareTarget, type ParsedShareRequest } from './shareRequest.js';
import type { ShareCallSettings } from './shareSettings.js';
import type { BusyRetryOptions } from './types.js';

/** The API operation of each share action. */
export const SHARE_OPERATION_NAMES: Readonly<Record<PortfolioShareAction, string>> = Object.freeze({
  CREATE: 'CreatePortfolioShare',
  UPDATE: 'UpdatePortfolioShare',
  DELETE: 'DeletePortfolioShare',
});

/** The service's answer to a second share action on a busy portfolio. */
export const INVALID_STATE_ERROR = 'InvalidStateException';

/** Where one share call stands in its operation: times on the clock of `settings.timers`, in milliseconds. */
export interface ShareCallContext {
  client: ServiceCatalogLikeClient;
  settings: ShareCallSettings;
  signal: AbortSignal;
  /** When the operation started. */
  start: number;
  /** No call is made after it. */
  deadline: number;
  /** Time already spent waiting for this process's earlier actions on the portfolio (counted as busy). */
  queuedMs: number;
}

/** What an accepted share call gave. */
export interface ShareCallOutcome {
  token?: string | undefined;
  callAttempts: number;
  busyMs: number;
  calledAt: number;
}

/** The back-off before busy retry number `retry` (1 for the first): jittered in the upper half of an exponential step. */
export function busyDelayMs(retry: number, busy: Required<BusyRetryOptions>, random: () => number): number {
  const step = Math.min(busy.maxDelay, busy.minDelay * busy.factor ** (retry - 1)) * 1000;
  return step * (0.5 + 0.5 * random());
}

function hint(error: ServiceErrorInfo): string {
  if (isConnectionFailure(error)) return 'could not connect: check the endpoint (clientConfig.endpoint or AWS_ENDPOINT_URL), the region and the network';
  if (error.name === 'ResourceNotFoundException') return 'check the portfolio id (and, for update or delete, that the portfolio is shared with that target), the account and the region';
  if (/AccessDenied|Unauthorized|Forbidden/i.test(error.name)) return 'call from the account that owns the portfolio (the management account or a delegated administrator for organization shares), with permission for servicecatalog share actions';
  if (error.name === 'InvalidParametersException' || error.name === 'ValidationException') return 'fix the request (the node must be in the organization; organization sharing must be enabled) and try again';
  if (error.name === 'OperationNotSupportedException') return 'organization sharing is not enabled for Service Catalog (EnableAWSOrganizationsAccess), or this share action is not supported';
  return 'check the error and try again';
}

/** The typed error of a share call that failed for good. */
export function toShareCallError(parsed: ParsedShareRequest, error: ServiceErrorInfo, callAttempts: number, elapsedMs: number): ApiError {
  const operation = SHARE_OPERATION_NAMES[parsed.action];
  const requestId = error.requestId !== undefined ? ` (request id ${error.requestId})` : '';
  return new ApiError(
    `${operation} of portfolio ${parsed.portfolioId} with ${describeShareTarget(parsed.target)} failed with ${error.name}: ${error.message}${requestId}; ${hint(error)}.`,
    {
      serviceErrorName: error.name,
      serviceMessage: error.message,
      requestId: error.requestId,
      httpStatusCode: error.httpStatusCode,
      attempts: callAttempts,
      elapsedSeconds: roundSeconds(elapsedMs / 1000),
    },
    { cause: error.cause },
  );
}

/** The abort error of a share operation stopped before it had a token to report. */
export function toShareAbortedError(parsed: ParsedShareRequest, reason: unknown, attempts: number, elapsedMs: number): WaitAbortedError {
  const operation = SHARE_OPERATION_NAMES[parsed.action];
  return new WaitAbortedError(
    `Stopped ${operation} of portfolio ${parsed.portfolioId} with ${describeShareTarget(parsed.target)} after ${roundSeconds(elapsedMs / 1000)} s because it was aborted; a call already accepted goes on, so check the portfolio's shares.`,
    { token: '', attempts, elapsedSeconds: roundSeconds(elapsedMs / 1000) },
    { cause: reason },
  );
}

function send(client: ServiceCatalogLikeClient, parsed: ParsedShareRequest, signal: AbortSignal): Promise<unknown> {
  const input = parsed.request as never;
  const command =
    parsed.action === 'CREATE' ? new CreatePortfolioShareCommand(input) : parsed.action === 'UPDATE' ? new UpdatePortfolioShareCommand(input) : new DeletePortfolioShareCommand(input);
  return client.send(command, { abortSignal: signal });
}

/**
 * Make one share call. InvalidStateException (another share action runs on the portfolio) is retried
 * with jittered back-off until the deadline, the last call at the deadline, then PortfolioBusyError;
 * transient failures are retried `retry.retries` times; anything else rejects with ApiError at once.
 */
export async function callShareAction(parsed: ParsedShareRequest, context: ShareCallContext): Promise<ShareCallOutcome> {
  const { client, settings, signal, deadline } = context;
  const { timers, retry } = settings;
  const operation = SHARE_OPERATION_NAMES[parsed.action];
  const logger = settings.logger.child({ operation, portfolioId: parsed.portfolioId });
  let callAttempts = 0;
  let busyRetries = 0;
  let transientRetries = 0;
  let busyMs = context.queuedMs;
  let calledAt = timers.now();
  const elapsedMs = (): number => timers.now() - context.start;
  const busyError = (cause: unknown): PortfolioBusyError =>
    new PortfolioBusyError(
      `${operation} of portfolio ${parsed.portfolioId} with ${describeShareTarget(parsed.target)} was refused ${callAttempts} time(s) with InvalidStateException: the portfolio was busy with another share action for ${roundSeconds(busyMs / 1000)} s, until the deadline (maxWaitTime ${settings.maxWaitTime} s). Nothing was changed; raise maxWaitTime, or run fewer share actions on this portfolio at once.`,
      { portfolioId: parsed.portfolioId, action: parsed.action, busySeconds: roundSeconds(busyMs / 1000), callAttempts, elapsedSeconds: roundSeconds(elapsedMs() / 1000), maxWaitTime: settings.maxWaitTime },
      { cause },
    );

  try {
    const output = await pRetry(
      async () => {
        callAttempts += 1;
        calledAt = timers.now();
        try {
          return await send(client, parsed, signal);
        } catch (error) {
          const info = toServiceErrorInfo(error);
          if (signal.aborted || (info.name !== INVALID_STATE_ERROR && !isTransientError(info))) throw new AbortError(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      },
      {
        retries: Number.POSITIVE_INFINITY,
        minTimeout: 0,
        maxTimeout: 0,
        signal,
        onFailedAttempt: async ({ error }) => {
          const info = toServiceErrorInfo(error);
          const busy = info.name === INVALID_STATE_ERROR;
          if (!busy && transientRetries >= retry.retries) throw error;
          const wanted = busy ? busyDelayMs(++busyRetries, settings.busyRetry, timers.random) : retryDelayMs(transientRetries++, retry);
          const delayMs = Math.min(wanted, deadline - timers.now());
          if (delayMs <= 0) throw busy ? busyError(error) : error;
          logger.warn({ err: errorLogFields(info), attempt: callAttempts, delayMs }, busy ? 'portfolio busy with another share action; calling again' : 'share call failed transiently; retrying');
          await timers.sleep(delayMs, signal);
          if (busy) busyMs += delayMs;
        },
      },
    );
    const token = typeof output === 'object' && output !== null && 'PortfolioShareToken' in output ? output.PortfolioShareToken : undefined;
    logger.info({ token, callAttempts, busySeconds: roundSeconds(busyMs / 1000) }, 'share call accepted');
    return { token: typeof token === 'string' && token !== '' ? token : undefined, callAttempts, busyMs, calledAt };
  } catch (error) {
    if (signal.aborted) throw toShareAbortedError(parsed, signal.reason, callAttempts, elapsedMs());
    if (error instanceof PortfolioBusyError) throw error;
    throw toShareCallError(parsed, toServiceErrorInfo(error), callAttempts, elapsedMs());
  }
}
