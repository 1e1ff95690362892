import { accept, type AcceptorContext, type AcceptorReason, type AcceptorResult, type CheckResult } from './acceptor.js';
import { describeShareStatus, type DescribeOptions } from './describe.js';
import type { ApiError, ShareCompletedWithErrorsError, ShareFailedError } from './errors.js';
import { toApiError, toShareError, type OutcomeContext } from './outcome.js';

/**
 * One check of a share, decided by the library's acceptor: DescribePortfolioShareStatus with its
 * per-call retry, and whatever it answered or threw put to `accept`. The entry points that check once
 * per invocation — the Lambda step (src/workflow/checkShare.ts) and the CDK provider's isComplete
 * (src/cdk/handler/isComplete.ts) — share it, and differ only in what they do with the verdict.
 */
export async function checkOnce(describe: DescribeOptions, context: AcceptorContext): Promise<AcceptorResult> {
  let check: CheckResult;
  try {
    check = { output: await describeShareStatus(describe) };
  } catch (error) {
    check = { error };
  }
  return accept(check, context);
}

/** A verdict that the check failed: the share itself failed, or the call did in a way waiting will not fix. */
export type FailureReason = Extract<AcceptorReason, { kind: 'shareFailed' | 'apiError' }>;

/** The library's error for a failed verdict: ShareFailedError, ShareCompletedWithErrorsError or ApiError. */
export function failureError(reason: FailureReason, context: OutcomeContext): ShareFailedError | ShareCompletedWithErrorsError | ApiError {
  return reason.kind === 'shareFailed' ? toShareError(reason.observation, reason.failedAccounts, reason.throttledAccounts, context) : toApiError(reason.error, context);
}
