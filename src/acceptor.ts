import { WaiterState } from '@smithy/util-waiter';
import { isConnectionFailure, isTransientError, toServiceErrorInfo, type ServiceErrorInfo } from './serviceError.js';
import { duplicateAccountsOf, failedAccountsOf, onlyDuplicateErrors, throttledAccountsOf } from './shareAccounts.js';
import { parseDescribeOutput, type ShareObservation } from './shareObservation.js';

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
  /**
   * This is the wait's first check. If it could not connect at all (refused, unknown host, no route,
   * connection timeout) even after its per-call retries, the endpoint is wrong or unreachable: fail
   * at once, as the AWS CLI does, rather than poll until the deadline. Later checks treat a connection
   * failure as a transient blip. @default false
   */
  firstCheck?: boolean | undefined;
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

/** Decide on one parsed status: the outcome rules of the service's four statuses. */
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
  if (context.firstCheck === true && isConnectionFailure(error)) {
    return { state: WaiterState.FAILURE, reason: { kind: 'apiError', error } };
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
    const output = check.output;
    const status = typeof output === 'object' && output !== null && 'Status' in output ? output.Status : undefined;
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
