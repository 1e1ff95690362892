import { accept, type CheckResult } from './acceptor.js';
import { linkAbort } from './abortLink.js';
import { resolveClient } from './client.js';
import { describeShareStatus } from './describe.js';
import { toAbortedError, toApiError, toResult } from './outcome.js';
import { duplicateAccountsOf, onlyDuplicateErrors } from './shareAccounts.js';
import type { PortfolioShareInput, PortfolioShareResult, StatusCheckConfiguration } from './types.js';
import { validateCheckConfiguration } from './validate.js';

/**
 * Describe a portfolio share once (transient failures retried per call) and resolve with its current
 * state, whatever the status — the caller decides what NOT_STARTED or ERROR means for it.
 * `duplicateAccounts` lists the accounts of a COMPLETED_WITH_ERRORS whose errors are all
 * DuplicateResourceException. Rejects with `ApiError` (including transient failures that outlived
 * their retries), `InvalidInputError` (before any call) or `WaitAbortedError`.
 */
export async function getPortfolioShareStatus(config: StatusCheckConfiguration, input: PortfolioShareInput): Promise<PortfolioShareResult> {
  const settings = validateCheckConfiguration(config, input);
  const { token, timers } = settings;
  const logger = settings.logger.child({ token });
  const { client, release } = resolveClient(config);
  const link = linkAbort(settings.abortSignal);
  const start = timers.now();
  const context = (): { token: string; attempts: number; elapsedSeconds: number } => ({ token, attempts: 1, elapsedSeconds: (timers.now() - start) / 1000 });
  const aborted = (): Error => toAbortedError({ ...context(), attempts: 0, maxWaitTime: 0 }, settings.abortSignal?.reason);
  try {
    if (link.signal.aborted) throw aborted();
    let checkResult: CheckResult;
    try {
      logger.debug({ attempt: 1 }, 'checking portfolio share status');
      checkResult = { output: await describeShareStatus({ client, token, retry: settings.retry, timers, logger, signal: link.signal }) };
    } catch (error) {
      if (link.signal.aborted) throw aborted();
      checkResult = { error };
    }
    const verdict = accept(checkResult, {
      elapsedSeconds: 0,
      notFoundGraceSeconds: 0,
      acceptPartialSuccess: false,
      tolerateDuplicates: true,
      transientFailure: 'fail',
    });
    const { reason } = verdict;
    if ('observation' in reason) {
      const details = reason.observation.shareDetails;
      const duplicates = onlyDuplicateErrors(details) ? duplicateAccountsOf(details) : [];
      const result = toResult(reason.observation, duplicates, context());
      logger.info({ status: result.status }, 'portfolio share status');
      return result;
    }
    throw toApiError(reason.error, context());
  } finally {
    link.dispose();
    release();
  }
}
