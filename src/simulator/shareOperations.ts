import { optionalBoolean, requiredString } from './input.js';
import type { Handler } from './operationTypes.js';
import { invalidParameters, resourceNotFound } from './serviceError.js';
import { shareStatusAt } from './shareOperation.js';
import { describeTarget, resolveShareTarget } from './shareTarget.js';

/**
 * CreatePortfolioShare. A node share starts a share action and answers its token; an AccountId share
 * answers `{}` and waits to be accepted. Sharing again with the same target is accepted (a node share
 * runs again; an account share is left as it is).
 */
export const createPortfolioShare: Handler = (state, input) => {
  const portfolioId = requiredString(input, 'PortfolioId');
  state.portfolios.get(portfolioId);
  const target = resolveShareTarget(state, input);
  state.shares.assertIdle(portfolioId);
  const shareTagOptions = optionalBoolean(input, 'ShareTagOptions') ?? false;
  const sharePrincipals = optionalBoolean(input, 'SharePrincipals') ?? false;
  if (target.kind === 'account') {
    if (!state.shares.accountShare(portfolioId, target.accountId)) {
      const createdMs = state.clock.now();
      state.shares.setAccountShare(portfolioId, { accountId: target.accountId, createdMs, shareTagOptions, sharePrincipals });
    }
    return {};
  }
  state.shares.setNodeShare(portfolioId, { type: target.type, value: target.value, shareTagOptions, sharePrincipals });
  const op = state.shares.start(portfolioId, target.value, 'CREATE', target.accounts);
  return { PortfolioShareToken: op.token };
};

/** UpdatePortfolioShare: changes ShareTagOptions / SharePrincipals of an existing share; answers `{PortfolioShareToken, Status}`. */
export const updatePortfolioShare: Handler = (state, input) => {
  const portfolioId = requiredString(input, 'PortfolioId');
  state.portfolios.get(portfolioId);
  const target = resolveShareTarget(state, input);
  const shareTagOptions = optionalBoolean(input, 'ShareTagOptions');
  const sharePrincipals = optionalBoolean(input, 'SharePrincipals');
  if (shareTagOptions === undefined && sharePrincipals === undefined) {
    throw invalidParameters('Specify ShareTagOptions or SharePrincipals to update.');
  }
  const share =
    target.kind === 'account' ? state.shares.accountShare(portfolioId, target.accountId) : state.shares.nodeShare(portfolioId, target.value);
  if (!share) throw resourceNotFound(`Portfolio ${portfolioId} is not shared with ${describeTarget(target)}.`);
  state.shares.assertIdle(portfolioId);
  if (shareTagOptions !== undefined) share.shareTagOptions = shareTagOptions;
  if (sharePrincipals !== undefined) share.sharePrincipals = sharePrincipals;
  const accounts = target.kind === 'account' ? [target.accountId] : target.accounts;
  const op = state.shares.start(portfolioId, describeTarget(target), 'UPDATE', accounts);
  return { PortfolioShareToken: op.token, Status: shareStatusAt(op, state.clock.now()).status };
};

/** DeletePortfolioShare: a node share answers a token whose action runs like a create; an account share answers `{}`. */
export const deletePortfolioShare: Handler = (state, input) => {
  const portfolioId = requiredString(input, 'PortfolioId');
  state.portfolios.get(portfolioId);
  const target = resolveShareTarget(state, input);
  if (target.kind === 'account') {
    if (!state.shares.accountShare(portfolioId, target.accountId)) {
      throw resourceNotFound(`Portfolio ${portfolioId} is not shared with ${target.accountId}.`);
    }
    state.shares.assertIdle(portfolioId);
    state.shares.removeAccountShare(portfolioId, target.accountId);
    return {};
  }
  if (!state.shares.nodeShare(portfolioId, target.value)) {
    throw resourceNotFound(`Portfolio ${portfolioId} is not shared with ${target.value}.`);
  }
  state.shares.assertIdle(portfolioId);
  state.shares.removeNodeShare(portfolioId, target.value);
  const op = state.shares.start(portfolioId, target.value, 'DELETE', target.accounts);
  return { PortfolioShareToken: op.token };
};

export const describePortfolioShareStatus: Handler = (state, input) => {
  const op = state.shares.describe(requiredString(input, 'PortfolioShareToken'));
  const { status, details } = shareStatusAt(op, state.clock.now());
  return {
    PortfolioShareToken: op.token,
    PortfolioId: op.portfolioId,
    OrganizationNodeValue: op.nodeValue,
    Status: status,
    ShareDetails: details,
  };
};
