import { linkAbort } from '../abortLink.js';
import { resolveClient } from '../client.js';
import { PortfolioShareWaiterError } from '../errors.js';
import { roundSeconds } from '../outcome.js';
import type { PortfolioShareAction } from './errors.js';
import { callShareAction, toShareAbortedError } from './shareCall.js';
import { parseShareRequest } from './shareRequest.js';
import { validateShareCallConfiguration } from './shareSettings.js';
import type { CreatePortfolioShareInput, DeletePortfolioShareInput, ShareCallConfiguration, ShareCallResult, UpdatePortfolioShareInput } from './types.js';

/** A share call without waiting, for any action (the CLI's `--no-wait`). */
export async function startShareAction(action: PortfolioShareAction, config: ShareCallConfiguration, input: unknown): Promise<ShareCallResult> {
  const parsed = parseShareRequest(action, input);
  const settings = validateShareCallConfiguration(config);
  const { timers } = settings;
  const { client, release } = resolveClient(config);
  const link = linkAbort(settings.abortSignal);
  const start = timers.now();
  try {
    // The portfolio's turn in this process lasts only as long as the call: nothing waits for the share here.
    const outcome = await settings.queue.run(
      parsed.portfolioId,
      () => callShareAction(parsed, { client, settings, signal: link.signal, start, deadline: start + settings.maxWaitTime * 1000, queuedMs: timers.now() - start }),
      { signal: link.signal },
    );
    return {
      action,
      request: parsed.request,
      portfolioId: parsed.portfolioId,
      token: outcome.token,
      callAttempts: outcome.callAttempts,
      busySeconds: roundSeconds(outcome.busyMs / 1000),
      calledAt: outcome.calledAt,
    };
  } catch (error) {
    if (link.signal.aborted && !(error instanceof PortfolioShareWaiterError)) throw toShareAbortedError(parsed, link.signal.reason, 0, timers.now() - start);
    throw error;
  } finally {
    link.dispose();
    release();
  }
}

/**
 * CreatePortfolioShare without waiting for the share: validates the input, retries InvalidStateException
 * until `maxWaitTime`, and resolves with the token (none for an AccountId share). For callers that
 * wait elsewhere, such as a CloudFormation custom resource's isComplete handler. Rejects with
 * InvalidInputError (before any call), PortfolioBusyError, ApiError or WaitAbortedError.
 */
export function startPortfolioShareCreate(config: ShareCallConfiguration, input: CreatePortfolioShareInput): Promise<ShareCallResult> {
  return startShareAction('CREATE', config, input);
}

/** UpdatePortfolioShare without waiting; as {@link startPortfolioShareCreate}. */
export function startPortfolioShareUpdate(config: ShareCallConfiguration, input: UpdatePortfolioShareInput): Promise<ShareCallResult> {
  return startShareAction('UPDATE', config, input);
}

/** DeletePortfolioShare without waiting; as {@link startPortfolioShareCreate}. */
export function startPortfolioShareDelete(config: ShareCallConfiguration, input: DeletePortfolioShareInput): Promise<ShareCallResult> {
  return startShareAction('DELETE', config, input);
}
