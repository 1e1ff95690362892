// The share operations: create, update and delete a portfolio share and wait for it.
export { createPortfolioShareAndWait, updatePortfolioShareAndWait, deletePortfolioShareAndWait } from './portfolioShareAndWait.js';
export { startPortfolioShareCreate, startPortfolioShareUpdate, startPortfolioShareDelete } from './startPortfolioShareAction.js';
export { createPortfolioQueue, sharedPortfolioQueue, type PortfolioQueue, type PortfolioQueueRunOptions } from './portfolioQueue.js';
export { PortfolioBusyError, ShareNotAcceptedError, ShareNotRemovedError } from './errors.js';
export type { PortfolioShareAction, PortfolioBusyFields, AccountShareEndedFields } from './errors.js';
export { DEFAULT_BUSY_RETRY, MAX_RECREATE_ROUNDS } from './shareSettings.js';
export type * from './types.js';
