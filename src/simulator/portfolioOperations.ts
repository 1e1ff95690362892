import { optionalInteger, optionalString, requiredString } from './input.js';
import type { Input } from './input.js';
import type { Handler } from './operationTypes.js';
import { page } from './paging.js';
import { portfolioDetail } from './portfolios.js';
import { ServiceError } from './serviceError.js';
import { portfolioArn } from './state.js';

function tagsOf(input: Input): Array<{ Key: string; Value: string }> {
  const tags = input.Tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((tag: unknown) => {
    if (tag === null || typeof tag !== 'object') return [];
    const { Key, Value } = tag as Record<string, unknown>;
    return typeof Key === 'string' && typeof Value === 'string' ? [{ Key, Value }] : [];
  });
}

/** Same IdempotencyToken → the same portfolio, as the service does. */
export const createPortfolio: Handler = (state, input, context) => {
  const token = requiredString(input, 'IdempotencyToken');
  const existing = state.portfolios.byToken(token);
  if (existing) return { PortfolioDetail: portfolioDetail(existing), Tags: existing.tags };
  const id = state.newId('port-');
  const portfolio = state.portfolios.add(
    {
      id,
      arn: portfolioArn(context.region, state.organization.managementAccountId, id),
      displayName: requiredString(input, 'DisplayName'),
      providerName: requiredString(input, 'ProviderName'),
      description: optionalString(input, 'Description'),
      createdMs: state.clock.now(),
      tags: tagsOf(input),
    },
    token,
  );
  return { PortfolioDetail: portfolioDetail(portfolio), Tags: portfolio.tags };
};

export const describePortfolio: Handler = (state, input) => {
  const portfolio = state.portfolios.get(requiredString(input, 'Id'));
  return { PortfolioDetail: portfolioDetail(portfolio), Tags: portfolio.tags, TagOptions: [], Budgets: [] };
};

/** Refused (ResourceInUseException) while the portfolio has shares or a share action is still running. */
export const deletePortfolio: Handler = (state, input) => {
  const id = requiredString(input, 'Id');
  state.portfolios.get(id);
  const shares = state.shares;
  if (shares.nodeSharesOf(id).length > 0 || shares.accountSharesOf(id).length > 0) {
    throw new ServiceError('ResourceInUseException', `Portfolio ${id} is shared; delete its shares first.`);
  }
  try {
    shares.assertIdle(id);
  } catch {
    throw new ServiceError('ResourceInUseException', `Portfolio ${id} has a share action in progress.`);
  }
  state.portfolios.delete(id);
  shares.dropPortfolio(id);
  return {};
};

export const listPortfolios: Handler = (state, input) => {
  const result = page(state.portfolios.list(), 'ListPortfolios', optionalString(input, 'PageToken'), optionalInteger(input, 'PageSize'));
  return {
    PortfolioDetails: result.items.map(portfolioDetail),
    ...(result.nextPageToken !== undefined ? { NextPageToken: result.nextPageToken } : {}),
  };
};
