import type { Logger } from '../logger.js';
import type { PortfolioShareAction } from '../shares/errors.js';
import type { PortfolioShareRequest } from '../shares/types.js';
import type { CliClientConfig } from './awsConfig.js';
import type { CliSignal } from './io.js';
import type { ShareInvocation } from './options.js';
import type { TokenOutcome } from './outcome.js';
import type { ShareCliLibrary } from './shareLibrary.js';
import { outcomeOfShareError, outcomeOfShareResult, outcomeOfStarted } from './shareOutcome.js';

export interface ShareRunContext {
  clientConfig: CliClientConfig;
  logger: Logger;
  signal: AbortSignal;
  /** The signal that interrupted the run, if one did. */
  interruptedBy(): CliSignal | undefined;
}

/** The API request a share command stands for. */
export function requestOf(invocation: ShareInvocation): PortfolioShareRequest {
  const { target } = invocation;
  return {
    PortfolioId: invocation.portfolioId,
    ...(target.kind === 'node' ? { OrganizationNode: target.node } : { AccountId: target.accountId }),
    ...(invocation.shareTagOptions !== undefined ? { ShareTagOptions: invocation.shareTagOptions } : {}),
    ...(invocation.sharePrincipals !== undefined ? { SharePrincipals: invocation.sharePrincipals } : {}),
  };
}

/** Run `create`, `update` or `delete`: the call and (unless --no-wait) the wait, as one outcome. */
export async function runShareInvocation(invocation: ShareInvocation, context: ShareRunContext, library: ShareCliLibrary): Promise<TokenOutcome> {
  const action = invocation.command.toUpperCase() as PortfolioShareAction;
  const { target } = invocation;
  const label = `${invocation.portfolioId}/${target.kind === 'node' ? target.node.Value : `account-${target.accountId}`}`;
  const common = { clientConfig: context.clientConfig, maxWaitTime: invocation.timeoutSeconds, abortSignal: context.signal, logger: context.logger };
  try {
    if (!invocation.wait) return outcomeOfStarted(await library.startShare(action, common, requestOf(invocation)), label);
    const result = await library.shareAndWait(
      action,
      {
        ...common,
        minDelay: invocation.minDelaySeconds,
        maxDelay: invocation.maxDelaySeconds,
        notFoundGraceSeconds: invocation.notFoundGraceSeconds,
        acceptPartialSuccess: invocation.acceptPartial,
        recreateThrottled: invocation.recreateThrottled,
      },
      requestOf(invocation),
    );
    return outcomeOfShareResult(result, label);
  } catch (error) {
    return outcomeOfShareError(label, error, context.interruptedBy());
  }
}
