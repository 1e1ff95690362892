import { ApiError } from '../errors.js';
import { PortfolioBusyError, ShareNotAcceptedError, ShareNotRemovedError } from '../shares/errors.js';
import type { PortfolioShareOperationResult, ShareCallResult } from '../shares/types.js';
import { ExitCode } from './exitCodes.js';
import type { CliSignal } from './io.js';
import { apiErrorAdvice } from './advice.js';
import { outcomeOfError, outcomeOfWaitResult, type ShareView, type TokenOutcome } from './outcome.js';

const none = { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [] };

function recreationWarnings(result: PortfolioShareOperationResult): string[] {
  return result.recreations.map(
    (round) => `accounts throttled inside share ${round.throttledToken} (${round.throttledAccounts.join(', ')}): deleted it and created it again (round ${round.round} of ${round.maxRounds})`,
  );
}

/** A share operation that resolved: the wait's outcome (token) or the account share's, with the request in `result`. */
export function outcomeOfShareResult(result: PortfolioShareOperationResult, label: string): TokenOutcome {
  if (result.kind === 'token') {
    const base = outcomeOfWaitResult(result);
    return { ...base, warnings: [...base.warnings, ...recreationWarnings(result)] };
  }
  return {
    token: label,
    outcome: 'completed',
    exitCode: ExitCode.OK,
    status: 'COMPLETED',
    result,
    warnings: [],
    view: { ...none, portfolioId: result.portfolioId, organizationNodeValue: result.accountId, attempts: result.attempts, elapsedSeconds: result.elapsedSeconds },
  };
}

/** A share call made with `--no-wait`. */
export function outcomeOfStarted(result: ShareCallResult, label: string): TokenOutcome {
  return { token: result.token ?? label, outcome: 'started', exitCode: ExitCode.OK, status: null, result, warnings: [], view: { ...none, portfolioId: result.portfolioId } };
}

/** A share operation that rejected: busy portfolio and unaccepted account shares time out (exit 3) with advice; the rest as `wait`. */
export function outcomeOfShareError(label: string, error: unknown, signal?: CliSignal): TokenOutcome {
  if (error instanceof PortfolioBusyError || error instanceof ShareNotAcceptedError || error instanceof ShareNotRemovedError) {
    const advice =
      error instanceof PortfolioBusyError
        ? `the portfolio was busy with another share action for ${Math.round(error.busySeconds)}s (${error.callAttempts} call(s) refused with InvalidStateException); nothing was changed: raise --timeout or run fewer share actions on it at once`
        : error instanceof ShareNotAcceptedError
          ? `account ${error.accountId} has not accepted the share: accept it there (aws servicecatalog accept-portfolio-share --portfolio-id ${error.portfolioId}) and check again`
          : `DescribePortfolioShares still lists account ${error.accountId}: check the portfolio's shares again later`;
    const attempts = error instanceof PortfolioBusyError ? undefined : error.attempts;
    return {
      token: label,
      outcome: 'timeout',
      exitCode: ExitCode.TIMEOUT,
      status: null,
      error: error.toJSON(),
      warnings: [],
      view: { ...none, portfolioId: error.portfolioId, attempts, elapsedSeconds: error.elapsedSeconds, message: error.message, advice },
    };
  }
  const token = error !== null && typeof error === 'object' && 'token' in error && typeof error.token === 'string' && error.token !== '' ? error.token : label;
  const outcome = outcomeOfError(token, error, signal);
  // An API error without a token failed the share call itself (or DescribePortfolioShares), not a status check.
  if (error instanceof ApiError && error.token === undefined) outcome.view.advice = shareCallAdvice(outcome.view);
  return outcome;
}

/** What to do about a failed share call, in the command line's words. */
export function shareCallAdvice(view: ShareView): string | undefined {
  switch (view.serviceErrorName) {
    case 'ResourceNotFoundException':
      return 'check --portfolio-id (for update and delete: that the portfolio is shared with that node or account), and run as the account that owns the portfolio, in its region (--profile, --region).';
    case 'InvalidParametersException':
    case 'ValidationException':
      return 'check --org-node or --account-id: the node must be in your organization, and sharing through AWS Organizations must be enabled for Service Catalog.';
    case 'OperationNotSupportedException':
      return 'enable sharing through AWS Organizations for Service Catalog (aws servicecatalog enable-aws-organizations-access), or share with --account-id.';
  }
  if (/AccessDenied|Unauthorized|Forbidden/i.test(view.serviceErrorName ?? '')) {
    return 'run as the account that owns the portfolio (for organization nodes: the management account or a delegated administrator) (--profile), with permission for servicecatalog share actions.';
  }
  return apiErrorAdvice(view);
}
