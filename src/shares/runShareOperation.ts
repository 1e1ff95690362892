import { linkAbort } from '../abortLink.js';
import { resolveClient } from '../client.js';
import { ApiError, PortfolioShareWaiterError, ShareCompletedWithErrorsError, ShareFailedError } from '../errors.js';
import { roundSeconds } from '../outcome.js';
import { throttledAccountsOf } from '../shareAccounts.js';
import type { PortfolioShareResult, ServiceCatalogLikeClient } from '../types.js';
import { waitUntilPortfolioShareComplete } from '../waitUntilPortfolioShareComplete.js';
import { waitForAccountShare } from './accountShareWait.js';
import type { PortfolioShareAction } from './errors.js';
import { callShareAction, toShareAbortedError, type ShareCallOutcome } from './shareCall.js';
import { parseShareRequest, type ParsedShareRequest } from './shareRequest.js';
import { validateShareOperationConfiguration, type ShareOperationSettings } from './shareSettings.js';
import type { PortfolioShareOperationResult, RecreationRound, ShareOperationConfiguration } from './types.js';

interface Run {
  parsed: ParsedShareRequest;
  settings: ShareOperationSettings;
  client: ServiceCatalogLikeClient;
  signal: AbortSignal;
  start: number;
  deadline: number;
  callAttempts: number;
  busyMs: number;
  recreations: RecreationRound[];
}

async function call(run: Run, parsed: ParsedShareRequest, queuedMs: number): Promise<ShareCallOutcome> {
  const outcome = await callShareAction(parsed, { ...run, queuedMs });
  run.callAttempts += outcome.callAttempts;
  run.busyMs += outcome.busyMs;
  return outcome;
}

function waitFor(run: Run, token: string, calledAt: number): Promise<PortfolioShareResult> {
  const { settings } = run;
  return waitUntilPortfolioShareComplete(
    {
      client: run.client,
      maxWaitTime: Math.max(0.001, (run.deadline - settings.timers.now()) / 1000),
      minDelay: settings.minDelay,
      maxDelay: settings.maxDelay,
      abortSignal: run.signal,
      logger: settings.logger,
      onStatusChange: settings.onStatusChange,
      onProgress: settings.onProgress,
      acceptPartialSuccess: settings.acceptPartialSuccess,
      tolerateDuplicates: settings.tolerateDuplicates,
      notFoundGraceSeconds: settings.notFoundGraceSeconds,
      retry: settings.retry,
      timers: settings.timers,
      actionStartedAt: calledAt,
    },
    { PortfolioShareToken: token },
  );
}

/** Accounts throttled inside a share that ended (resolved, or rejected with a share error), and its token. */
function throttledOf(ended: unknown, failed: boolean): { token: string; accounts: string[] } | undefined {
  if (!failed) {
    const result = ended as PortfolioShareResult;
    return { token: result.token, accounts: throttledAccountsOf(result.shareDetails) };
  }
  if (ended instanceof ShareCompletedWithErrorsError || ended instanceof ShareFailedError) return { token: ended.token, accounts: ended.throttledAccounts };
  return undefined;
}

/** Call, then wait on the token; for a create, delete and create again while accounts were throttled inside the share (if asked). */
async function callAndWaitOnToken(run: Run, first: ShareCallOutcome & { token: string }): Promise<PortfolioShareResult> {
  const { parsed, settings } = run;
  let outcome = first;
  for (;;) {
    let ended: PortfolioShareResult | unknown;
    let failed = false;
    try {
      ended = await waitFor(run, outcome.token, outcome.calledAt);
    } catch (error) {
      ended = error;
      failed = true;
    }
    const throttled = throttledOf(ended, failed);
    const again = parsed.action === 'CREATE' && throttled !== undefined && throttled.accounts.length > 0 && run.recreations.length < settings.recreateThrottled;
    if (!again) {
      if (failed) throw ended;
      return ended as PortfolioShareResult;
    }
    const round: RecreationRound = { round: run.recreations.length + 1, maxRounds: settings.recreateThrottled, throttledAccounts: throttled.accounts, throttledToken: throttled.token };
    run.recreations.push(round);
    settings.logger.warn({ ...round, portfolioId: parsed.portfolioId }, 'accounts were throttled inside the share; deleting it and creating it again');
    try {
      settings.onRecreate?.(round);
    } catch (error) {
      settings.logger.warn({ err: error }, 'onRecreate threw; going on');
    }
    const deletion = parseShareRequest('DELETE', parsed.request);
    const deleted = await requireToken(run, await call(run, deletion, 0));
    await waitFor(run, deleted.token, deleted.calledAt);
    outcome = await requireToken(run, await call(run, parsed, 0));
  }
}

async function requireToken(run: Run, outcome: ShareCallOutcome): Promise<ShareCallOutcome & { token: string }> {
  if (outcome.token !== undefined) return { ...outcome, token: outcome.token };
  const message = `The share call for portfolio ${run.parsed.portfolioId} answered no PortfolioShareToken for an organization node; check the endpoint: it did not answer like Service Catalog.`;
  throw new ApiError(message, { serviceErrorName: 'UnexpectedResponseError', serviceMessage: 'no PortfolioShareToken in the answer' });
}

/**
 * A share action and its wait: validate, take the portfolio's turn in the queue, call (retrying
 * InvalidStateException), wait for the token (or, for an AccountId share, for acceptance or removal).
 */
export async function runShareOperation(action: PortfolioShareAction, config: ShareOperationConfiguration, input: unknown): Promise<PortfolioShareOperationResult> {
  const parsed = parseShareRequest(action, input);
  const settings = validateShareOperationConfiguration(config);
  const { timers } = settings;
  const { client, release } = resolveClient(config);
  const link = linkAbort(settings.abortSignal);
  const start = timers.now();
  const run: Run = { parsed, settings, client, signal: link.signal, start, deadline: start + settings.maxWaitTime * 1000, callAttempts: 0, busyMs: 0, recreations: [] };
  const fields = (): { action: PortfolioShareAction; request: typeof parsed.request; callAttempts: number; busySeconds: number; recreations: RecreationRound[] } => ({
    action,
    request: parsed.request,
    callAttempts: run.callAttempts,
    busySeconds: roundSeconds(run.busyMs / 1000),
    recreations: run.recreations,
  });
  try {
    // The portfolio's turn lasts until its share action has finished; an account share's acceptance is waited for outside it.
    const { target } = parsed;
    const done = await settings.queue.run(
      parsed.portfolioId,
      async (): Promise<PortfolioShareResult | { accountId: string }> => {
        const first = await call(run, parsed, timers.now() - start);
        if (first.token === undefined && target.kind === 'account') return { accountId: target.accountId };
        return callAndWaitOnToken(run, await requireToken(run, first));
      },
      { signal: link.signal },
    );
    const elapsedSeconds = (): number => roundSeconds((timers.now() - start) / 1000);
    if (!('accountId' in done)) return { kind: 'token', ...done, ...fields(), elapsedSeconds: elapsedSeconds() };
    const { accountId } = done;
    const state = await waitForAccountShare({ client, settings, signal: link.signal, portfolioId: parsed.portfolioId, accountId, until: action === 'DELETE' ? 'removed' : 'accepted', start, deadline: run.deadline });
    return { kind: 'account', portfolioId: parsed.portfolioId, accountId, ...state, ...fields(), elapsedSeconds: elapsedSeconds() };
  } catch (error) {
    if (link.signal.aborted && !(error instanceof PortfolioShareWaiterError)) throw toShareAbortedError(parsed, link.signal.reason, run.callAttempts, timers.now() - start);
    throw error;
  } finally {
    link.dispose();
    release();
  }
}
