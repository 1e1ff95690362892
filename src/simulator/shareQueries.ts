import { optionalInteger, optionalString, requiredString } from './input.js';
import type { Handler } from './operationTypes.js';
import { page } from './paging.js';
import { invalidParameters, resourceNotFound } from './serviceError.js';

const NODE_SHARE_TYPE = { ORGANIZATION: 'ORGANIZATION', ORGANIZATIONAL_UNIT: 'ORGANIZATIONAL_UNIT', ACCOUNT: 'ORGANIZATION_MEMBER_ACCOUNT' } as const;

/** DescribePortfolioShares: the portfolio's shares of one `Type`, paged. */
export const describePortfolioShares: Handler = (state, input) => {
  const portfolioId = requiredString(input, 'PortfolioId');
  const type = requiredString(input, 'Type');
  state.portfolios.get(portfolioId);
  const details =
    type === 'ACCOUNT'
      ? state.shares.accountSharesOf(portfolioId).map((s) => ({
          PrincipalId: s.accountId,
          Type: 'ACCOUNT',
          Accepted: state.shares.isAccepted(s),
          ShareTagOptions: s.shareTagOptions,
          SharePrincipals: s.sharePrincipals,
        }))
      : state.shares
          .nodeSharesOf(portfolioId)
          .filter((s) => NODE_SHARE_TYPE[s.type] === type)
          .map((s) => ({ PrincipalId: s.value, Type: type, Accepted: true, ShareTagOptions: s.shareTagOptions, SharePrincipals: s.sharePrincipals }));
  const result = page(details, `DescribePortfolioShares:${portfolioId}:${type}`, optionalString(input, 'PageToken'), optionalInteger(input, 'PageSize'));
  return {
    PortfolioShareDetails: result.items,
    ...(result.nextPageToken !== undefined ? { NextPageToken: result.nextPageToken } : {}),
  };
};

/**
 * AcceptPortfolioShare. The simulator cannot tell who calls, so for IMPORTED (the default) the
 * accepting account is the `x-simulator-account` header, else an access key id that is a 12-digit
 * account id, else the portfolio's only pending account share. AWS_ORGANIZATIONS needs a node share
 * on the portfolio; both it and AWS_SERVICECATALOG change nothing.
 */
export const acceptPortfolioShare: Handler = (state, input, context) => {
  const portfolioId = requiredString(input, 'PortfolioId');
  const type = optionalString(input, 'PortfolioShareType') ?? 'IMPORTED';
  state.portfolios.get(portfolioId);
  if (type === 'AWS_ORGANIZATIONS') {
    if (state.shares.nodeSharesOf(portfolioId).length === 0) throw resourceNotFound(`Portfolio ${portfolioId} is not shared through AWS Organizations.`);
    return {};
  }
  if (type !== 'IMPORTED') return {};
  const shares = state.shares.accountSharesOf(portfolioId);
  if (context.callerAccount !== undefined) {
    const share = shares.find((s) => s.accountId === context.callerAccount);
    if (!share) throw resourceNotFound(`Portfolio ${portfolioId} is not shared with account ${context.callerAccount}.`);
    share.acceptedMs ??= state.clock.now();
    return {};
  }
  const pending = shares.filter((s) => !state.shares.isAccepted(s));
  const [only] = pending;
  if (pending.length > 1 || !only) {
    if (pending.length === 0 && shares.length > 0) return {};
    if (pending.length === 0) throw resourceNotFound(`Portfolio ${portfolioId} is not shared with any account.`);
    throw invalidParameters(
      `Portfolio ${portfolioId} has ${pending.length} pending account shares; name the accepting account with the x-simulator-account header or an access key id equal to the account id.`,
    );
  }
  only.acceptedMs = state.clock.now();
  return {};
};
