import { DescribePortfolioSharesCommand } from '@aws-sdk/client-service-catalog';
import { sendWithRetry } from '../describe.js';
import { ApiError } from '../errors.js';
import { roundSeconds } from '../outcome.js';
import { computeDelay } from '../schedule.js';
import { errorLogFields, isTransientError, toServiceErrorInfo } from '../serviceError.js';
import type { ServiceCatalogLikeClient } from '../types.js';
import { ShareNotAcceptedError, ShareNotRemovedError } from './errors.js';
import type { ShareOperationSettings } from './shareSettings.js';

/** Largest page DescribePortfolioShares takes. */
export const DESCRIBE_SHARES_PAGE_SIZE = 100;

/** An account share as DescribePortfolioShares lists it. */
export interface AccountShareState {
  present: boolean;
  accepted: boolean;
}

export interface AccountShareWaitOptions {
  client: ServiceCatalogLikeClient;
  settings: Pick<ShareOperationSettings, 'timers' | 'logger' | 'retry' | 'minDelay' | 'maxDelay' | 'maxWaitTime'>;
  signal: AbortSignal;
  portfolioId: string;
  accountId: string;
  /** `accepted`: until the account accepted the share (create, update); `removed`: until it is no longer listed (delete). */
  until: 'accepted' | 'removed';
  /** When the operation started and when it must end, on the clock of `settings.timers` (ms). */
  start: number;
  deadline: number;
}

/** The state of one account's share: every page of DescribePortfolioShares(Type ACCOUNT), each call retried on transient failures. */
export async function describeAccountShare(options: AccountShareWaitOptions): Promise<AccountShareState> {
  const { client, settings, signal, portfolioId, accountId } = options;
  const { retry, timers } = settings;
  let pageToken: string | undefined;
  do {
    const command = new DescribePortfolioSharesCommand({ PortfolioId: portfolioId, Type: 'ACCOUNT', PageSize: DESCRIBE_SHARES_PAGE_SIZE, PageToken: pageToken });
    const output = await sendWithRetry(command, 'DescribePortfolioShares', { client, retry, timers, logger: settings.logger, signal, deadline: options.deadline });
    const page = output as { PortfolioShareDetails?: Array<{ PrincipalId?: string; Accepted?: boolean }>; NextPageToken?: string };
    const detail = (page.PortfolioShareDetails ?? []).find((d) => d.PrincipalId === accountId);
    if (detail !== undefined) return { present: true, accepted: detail.Accepted === true };
    pageToken = page.NextPageToken === '' ? undefined : page.NextPageToken;
  } while (pageToken !== undefined);
  return { present: false, accepted: false };
}

/**
 * Wait until an AccountId share (which has no token) is accepted by its account, or is gone after a
 * delete, polling DescribePortfolioShares on the waiter's schedule. The last check is at the
 * deadline; then ShareNotAcceptedError / ShareNotRemovedError. A transient failure that outlives its
 * per-call retries is logged and checked again; any other failure rejects as the call threw it.
 */
export async function waitForAccountShare(options: AccountShareWaitOptions): Promise<AccountShareState & { attempts: number }> {
  const { settings, signal, deadline, until } = options;
  const { timers } = settings;
  const logger = settings.logger.child({ portfolioId: options.portfolioId, accountId: options.accountId });
  const waitStart = timers.now();
  let attempts = 0;
  for (;;) {
    if (attempts > 0) {
      // The loop goes on only before the deadline, so this delay is > 0: the last check falls on the deadline.
      const delayMs = Math.min(computeDelay((timers.now() - waitStart) / 1000, { minDelay: settings.minDelay, maxDelay: settings.maxDelay, random: timers.random }) * 1000, deadline - timers.now());
      await timers.sleep(delayMs, signal);
    }
    attempts += 1;
    let state: AccountShareState | undefined;
    try {
      state = await describeAccountShare(options);
    } catch (error) {
      const info = toServiceErrorInfo(error);
      if (signal.aborted) throw error;
      if (!isTransientError(info)) {
        const requestId = info.requestId !== undefined ? ` (request id ${info.requestId})` : '';
        throw new ApiError(
          `DescribePortfolioShares of portfolio ${options.portfolioId} failed with ${info.name}: ${info.message}${requestId}; check the portfolio id, the account and the region, and permission for servicecatalog:DescribePortfolioShares.`,
          { serviceErrorName: info.name, serviceMessage: info.message, requestId: info.requestId, httpStatusCode: info.httpStatusCode, attempts, elapsedSeconds: roundSeconds((timers.now() - options.start) / 1000) },
          { cause: error },
        );
      }
      logger.warn({ attempt: attempts, err: errorLogFields(toServiceErrorInfo(error)) }, 'DescribePortfolioShares failed after its retries; checking again later');
    }
    if (state !== undefined) {
      logger.debug({ attempt: attempts, ...state }, 'account share state');
      if (until === 'accepted' ? state.accepted : !state.present) return { ...state, attempts };
    }
    if (timers.now() >= deadline) {
      const fields = { portfolioId: options.portfolioId, accountId: options.accountId, attempts, elapsedSeconds: roundSeconds((timers.now() - options.start) / 1000), maxWaitTime: settings.maxWaitTime };
      if (until === 'accepted') {
        throw new ShareNotAcceptedError(
          `Portfolio ${options.portfolioId} was shared with account ${options.accountId}, but the account had not accepted the share after ${fields.elapsedSeconds} s (maxWaitTime ${settings.maxWaitTime} s, ${attempts} check(s)); the share stays offered: accept it in that account (AcceptPortfolioShare, or the console's Imported portfolios) and check again.`,
          fields,
        );
      }
      throw new ShareNotRemovedError(
        `The share of portfolio ${options.portfolioId} with account ${options.accountId} was deleted, but DescribePortfolioShares still listed it after ${fields.elapsedSeconds} s (maxWaitTime ${settings.maxWaitTime} s, ${attempts} check(s)); check the portfolio's shares again later.`,
        fields,
      );
    }
  }
}
