import { DescribePortfolioCommand } from '@aws-sdk/client-service-catalog';
import { sendWithRetry } from '../describe.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { toServiceErrorInfo } from '../serviceError.js';
import type { RetryOptions, ServiceCatalogLikeClient, Timers } from '../types.js';
import type { Plan, PlanProblem } from './planTypes.js';
import { InvalidPlanError } from './validatePlan.js';

/** DescribePortfolio calls in flight at once while a plan's portfolios are checked. */
export const PORTFOLIO_CHECKS_AT_ONCE = 4;

export interface CheckPortfoliosOptions {
  client: ServiceCatalogLikeClient;
  retry: Required<RetryOptions>;
  timers: Timers;
  logger: Logger;
  signal?: AbortSignal | undefined;
  /** Names the plan in the error (its file name). */
  source: string;
}

/**
 * Check that every portfolio of the plan exists, before any share action: one DescribePortfolio per
 * distinct portfolio (transient failures retried). Unknown ones (ResourceNotFoundException) throw one
 * InvalidPlanError naming each share that uses them; any other failure throws an ApiError. Either
 * way nothing was shared.
 */
export async function checkPortfolios(plan: Plan, options: CheckPortfoliosOptions): Promise<void> {
  const ids = [...new Set(plan.shares.map((share) => share.portfolioId))];
  const missing = new Set<string>();
  let failure: ApiError | undefined;
  const check = async (id: string): Promise<void> => {
    try {
      await sendWithRetry(new DescribePortfolioCommand({ Id: id }), 'DescribePortfolio', options);
    } catch (error) {
      const info = toServiceErrorInfo(error);
      if (info.name === 'ResourceNotFoundException') {
        missing.add(id);
        return;
      }
      const requestId = info.requestId === undefined ? '' : ` (request id ${info.requestId})`;
      failure ??= new ApiError(
        `DescribePortfolio of portfolio ${id} failed with ${info.name}: ${info.message}${requestId}; ${options.source} was not applied (nothing was shared). Check the credentials, the region and permission for servicecatalog:DescribePortfolio.`,
        { serviceErrorName: info.name, serviceMessage: info.message, requestId: info.requestId, httpStatusCode: info.httpStatusCode },
        { cause: error },
      );
    }
  };
  const queue = [...ids];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined && failure === undefined; id = queue.shift()) await check(id);
  };
  await Promise.all(Array.from({ length: Math.min(PORTFOLIO_CHECKS_AT_ONCE, ids.length) }, worker));
  if (failure !== undefined) throw failure;
  if (missing.size === 0) return;
  const problems: PlanProblem[] = [];
  plan.shares.forEach((share, index) => {
    if (missing.has(share.portfolioId)) {
      problems.push({ path: `shares[${index}].portfolioId`, message: `portfolio ${share.portfolioId} was not found (DescribePortfolio: ResourceNotFoundException); check the id, the region and the account` });
    }
  });
  options.logger.debug({ missing: [...missing] }, 'unknown portfolios in the plan');
  throw new InvalidPlanError(problems, options.source);
}
