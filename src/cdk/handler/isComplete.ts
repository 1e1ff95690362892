import { checkOnce, failureError } from '../../checkOnce.js';
import type { PortfolioShareWaiterError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RetryOptions, ServiceCatalogLikeClient, Timers } from '../../types.js';
import { ATTRIBUTE, type IsCompleteRequest, type IsCompleteResponse } from './events.js';
import { parseShareProperties } from './properties.js';

export interface IsCompleteDependencies {
  client: ServiceCatalogLikeClient;
  timers: Timers;
  logger: Logger;
  retry: Required<RetryOptions>;
}

/** Thrown when the share action ended badly; its message is what the stack's events show. */
export class ShareResourceError extends Error {
  override readonly name = 'ShareResourceError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type ShareActionName = 'CREATE' | 'UPDATE' | 'DELETE';

const WHAT_NEXT: Record<ShareActionName, string> = {
  CREATE: 'CloudFormation rolls the share back; fix the cause, then deploy again',
  UPDATE: 'CloudFormation rolls the update back; fix the cause, then deploy again',
  DELETE: 'the share may still reach those accounts; fix the cause, then delete the stack again',
};

/**
 * One status check of the share action onEvent started, decided by the library's acceptor: done
 * (with the token and the number of accounts shared as attributes), not yet (the framework asks again
 * after its query interval), or failed — then the error names the status, the failed and throttled
 * accounts and what to do, because that message is all a user sees in the stack's events.
 */
export async function isComplete(event: IsCompleteRequest, deps: IsCompleteDependencies): Promise<IsCompleteResponse> {
  const token = event.PortfolioShareToken;
  if (token === undefined) return { IsComplete: true };
  const properties = parseShareProperties(event.ResourceProperties);
  const action = event.ShareAction ?? 'CREATE';
  const startedAt = event.ShareActionStartedAt ?? deps.timers.now();
  const elapsedSeconds = Math.max(0, (deps.timers.now() - startedAt) / 1000);
  const logger = deps.logger.child({ token, action });
  const { reason } = await checkOnce(
    { client: deps.client, token, retry: deps.retry, timers: deps.timers, logger },
    {
      elapsedSeconds,
      notFoundGraceSeconds: properties.notFoundGraceSeconds,
      acceptPartialSuccess: properties.acceptPartialSuccess,
      tolerateDuplicates: properties.tolerateDuplicates,
      transientFailure: 'retry',
    },
  );
  const context = { token, attempts: 1, elapsedSeconds };
  switch (reason.kind) {
    case 'success': {
      const shared = reason.observation.shareDetails.SuccessfulShares ?? [];
      logger.info({ status: reason.observation.status, sharedAccounts: shared.length }, 'portfolio share action finished');
      return { IsComplete: true, Data: { [ATTRIBUTE.token]: token, [ATTRIBUTE.sharedAccountCount]: shared.length } };
    }
    case 'pending':
    case 'notFoundInGrace':
    case 'transientError':
      logger.info({ status: reason.kind === 'pending' ? reason.observation.status : reason.error.name }, 'portfolio share action not finished yet');
      return { IsComplete: false };
    case 'shareFailed':
    case 'apiError':
      return fail(failureError(reason, context), action, logger);
  }
}

function fail(error: PortfolioShareWaiterError, action: ShareActionName, logger: Logger): never {
  logger.error({ err: error }, 'portfolio share action failed');
  throw new ShareResourceError(`${action}: ${error.message} ${WHAT_NEXT[action]}.`, error.code);
}
