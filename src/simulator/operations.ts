import type { Handler } from './operationTypes.js';
import { createPortfolio, deletePortfolio, describePortfolio, listPortfolios } from './portfolioOperations.js';
import { inputShapes } from './shapes.js';
import type { Member } from './shapes.js';
import { acceptPortfolioShare, describePortfolioShares } from './shareQueries.js';
import {
  createPortfolioShare,
  deletePortfolioShare,
  describePortfolioShareStatus,
  updatePortfolioShare,
} from './shareOperations.js';

export interface Operation {
  handler: Handler;
  input: Record<string, Member>;
}

const handlers: Record<string, Handler> = {
  CreatePortfolio: createPortfolio,
  DescribePortfolio: describePortfolio,
  DeletePortfolio: deletePortfolio,
  ListPortfolios: listPortfolios,
  CreatePortfolioShare: createPortfolioShare,
  UpdatePortfolioShare: updatePortfolioShare,
  DeletePortfolioShare: deletePortfolioShare,
  DescribePortfolioShareStatus: describePortfolioShareStatus,
  DescribePortfolioShares: describePortfolioShares,
  AcceptPortfolioShare: acceptPortfolioShare,
};

/** Names of the operations the simulator implements. */
export const OPERATION_NAMES: readonly string[] = Object.keys(handlers);

export function findOperation(name: string): Operation | undefined {
  if (!Object.hasOwn(handlers, name)) return undefined;
  const handler = handlers[name];
  const input = inputShapes[name];
  return handler && input ? { handler, input } : undefined;
}
