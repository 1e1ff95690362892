// Free of imports, so the CLI's help can show them without loading the pool.
/** Default budget of a pool. No TPS is published for DescribePortfolioShareStatus: stay modest. */
export const DEFAULT_MAX_CALLS_PER_SECOND = 20;
/** Default number of calls a pool has in flight at once. */
export const DEFAULT_MAX_CONCURRENT_CALLS = 20;
/** Default `maxWaitTime` of a pool's waits, seconds (the CLI's default timeout). */
export const DEFAULT_POOL_MAX_WAIT_SECONDS = 600;
/**
 * Default longest time one describe of a pool may stay unanswered before the pool gives up on it (a
 * retryable TimeoutError), seconds. A describe answers in well under a second; a hung connection must
 * neither hold a concurrency slot nor keep a wait past its deadline.
 */
export const DEFAULT_POOL_CALL_TIMEOUT_SECONDS = 10;
