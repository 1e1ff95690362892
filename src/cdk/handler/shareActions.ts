import { startPortfolioShareCreate, startPortfolioShareDelete, startPortfolioShareUpdate } from '../../shares/startPortfolioShareAction.js';
import type { ShareCallConfiguration } from '../../shares/types.js';
import type { ServiceCatalogLikeClient } from '../../types.js';
import type { ShareProperties } from './properties.js';

/** The three share actions the handlers start, each answering the token of the action (if any). */
export interface ShareActions {
  create(properties: ShareProperties): Promise<string | undefined>;
  update(properties: ShareProperties): Promise<string | undefined>;
  delete(properties: ShareProperties): Promise<string | undefined>;
}

/**
 * How long a share call keeps retrying a busy portfolio (InvalidStateException: another stack or
 * script is sharing it), in seconds: well inside the onEvent function's 2-minute limit, so the
 * deployment gets our error, not Lambda's time-out.
 */
export const BUSY_RETRY_SECONDS = 90;

/** The share actions of the library (`startPortfolioShare*`: the call, InvalidStateException retried with back-off, no wait). */
export function clientShareActions(client: ServiceCatalogLikeClient, maxWaitTime = BUSY_RETRY_SECONDS): ShareActions {
  const config: ShareCallConfiguration = { client, maxWaitTime };
  const target = (p: ShareProperties) => ({ PortfolioId: p.portfolioId, OrganizationNode: p.node });
  const withOptions = (p: ShareProperties) => ({ ...target(p), ShareTagOptions: p.shareTagOptions, SharePrincipals: p.sharePrincipals });
  return {
    create: async (p) => (await startPortfolioShareCreate(config, withOptions(p))).token,
    update: async (p) => (await startPortfolioShareUpdate(config, withOptions(p))).token,
    delete: async (p) => (await startPortfolioShareDelete(config, target(p))).token,
  };
}
