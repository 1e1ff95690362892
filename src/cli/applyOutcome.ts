import type { PlanShare } from '../plan/planTypes.js';
import type { NotStartedReason, PlanShareRun } from '../plan/runPlan.js';
import { ExitCode, type ExitCodeValue } from './exitCodes.js';
import type { CliSignal } from './io.js';
import { outcomeOfError, outcomeOfWaitResult, type TokenOutcome } from './outcome.js';
import { outcomeOfShareError, shareCallAdvice } from './shareOutcome.js';

/** One share of a plan as `apply` reports it: the share, whether it was made, and its outcome. */
export interface ApplyOutcome extends TokenOutcome {
  /** Its place in the plan file: `shares[index]`. */
  index: number;
  share: PlanShare;
  /** The service accepted its call (it has a token), whatever came of it then. */
  made: boolean;
  /** The PortfolioShareToken, when it was made. */
  shareToken: string | null;
}

/** How a share without a token is named: portfolio/node. */
export function shareLabel(share: PlanShare): string {
  return `${share.portfolioId}/${share.node.Value}`;
}

function notStartedMessage(reason: NotStartedReason, signal: CliSignal | undefined): string {
  switch (reason.kind) {
    case 'after-failure':
      return `shares[${reason.failedIndex}] failed first, so no new share was started (--keep-going goes on)`;
    case 'deadline':
      return "the plan reached its deadline (--timeout) before this share's turn";
    case 'aborted':
      return `interrupted by ${signal ?? 'a signal'} before this share's turn`;
  }
}

/** A failed share call in apply's words: the plan's fields rather than the create command's flags. */
function applyCallAdvice(outcome: TokenOutcome): string | undefined {
  switch (outcome.view.serviceErrorName) {
    case 'ResourceNotFoundException':
      return "check the share's portfolioId and node in the plan (update and delete need an existing share), and run as the account that owns the portfolio, in its region (--profile, --region).";
    case 'InvalidParametersException':
    case 'ValidationException':
      return "check the share's node in the plan: it must be in your organization, and sharing through AWS Organizations must be enabled for Service Catalog.";
    default:
      return outcome.view.advice === undefined ? undefined : shareCallAdvice(outcome.view);
  }
}

/**
 * Each run as a report entry: a made share reports like `wait` does for its token; a failed call like
 * `create` does; a share never started gets the exit code of what stopped the run (the first failure's,
 * 3 for the deadline, 130/143 for a signal), so it never lowers the worst one.
 */
export function applyOutcomes(runs: readonly PlanShareRun[], signal: CliSignal | undefined): ApplyOutcome[] {
  const codes = new Map<number, ExitCodeValue>();
  const entries = runs.map((run): ApplyOutcome | undefined => {
    const base = { index: run.index, share: run.share };
    const label = shareLabel(run.share);
    let outcome: TokenOutcome;
    switch (run.phase) {
      case 'done':
        outcome = outcomeOfWaitResult(run.result);
        break;
      case 'wait-failed':
        outcome = outcomeOfError(run.token, run.error, signal);
        break;
      case 'call-failed':
        outcome = outcomeOfShareError(label, run.error, signal);
        if (outcome.outcome === 'api-error') outcome.view.advice = applyCallAdvice(outcome);
        break;
      case 'not-started':
        return undefined;
    }
    codes.set(run.index, outcome.exitCode);
    const made = run.phase !== 'call-failed';
    const view = { ...outcome.view, portfolioId: run.share.portfolioId, organizationNodeValue: run.share.node.Value };
    return { ...outcome, view, ...base, made, shareToken: made ? run.token : null };
  });
  return runs.map((run, i) => {
    const entry = entries[i];
    if (entry !== undefined) return entry;
    const reason = run.phase === 'not-started' ? run.reason : { kind: 'aborted' as const };
    const exitCode =
      reason.kind === 'after-failure' ? (codes.get(reason.failedIndex) ?? ExitCode.SHARE_FAILED) : reason.kind === 'deadline' ? ExitCode.TIMEOUT : signal === 'SIGTERM' ? ExitCode.SIGTERM : ExitCode.SIGINT;
    return {
      token: shareLabel(run.share),
      outcome: 'not-started',
      exitCode,
      status: null,
      warnings: [],
      view: { portfolioId: run.share.portfolioId, organizationNodeValue: run.share.node.Value, failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message: notStartedMessage(reason, signal) },
      index: run.index,
      share: run.share,
      made: false,
      shareToken: null,
    };
  });
}
