import { runShareOperation } from './runShareOperation.js';
import type { CreatePortfolioShareInput, DeletePortfolioShareInput, PortfolioShareOperationResult, ShareOperationConfiguration, UpdatePortfolioShareInput } from './types.js';

/**
 * CreatePortfolioShare, then wait until the share is done. Share actions on one portfolio are run one
 * at a time in this process (`queue`); InvalidStateException from other processes' actions is retried
 * with jittered back-off (`busyRetry`) until `maxWaitTime`, which bounds the whole operation. An
 * organization-node share is waited for with `waitUntilPortfolioShareComplete` (its not-found grace
 * counting from the call); an AccountId share until its account accepts it. With `recreateThrottled`,
 * a share that ends with accounts throttled inside it is deleted and created again.
 *
 * Resolves with `{ kind: 'token', …PortfolioShareResult }` or `{ kind: 'account', accepted: true, … }`,
 * both with the `request`, `callAttempts`, `busySeconds` and `recreations`. Rejects with the waiter's
 * errors (`ShareFailedError`, `ShareCompletedWithErrorsError`, `WaitTimeoutError`, `WaitAbortedError`,
 * `ApiError`, `InvalidInputError` before any call), `PortfolioBusyError` or `ShareNotAcceptedError`.
 */
export function createPortfolioShareAndWait(config: ShareOperationConfiguration, input: CreatePortfolioShareInput): Promise<PortfolioShareOperationResult> {
  return runShareOperation('CREATE', config, input);
}

/**
 * UpdatePortfolioShare (ShareTagOptions and/or SharePrincipals), then wait until it is done; as
 * {@link createPortfolioShareAndWait} (no re-creation).
 */
export function updatePortfolioShareAndWait(config: ShareOperationConfiguration, input: UpdatePortfolioShareInput): Promise<PortfolioShareOperationResult> {
  return runShareOperation('UPDATE', config, input);
}

/**
 * DeletePortfolioShare, then wait until it is done (an AccountId share: until DescribePortfolioShares
 * no longer lists it, else `ShareNotRemovedError`); as {@link createPortfolioShareAndWait}.
 */
export function deletePortfolioShareAndWait(config: ShareOperationConfiguration, input: DeletePortfolioShareInput): Promise<PortfolioShareOperationResult> {
  return runShareOperation('DELETE', config, input);
}
