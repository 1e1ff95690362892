import { WaiterState } from '@smithy/util-waiter';
import { isTransientError, THROTTLING_ERROR_NAMES, toServiceErrorInfo, type ServiceErrorInfo } from './serviceError.js';
import type { PortfolioShareStatus, ShareDetails, ShareError } from './types.js';

/** One DescribePortfolioShareStatus answer, parsed. */
export interface ShareObservation {
  status: PortfolioShareStatus;
  portfolioId?: string | undefined;
  organizationNodeValue?: string | undefined;
  shareDetails: ShareDetails;
  requestId?: string | undefined;
}

/** What one check produced: the call's output, or what it threw (after per-call retries). */
export type CheckResult = { output: unknown } | { error: unknown };

/** Everything besides the check itself that decides the outcome. */
export interface AcceptorContext {
  /** Seconds since the wait started. */
  elapsedSeconds: number;
  /** ResourceNotFoundException before this many seconds is "not visible yet". */
  notFoundGraceSeconds: number;
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
  /** Whether a transient failure that outlived its per-call retries means "poll again" (a wait) or fails (a one-shot check). */
  transientFailure: 'retry' | 'fail';
}

/** Why the acceptor decided what it did. */
export type AcceptorReason =
  | { kind: 'success'; observation: ShareObservation; duplicateAccounts: string[] }
  | { kind: 'pending'; observation: ShareObservation }
  | { kind: 'shareFailed'; observation: ShareObservation; failedAccounts: string[]; throttledAccounts: string[] }
  | { kind: 'notFoundInGrace'; error: ServiceErrorInfo }
  | { kind: 'transientError'; error: ServiceErrorInfo }
  | { kind: 'apiError'; error: ServiceErrorInfo };

export interface AcceptorResult {
  state: WaiterState.SUCCESS | WaiterState.FAILURE | WaiterState.RETRY;
  reason: AcceptorReason;
}

/** The only ShareErrors[].Error value that is not a failure: the account already had the portfolio. */
export const DUPLICATE_ERROR = 'DuplicateResourceException';

const STATUSES: ReadonlySet<string> = new Set(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ERROR']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function parseShareDetails(value: unknown): ShareDetails {
  if (!isRecord(value)) return {};
  const details: ShareDetails = {};
  const successful = stringList(value.SuccessfulShares);
  if (successful !== undefined) details.SuccessfulShares = successful;
  if (Array.isArray(value.ShareErrors)) {
    details.ShareErrors = value.ShareErrors.filter(isRecord).map((entry): ShareError => {
      const shareError: ShareError = {};
      const accounts = stringList(entry.Accounts);
      if (accounts !== undefined) shareError.Accounts = accounts;
      if (typeof entry.Message === 'string') shareError.Message = entry.Message;
      if (typeof entry.Error === 'string') shareError.Error = entry.Error;
      return shareError;
    });
  }
  return details;
}

/** Parse a DescribePortfolioShareStatus output; undefined when it carries no known `Status`. */
export function parseDescribeOutput(output: unknown): ShareObservation | undefined {
  if (!isRecord(output)) return undefined;
  const status = output.Status;
  if (typeof status !== 'string' || !STATUSES.has(status)) return undefined;
  const metadata = isRecord(output.$metadata) ? output.$metadata : {};
  return {
    status: status as PortfolioShareStatus,
    portfolioId: optionalString(output.PortfolioId),
    organizationNodeValue: optionalString(output.OrganizationNodeValue),
    shareDetails: parseShareDetails(output.ShareDetails),
    requestId: optionalString(metadata.requestId),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Every account named in ShareErrors, in order, once each. */
export function failedAccountsOf(details: ShareDetails): string[] {
  return unique((details.ShareErrors ?? []).flatMap((entry) => entry.Accounts ?? []));
}

/** Accounts whose share error is throttling: the share must be deleted and created again for them. */
export function throttledAccountsOf(details: ShareDetails): string[] {
  return unique(
    (details.ShareErrors ?? [])
      .filter((entry) => entry.Error !== undefined && (THROTTLING_ERROR_NAMES.has(entry.Error) || /throttl/i.test(entry.Error)))
      .flatMap((entry) => entry.Accounts ?? []),
  );
}

/** Accounts of ShareErrors whose error is DuplicateResourceException. */
export function duplicateAccountsOf(details: ShareDetails): string[] {
  return unique((details.ShareErrors ?? []).filter((entry) => entry.Error === DUPLICATE_ERROR).flatMap((entry) => entry.Accounts ?? []));
}

/** True when there is at least one share error and every one is DuplicateResourceException. */
export function onlyDuplicateErrors(details: ShareDetails): boolean {
  const errors = details.ShareErrors ?? [];
  return errors.length > 0 && errors.every((entry) => entry.Error === DUPLICATE_ERROR);
}

/** Decide on one parsed status (DESIGN §2). */
export function acceptObservation(observation: ShareObservation, context: AcceptorContext): AcceptorResult {
  switch (observation.status) {
    case 'COMPLETED':
      return { state: WaiterState.SUCCESS, reason: { kind: 'success', observation, duplicateAccounts: [] } };
    case 'COMPLETED_WITH_ERRORS':
      if (context.acceptPartialSuccess || (context.tolerateDuplicates && onlyDuplicateErrors(observation.shareDetails))) {
        return {
          state: WaiterState.SUCCESS,
          reason: { kind: 'success', observation, duplicateAccounts: duplicateAccountsOf(observation.shareDetails) },
        };
      }
      return shareFailed(observation);
    case 'ERROR':
      return shareFailed(observation);
    case 'NOT_STARTED':
    case 'IN_PROGRESS':
      return { state: WaiterState.RETRY, reason: { kind: 'pending', observation } };
  }
}

function shareFailed(observation: ShareObservation): AcceptorResult {
  return {
    state: WaiterState.FAILURE,
    reason: {
      kind: 'shareFailed',
      observation,
      failedAccounts: failedAccountsOf(observation.shareDetails),
      throttledAccounts: throttledAccountsOf(observation.shareDetails),
    },
  };
}

/** Decide on a failed call (after its per-call retries). */
export function acceptError(thrown: unknown, context: AcceptorContext): AcceptorResult {
  const error = toServiceErrorInfo(thrown);
  if (error.name === 'ResourceNotFoundException' && context.elapsedSeconds < context.notFoundGraceSeconds) {
    return { state: WaiterState.RETRY, reason: { kind: 'notFoundInGrace', error } };
  }
  if (isTransientError(error) && context.transientFailure === 'retry') {
    return { state: WaiterState.RETRY, reason: { kind: 'transientError', error } };
  }
  return { state: WaiterState.FAILURE, reason: { kind: 'apiError', error } };
}

/** Decide on one check: a describe output or the error it threw. Pure: no I/O, no clock. */
export function accept(check: CheckResult, context: AcceptorContext): AcceptorResult {
  if ('error' in check) return acceptError(check.error, context);
  const observation = parseDescribeOutput(check.output);
  if (observation === undefined) {
    const status = isRecord(check.output) ? check.output.Status : undefined;
    return {
      state: WaiterState.FAILURE,
      reason: {
        kind: 'apiError',
        error: {
          name: 'UnexpectedResponseError',
          message: `DescribePortfolioShareStatus answered an unknown Status ${JSON.stringify(status ?? null)}`,
          retryable: false,
          cause: undefined,
        },
      },
    };
  }
  return acceptObservation(observation, context);
}
