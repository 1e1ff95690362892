// The pool: many waits under one call budget.
export { createSharePool, SharePool } from './sharePool.js';
export { createTokenBucket, type TokenBucket } from './tokenBucket.js';
export { DEFAULT_MAX_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT_CALLS, DEFAULT_POOL_MAX_WAIT_SECONDS } from './validatePool.js';
export type { PoolOutcome, PoolStats, PoolTimers, PoolWaitOptions, SharePoolOptions } from './types.js';
