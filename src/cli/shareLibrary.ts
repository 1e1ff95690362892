import type { PortfolioShareAction } from '../shares/errors.js';
import type { PortfolioShareOperationResult, PortfolioShareRequest, ShareCallConfiguration, ShareCallResult, ShareOperationConfiguration } from '../shares/types.js';

/**
 * The share operations the `create`, `update` and `delete` commands call, injectable so `main` can be
 * tested without AWS. The default imports them only when called: `--help` never loads the AWS SDK.
 */
export interface ShareCliLibrary {
  /** The action, then its wait (`createPortfolioShareAndWait` and its siblings). */
  shareAndWait(action: PortfolioShareAction, config: ShareOperationConfiguration, input: PortfolioShareRequest): Promise<PortfolioShareOperationResult>;
  /** The action only (`startPortfolioShareCreate` and its siblings), for `--no-wait`. */
  startShare(action: PortfolioShareAction, config: ShareCallConfiguration, input: PortfolioShareRequest): Promise<ShareCallResult>;
}

export const defaultShareLibrary: ShareCliLibrary = {
  async shareAndWait(action, config, input) {
    const { runShareOperation } = await import('../shares/runShareOperation.js');
    return runShareOperation(action, config, input);
  },
  async startShare(action, config, input) {
    const { startShareAction } = await import('../shares/startPortfolioShareAction.js');
    return startShareAction(action, config, input);
  },
};
