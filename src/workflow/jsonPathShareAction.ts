import type { JsonObject, Retrier, TaskState } from './asl.js';
import { OUTCOME } from './jsonPathOutcomes.js';
import { POLL, TRANSIENT_RETRY } from './jsonPathPolling.js';
import type { ShareAction } from './options.js';
import { INVALID_STATE_ERROR } from './taskErrors.js';

/** The Task state of each share action, by name. */
export const ACTION_STATE: Record<ShareAction, string> = {
  create: 'CreatePortfolioShare',
  update: 'UpdatePortfolioShare',
  delete: 'DeletePortfolioShare',
};

export const ACTION_RESOURCE: Record<ShareAction, string> = {
  create: 'arn:aws:states:::aws-sdk:servicecatalog:createPortfolioShare',
  update: 'arn:aws:states:::aws-sdk:servicecatalog:updatePortfolioShare',
  delete: 'arn:aws:states:::aws-sdk:servicecatalog:deletePortfolioShare',
};

/** The IAM action each Task resource calls. */
export const IAM_ACTION: Record<ShareAction | 'describe', string> = {
  create: 'servicecatalog:CreatePortfolioShare',
  update: 'servicecatalog:UpdatePortfolioShare',
  delete: 'servicecatalog:DeletePortfolioShare',
  describe: 'servicecatalog:DescribePortfolioShareStatus',
};

/**
 * `InvalidStateException` (another share action on the portfolio is still running) retried with
 * back-off: 2, 4, 8, 10, 10, 10 s — the waits Landing Zone Accelerator uses, one more.
 */
export const INVALID_STATE_RETRY: Retrier = { ErrorEquals: [INVALID_STATE_ERROR], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 6, MaxDelaySeconds: 10 };

/** How the polling loop names a share that a share action started. */
export const ACTION_SHARE: JsonObject = { 'PortfolioId.$': '$.PortfolioId', 'OrganizationNode.$': '$.OrganizationNode' };

/** The Task that makes the share action; its token lands in `$.started.PortfolioShareToken`. */
export function shareActionState(action: ShareAction): TaskState {
  const parameters: JsonObject = { 'PortfolioId.$': '$.PortfolioId', 'OrganizationNode.$': '$.OrganizationNode' };
  if (action !== 'delete') {
    parameters['ShareTagOptions.$'] = '$.ShareTagOptions';
    parameters['SharePrincipals.$'] = '$.SharePrincipals';
  }
  return {
    Type: 'Task',
    Resource: ACTION_RESOURCE[action],
    Parameters: parameters,
    ResultSelector: { 'PortfolioShareToken.$': '$.PortfolioShareToken' },
    ResultPath: '$.started',
    Retry: [INVALID_STATE_RETRY, TRANSIENT_RETRY],
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: OUTCOME.actionFailed }],
    Next: POLL.start,
  };
}
