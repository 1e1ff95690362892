// Public exports of `portfolio-share-waiter/cdk` (needs aws-cdk-lib and constructs, peer dependencies).
export { OrganizationPortfolioShare, RESOURCE_TYPE, MAX_TIMEOUT, type OrganizationPortfolioShareProps } from './organizationPortfolioShare.js';
export { PortfolioShareNode } from './portfolioShareNode.js';
export { PortfolioShareProvider, SHARE_ACTIONS, STATUS_ACTION, type PortfolioShareProviderSettings } from './provider.js';
