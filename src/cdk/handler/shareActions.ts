import { CreatePortfolioShareCommand, DeletePortfolioShareCommand, UpdatePortfolioShareCommand } from '@aws-sdk/client-service-catalog';
import pRetry, { AbortError } from 'p-retry';
import { toServiceErrorInfo } from '../../serviceError.js';
import type { ServiceCatalogLikeClient } from '../../types.js';
import type { ShareProperties } from './properties.js';

/** The three share actions the handlers start, each answering the token of the action (if any). */
export interface ShareActions {
  create(properties: ShareProperties): Promise<string | undefined>;
  update(properties: ShareProperties): Promise<string | undefined>;
  delete(properties: ShareProperties): Promise<string | undefined>;
}

function tokenOf(output: unknown): string | undefined {
  const token = typeof output === 'object' && output !== null ? (output as Record<string, unknown>).PortfolioShareToken : undefined;
  return typeof token === 'string' ? token : undefined;
}

/**
 * Share actions on a client. The service refuses a second share action on a portfolio while one runs
 * (InvalidStateException); another stack or script may be sharing the same portfolio, so that refusal
 * is retried with growing, jittered delays, within a bound well inside the handler's own time limit.
 */
export function clientShareActions(client: ServiceCatalogLikeClient, options: { retries?: number; minTimeoutMs?: number } = {}): ShareActions {
  const send = (command: unknown): Promise<string | undefined> =>
    pRetry(
      async () => {
        try {
          return tokenOf(await client.send(command));
        } catch (error) {
          if (toServiceErrorInfo(error).name !== 'InvalidStateException') throw new AbortError(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      },
      { retries: options.retries ?? 6, minTimeout: options.minTimeoutMs ?? 2000, maxTimeout: 10_000, factor: 2, randomize: true },
    );
  const node = (p: ShareProperties) => ({ PortfolioId: p.portfolioId, OrganizationNode: p.node });
  return {
    create: (p) => send(new CreatePortfolioShareCommand({ ...node(p), ShareTagOptions: p.shareTagOptions, SharePrincipals: p.sharePrincipals })),
    update: (p) => send(new UpdatePortfolioShareCommand({ ...node(p), ShareTagOptions: p.shareTagOptions, SharePrincipals: p.sharePrincipals })),
    delete: (p) => send(new DeletePortfolioShareCommand(node(p))),
  };
}
