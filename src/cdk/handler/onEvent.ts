import { ApiError } from '../../errors.js';
import { toServiceErrorInfo } from '../../serviceError.js';
import type { OnEventRequest, OnEventResponse } from './events.js';
import { parseShareProperties, physicalIdOf, type ShareProperties } from './properties.js';
import type { ShareActions } from './shareActions.js';

export interface OnEventDependencies {
  actions: ShareActions;
  /** Epoch milliseconds. */
  now: () => number;
}

function started(physicalId: string, action: 'CREATE' | 'UPDATE' | 'DELETE', token: string | undefined, now: number): OnEventResponse {
  return token === undefined ? { PhysicalResourceId: physicalId } : { PhysicalResourceId: physicalId, PortfolioShareToken: token, ShareActionStartedAt: now, ShareAction: action };
}

/** A share that cannot be deleted because it, or its portfolio, is gone already: deleted is what was asked. */
function isAlreadyGone(error: unknown): boolean {
  const name = error instanceof ApiError ? error.serviceErrorName : toServiceErrorInfo(error).name;
  return name === 'ResourceNotFoundException';
}

function changesTarget(before: ShareProperties, after: ShareProperties): boolean {
  return physicalIdOf(before) !== physicalIdOf(after);
}

/**
 * Start the share action a CloudFormation event asks for and hand its token to isComplete. Create
 * shares; Update changes ShareTagOptions/SharePrincipals in place, or, when the portfolio or the node
 * changes, creates the new share under a new physical id (CloudFormation then deletes the old one);
 * Delete unshares, and a share already gone counts as deleted.
 */
export async function onEvent(event: OnEventRequest, deps: OnEventDependencies): Promise<OnEventResponse> {
  const properties = parseShareProperties(event.ResourceProperties);
  const physicalId = physicalIdOf(properties);
  switch (event.RequestType) {
    case 'Create':
      return started(physicalId, 'CREATE', await deps.actions.create(properties), deps.now());
    case 'Update': {
      const before = parseShareProperties(event.OldResourceProperties);
      if (changesTarget(before, properties)) return started(physicalId, 'CREATE', await deps.actions.create(properties), deps.now());
      return started(physicalId, 'UPDATE', await deps.actions.update(properties), deps.now());
    }
    case 'Delete': {
      const kept = event.PhysicalResourceId ?? physicalId;
      try {
        return started(kept, 'DELETE', await deps.actions.delete(properties), deps.now());
      } catch (error) {
        if (isAlreadyGone(error)) return { PhysicalResourceId: kept };
        throw error;
      }
    }
  }
}
