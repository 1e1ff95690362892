import type { ServiceCatalogClientConfig } from '@aws-sdk/client-service-catalog';
import type { PortfolioShareWaiterError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ScheduleCurve, SchedulePreset } from '../schedule.js';
import type { PortfolioShareResult, ServiceCatalogLikeClient, StatusChangeEvent } from '../types.js';

/** Time for the pool: a clock, a random source and one timer at a time. Injected in tests. */
export interface PoolTimers {
  /** Current time in milliseconds (any monotonic origin). */
  now(): number;
  /** Uniform random number in [0, 1) (the schedule's jitter). */
  random(): number;
  /** Call `callback` once after `ms` ms unless the returned function is called first. */
  setTimer(callback: () => void, ms: number): () => void;
}

/** Options of one wait in a pool; unset ones take the pool's. Times in seconds, as for the waiter. */
export interface PoolWaitOptions {
  /** Longest time to wait, in seconds. @default the pool's (600) */
  maxWaitTime?: number;
  minDelay?: number;
  maxDelay?: number;
  schedule?: SchedulePreset | ScheduleCurve;
  /** Aborts this wait only: it rejects with `WaitAbortedError` at once. */
  abortSignal?: AbortSignal;
  acceptPartialSuccess?: boolean;
  tolerateDuplicates?: boolean;
  notFoundGraceSeconds?: number;
  onStatusChange?: (event: StatusChangeEvent) => void;
  onProgress?: (event: StatusChangeEvent) => void;
}

/** Options of {@link createSharePool}. Give exactly one of `client` and `clientConfig`. */
/** Wait options given here are every wait's defaults (callbacks included). */
export interface SharePoolOptions extends Omit<PoolWaitOptions, 'abortSignal'> {
  /** Aborts every wait of the pool (one listener for all, however many waits) and closes it. */
  abortSignal?: AbortSignal;
  /**
   * A Service Catalog client. Give it `maxAttempts: 1` so that every call, retries included, goes
   * through the pool's budget; the pool's own schedule is the retry.
   */
  client?: ServiceCatalogLikeClient;
  /** Config of a client the pool creates (maxAttempts 1, sockets for maxConcurrentCalls) and destroys on close(). */
  clientConfig?: ServiceCatalogClientConfig;
  /**
   * Calls per second the service never sees exceeded, in any one-second window. The sustained rate is
   * a little lower: the burst and the calls in flight are kept out of it. @default 20
   */
  maxCallsPerSecond?: number;
  /**
   * Calls in flight at once; at most a tenth of maxCallsPerSecond (at least 1), because calls still
   * on their way are reserved out of the budget so that no one-second window at the service exceeds
   * it. @default 20
   */
  maxConcurrentCalls?: number;
  /**
   * Longest time one describe may stay unanswered, in seconds; then the pool gives up on it (aborting
   * it where it can), frees its slot and counts a retryable `TimeoutError` against its wait, which is
   * checked again at its next due time. A call never runs more than 10 s past its wait's deadline.
   * A client the pool creates gets the same `requestTimeout`. @default 10
   */
  callTimeout?: number;
  /** A pino-compatible logger. @default silent */
  logger?: Logger;
  /** Injected time (tests). @default the real clock */
  timers?: PoolTimers;
}

/** One finished wait, as the pool streams it. */
export type PoolOutcome =
  | { token: string; ok: true; result: PortfolioShareResult }
  | { token: string; ok: false; error: PortfolioShareWaiterError };

/** How the pool is doing; `stretch` says by how much the budget has delayed checks. */
export interface PoolStats {
  pending: number;
  inFlight: number;
  settled: number;
  calls: number;
  /** Calls given up because they stayed unanswered for `callTimeout` (each a retryable TimeoutError). */
  timedOutCalls: number;
  /** Checks made later than their schedule asked because the budget or the concurrency was spent. */
  stretch: {
    /** Checks that had to wait for a token or a free slot. */
    delayedChecks: number;
    /** Mean seconds a check waited past its due time. */
    meanDelaySeconds: number;
    /** Longest such wait, seconds. */
    maxDelaySeconds: number;
    /** (scheduled delay + budget delay) / scheduled delay over all checks: 1 when the budget never bit. */
    factor: number;
  };
  /** The budget, calls per second, and the sustained rate the bucket refills at. */
  maxCallsPerSecond: number;
}
