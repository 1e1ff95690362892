import type { ShareObservation } from './shareObservation.js';
import { ApiError, ShareCompletedWithErrorsError, ShareFailedError, WaitAbortedError, WaitTimeoutError, type WaitEndedFields } from './errors.js';
import { isConnectionFailure, type ServiceErrorInfo } from './serviceError.js';
import type { PortfolioShareResult, ShareDetails } from './types.js';

/** Where a wait (or check) stands when its outcome is turned into a result or an error. */
export interface OutcomeContext {
  token: string;
  attempts: number;
  elapsedSeconds: number;
}

/** Seconds rounded to the millisecond, so results and messages read cleanly. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function toResult(observation: ShareObservation, duplicateAccounts: string[], context: OutcomeContext): PortfolioShareResult {
  return {
    status: observation.status,
    token: context.token,
    portfolioId: observation.portfolioId,
    organizationNodeValue: observation.organizationNodeValue,
    shareDetails: observation.shareDetails,
    duplicateAccounts,
    attempts: context.attempts,
    elapsedSeconds: roundSeconds(context.elapsedSeconds),
  };
}

function describeShareErrors(details: ShareDetails): string {
  return (details.ShareErrors ?? [])
    .map((entry) => {
      const accounts = entry.Accounts !== undefined && entry.Accounts.length > 0 ? entry.Accounts.join(', ') : 'no account named';
      const message = entry.Message !== undefined ? ` "${entry.Message}"` : '';
      return `${accounts}: ${entry.Error ?? 'unknown error'}${message}`;
    })
    .join('; ');
}

function shareLabel(token: string, observation: ShareObservation): string {
  const portfolio = observation.portfolioId !== undefined ? ` of ${observation.portfolioId}` : '';
  const node = observation.organizationNodeValue !== undefined ? ` to ${observation.organizationNodeValue}` : '';
  return `Portfolio share ${token}${portfolio}${node}`;
}

/** The error for a share that ended in ERROR or (not accepted) COMPLETED_WITH_ERRORS. */
export function toShareError(
  observation: ShareObservation,
  failedAccounts: string[],
  throttledAccounts: string[],
  context: OutcomeContext,
): ShareFailedError | ShareCompletedWithErrorsError {
  const errors = describeShareErrors(observation.shareDetails);
  const what = errors.length > 0 ? ` (${errors})` : '';
  const todo =
    throttledAccounts.length > 0
      ? `the service was throttled for ${throttledAccounts.join(', ')}, and checking again will not help: delete the share and create it again for them`
      : 'fix the cause for each failed account and share again';
  const message = `${shareLabel(context.token, observation)} ended in ${observation.status} for ${failedAccounts.length} account(s)${what}; ${todo}.`;
  const fields = {
    status: observation.status,
    token: context.token,
    portfolioId: observation.portfolioId,
    organizationNodeValue: observation.organizationNodeValue,
    shareDetails: observation.shareDetails,
    failedAccounts,
    throttledAccounts,
    attempts: context.attempts,
    elapsedSeconds: roundSeconds(context.elapsedSeconds),
  };
  return observation.status === 'ERROR' ? new ShareFailedError(message, fields) : new ShareCompletedWithErrorsError(message, fields);
}

function apiErrorHint(error: ServiceErrorInfo): string {
  const name = error.name;
  if (isConnectionFailure(error)) {
    return 'could not connect to the endpoint URL: check the endpoint (clientConfig.endpoint or AWS_ENDPOINT_URL), the region and the network, then try again';
  }
  if (name === 'ResourceNotFoundException') {
    return 'check the token, and call from the account that made the share (the organization\'s management account or a delegated administrator) in the same region';
  }
  if (/AccessDenied|Unauthorized|Forbidden/i.test(name)) {
    return 'call from the organization\'s management account or a delegated administrator, with permission for servicecatalog:DescribePortfolioShareStatus';
  }
  if (/Credential|UnrecognizedClient|InvalidClientTokenId|ExpiredToken|Signature|MissingAuthenticationToken/i.test(name)) {
    return 'configure valid AWS credentials (environment, profile or role) and try again';
  }
  if (/region/i.test(error.message)) return 'set a region (clientConfig.region or AWS_REGION) and try again';
  if (name === 'ValidationException' || name === 'InvalidParametersException') return 'fix the request (usually the token) and try again';
  if (name === 'OperationNotSupportedException') return 'this share action is not supported for that portfolio or account';
  if (name === 'UnexpectedResponseError') return 'check the endpoint: it did not answer like Service Catalog';
  return 'waiting longer will not fix it; check the error and try again';
}

/** The error for a call that failed in a way waiting will not fix. */
export function toApiError(error: ServiceErrorInfo, context: Partial<OutcomeContext>): ApiError {
  const requestId = error.requestId !== undefined ? ` (request id ${error.requestId})` : '';
  const token = context.token !== undefined ? ` for share ${context.token}` : '';
  return new ApiError(
    `DescribePortfolioShareStatus${token} failed with ${error.name}: ${error.message}${requestId}; ${apiErrorHint(error)}.`,
    {
      token: context.token,
      serviceErrorName: error.name,
      serviceMessage: error.message,
      requestId: error.requestId,
      httpStatusCode: error.httpStatusCode,
      attempts: context.attempts,
      elapsedSeconds: context.elapsedSeconds === undefined ? undefined : roundSeconds(context.elapsedSeconds),
    },
    { cause: error.cause },
  );
}

/** The wait's state when it ended before the share did. */
export interface WaitEndContext extends OutcomeContext {
  maxWaitTime: number;
  lastResult?: PortfolioShareResult | undefined;
  lastError?: ServiceErrorInfo | undefined;
}

function endFields(context: WaitEndContext): WaitEndedFields {
  return {
    token: context.token,
    lastStatus: context.lastResult?.status,
    lastResult: context.lastResult,
    attempts: context.attempts,
    elapsedSeconds: roundSeconds(context.elapsedSeconds),
  };
}

function lastSeen(context: WaitEndContext): string {
  if (context.lastError !== undefined) return `the last check failed with ${context.lastError.name}: ${context.lastError.message}`;
  if (context.lastResult !== undefined) return `its last status was ${context.lastResult.status}`;
  return 'no check answered';
}

export function toTimeoutError(context: WaitEndContext): WaitTimeoutError {
  return new WaitTimeoutError(
    `Gave up waiting for portfolio share ${context.token} after ${roundSeconds(context.elapsedSeconds)} s and ${context.attempts} check(s) (maxWaitTime ${context.maxWaitTime} s) and ${lastSeen(context)}; raise maxWaitTime or check the share again later.`,
    endFields(context),
    context.lastError !== undefined ? { cause: context.lastError.cause } : undefined,
  );
}

export function toAbortedError(context: WaitEndContext, reason: unknown): WaitAbortedError {
  return new WaitAbortedError(
    `Stopped waiting for portfolio share ${context.token} after ${roundSeconds(context.elapsedSeconds)} s and ${context.attempts} check(s) because the wait was aborted, and ${lastSeen(context)}; the share itself goes on, so check it again later.`,
    endFields(context),
    { cause: reason },
  );
}
