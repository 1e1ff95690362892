import {
  ApiError,
  InvalidInputError,
  ShareCompletedWithErrorsError,
  ShareFailedError,
  WaitAbortedError,
  WaitTimeoutError,
} from '../errors.js';
import { duplicateAccountsOf, nonDuplicateFailedAccountsOf, throttledAccountsOf } from '../shareAccounts.js';
import type { AccountShareOperationResult, ShareCallResult } from '../shares/types.js';
import type { PortfolioShareResult, PortfolioShareStatus, ShareDetails } from '../types.js';
import { CONNECT_ADVICE, isConnectFailure, timeoutAdvice } from './advice.js';
import { ExitCode, type ExitCodeValue } from './exitCodes.js';
import type { CliSignal } from './io.js';

/** How one token ended, in one word (the `outcome` field of the JSON output). */
export type OutcomeKind =
  | 'completed'
  | 'failed'
  | 'timeout'
  | 'api-error'
  | 'invalid-input'
  | 'in-progress'
  | 'interrupted'
  /** create/update/delete with --no-wait: the call was accepted, nothing was waited for. */
  | 'started'
  /** apply: the share's turn never came (an earlier failure, the deadline or a signal); nothing was called for it. */
  | 'not-started';

/** What the text, JSON and GitHub Actions writers need to know about a share, whatever the outcome. */
export interface ShareView {
  portfolioId?: string | undefined;
  organizationNodeValue?: string | undefined;
  shareDetails?: ShareDetails | undefined;
  attempts?: number | undefined;
  elapsedSeconds?: number | undefined;
  /** Accounts named in ShareErrors, duplicates excluded when they were tolerated. */
  failedAccounts: string[];
  /** Accounts whose share error is throttling: only a new share reaches them. */
  throttledAccounts: string[];
  /** Accounts that already had the portfolio (DuplicateResourceException), tolerated. */
  duplicateAccounts: string[];
  /** For API errors: the service's error name, message and request id. */
  serviceErrorName?: string | undefined;
  serviceMessage?: string | undefined;
  requestId?: string | undefined;
  httpStatusCode?: number | undefined;
  /** The error's own message, when the token failed. */
  message?: string | undefined;
  /** The signal that interrupted the wait. */
  signal?: CliSignal | undefined;
  /** What to do next, when the outcome alone does not say it (busy portfolio, share not accepted). */
  advice?: string | undefined;
}

/** One token's report. */
export interface TokenOutcome {
  token: string;
  outcome: OutcomeKind;
  exitCode: ExitCodeValue;
  /** Final status, or the last one observed; null when no check answered. */
  status: PortfolioShareStatus | null;
  /** What the library resolved with. */
  result?: PortfolioShareResult | AccountShareOperationResult | ShareCallResult | undefined;
  /** The library's error as plain data (`toJSON()`; `{name, message}` for foreign errors). */
  error?: Record<string, unknown> | undefined;
  /** Passed, but worth a look: duplicates tolerated, partial success accepted. */
  warnings: string[];
  view: ShareView;
}

function viewOfResult(result: PortfolioShareResult): ShareView {
  const duplicates = new Set(result.duplicateAccounts);
  return {
    portfolioId: result.portfolioId,
    organizationNodeValue: result.organizationNodeValue,
    shareDetails: result.shareDetails,
    attempts: result.attempts,
    elapsedSeconds: result.elapsedSeconds,
    failedAccounts: nonDuplicateFailedAccountsOf(result.shareDetails).filter((a) => !duplicates.has(a)),
    // The library's rule (every throttling name AWS SDKs know), so `status` and a failed `wait` agree.
    throttledAccounts: throttledAccountsOf(result.shareDetails),
    duplicateAccounts: result.duplicateAccounts,
  };
}

function errorData(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const withJson = error as Error & { toJSON?: unknown };
    if (typeof withJson.toJSON === 'function') {
      const data: unknown = withJson.toJSON();
      if (data !== null && typeof data === 'object') return data as Record<string, unknown>;
    }
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function resultWarnings(result: PortfolioShareResult): string[] {
  const warnings: string[] = [];
  if (result.duplicateAccounts.length > 0) {
    warnings.push(
      `${plural(result.duplicateAccounts.length, 'account')} already had the portfolio (DuplicateResourceException), tolerated: ${result.duplicateAccounts.join(', ')}`,
    );
  }
  const failed = viewOfResult(result).failedAccounts;
  if (result.status === 'COMPLETED_WITH_ERRORS' && failed.length > 0) {
    warnings.push(`partial success accepted: the share failed for ${plural(failed.length, 'account')}: ${failed.join(', ')}`);
  }
  return warnings;
}

/** Classify what a wait resolved with: always a success (the library rejects everything else). */
export function outcomeOfWaitResult(result: PortfolioShareResult): TokenOutcome {
  return {
    token: result.token,
    outcome: 'completed',
    exitCode: ExitCode.OK,
    status: result.status,
    result,
    warnings: resultWarnings(result),
    view: viewOfResult(result),
  };
}

/**
 * Classify a one-shot status check: the exit code says the state (0 completed, 1 failed, 5 not
 * finished). Errors that are all DuplicateResourceException pass, as in `wait`.
 */
export function outcomeOfStatusResult(result: PortfolioShareResult, acceptPartial: boolean): TokenOutcome {
  const view = viewOfResult(result);
  const base = { token: result.token, status: result.status, result, view };
  switch (result.status) {
    case 'NOT_STARTED':
    case 'IN_PROGRESS':
      return { ...base, outcome: 'in-progress', exitCode: ExitCode.IN_PROGRESS, warnings: [] };
    case 'COMPLETED':
      return { ...base, outcome: 'completed', exitCode: ExitCode.OK, warnings: resultWarnings(result) };
    case 'COMPLETED_WITH_ERRORS': {
      const duplicateAccounts = [...new Set([...result.duplicateAccounts, ...duplicateAccountsOf(result.shareDetails)])];
      const onlyDuplicates = duplicateAccounts.length > 0 && view.failedAccounts.length === 0;
      if (onlyDuplicates || acceptPartial) {
        const tolerated = { ...result, duplicateAccounts };
        return { ...base, view: viewOfResult(tolerated), outcome: 'completed', exitCode: ExitCode.OK, warnings: resultWarnings(tolerated) };
      }
      return { ...base, outcome: 'failed', exitCode: ExitCode.SHARE_FAILED, warnings: [] };
    }
    case 'ERROR':
      return { ...base, outcome: 'failed', exitCode: ExitCode.SHARE_FAILED, warnings: [] };
  }
}

/**
 * Classify a rejection. `signal` is the signal that aborted the wait, if one did; `lastStatus` the last
 * status seen through `onProgress`, used when the error does not carry one.
 */
export function outcomeOfError(token: string, error: unknown, signal?: CliSignal, lastStatus?: PortfolioShareStatus): TokenOutcome {
  const data = errorData(error);
  const message = error instanceof Error ? error.message : String(error);
  const base = { token, error: data, warnings: [] };
  if (error instanceof ShareFailedError || error instanceof ShareCompletedWithErrorsError) {
    return {
      ...base,
      outcome: 'failed',
      exitCode: ExitCode.SHARE_FAILED,
      status: error.status,
      view: {
        portfolioId: error.portfolioId,
        organizationNodeValue: error.organizationNodeValue,
        shareDetails: error.shareDetails,
        attempts: error.attempts,
        elapsedSeconds: error.elapsedSeconds,
        failedAccounts: error.failedAccounts,
        throttledAccounts: error.throttledAccounts,
        duplicateAccounts: [],
        message,
      },
    };
  }
  if (error instanceof WaitTimeoutError || error instanceof WaitAbortedError) {
    // The error's own message, already redacted (what toJSON also gives), or the CLI's timeout text.
    const shown = error instanceof WaitTimeoutError ? cliTimeoutMessage(token, error) : message;
    base.error.message = shown;
    const last = error.lastResult;
    const lastView = last ? viewOfResult(last) : { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [] };
    const aborted = error instanceof WaitAbortedError;
    const interruptedBy = signal ?? 'SIGINT';
    return {
      ...base,
      outcome: aborted ? 'interrupted' : 'timeout',
      exitCode: aborted ? (interruptedBy === 'SIGTERM' ? ExitCode.SIGTERM : ExitCode.SIGINT) : ExitCode.TIMEOUT,
      status: error.lastStatus ?? last?.status ?? lastStatus ?? null,
      view: {
        ...lastView,
        attempts: error.attempts,
        elapsedSeconds: error.elapsedSeconds,
        message: shown,
        signal: aborted ? interruptedBy : undefined,
      },
    };
  }
  if (error instanceof InvalidInputError) {
    return {
      ...base,
      outcome: 'invalid-input',
      exitCode: ExitCode.USAGE,
      status: null,
      view: { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message },
    };
  }
  const view: ShareView = { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message };
  if (error instanceof ApiError) {
    view.serviceErrorName = error.serviceErrorName;
    view.serviceMessage = error.serviceMessage;
    view.requestId = error.requestId;
    view.httpStatusCode = error.httpStatusCode;
    view.attempts = error.attempts;
    view.elapsedSeconds = error.elapsedSeconds;
    if (isConnectFailure(view)) {
      // The library's hint names clientConfig.endpoint; the command line has flags.
      view.message = `DescribePortfolioShareStatus could not connect to the endpoint URL (${view.serviceMessage ?? ''}); ${CONNECT_ADVICE}`;
      base.error.message = view.message;
    }
  } else if (error instanceof Error) {
    // Not one of ours (e.g. a credentials provider failing before any call): still a failure to call AWS.
    view.serviceErrorName = error.name;
    view.serviceMessage = error.message;
  }
  return { ...base, outcome: 'api-error', exitCode: ExitCode.API_ERROR, status: lastStatus ?? null, view };
}

/** The timeout in the command line's words: the library's message tells a caller to raise `maxWaitTime`. */
function cliTimeoutMessage(token: string, error: WaitTimeoutError): string {
  const last = error.lastStatus !== undefined ? `its last status was ${error.lastStatus}` : 'no check answered';
  return `Gave up waiting for portfolio share ${token} after ${error.elapsedSeconds} s and ${error.attempts} check(s), and ${last}; ${timeoutAdvice(token)}.`;
}
