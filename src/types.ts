import type { ServiceCatalogClientConfig } from '@aws-sdk/client-service-catalog';
import type { Logger } from './logger.js';
import type { ScheduleCurve, SchedulePreset } from './schedule.js';

/** Status values of `DescribePortfolioShareStatus`. */
export type PortfolioShareStatus =
  | 'NOT_STARTED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'COMPLETED_WITH_ERRORS'
  | 'ERROR';

/** One entry of `ShareDetails.ShareErrors`, exactly as the service returns it. */
export interface ShareError {
  Accounts?: string[] | undefined;
  Message?: string | undefined;
  Error?: string | undefined;
}

/** `ShareDetails` exactly as the service returns it. */
export interface ShareDetails {
  SuccessfulShares?: string[] | undefined;
  ShareErrors?: ShareError[] | undefined;
}

/** What a wait (or a one-shot status check) resolves with. */
export interface PortfolioShareResult {
  /** Final (or, for a one-shot check, current) status. */
  status: PortfolioShareStatus;
  /** The `PortfolioShareToken` that was described. */
  token: string;
  portfolioId?: string | undefined;
  organizationNodeValue?: string | undefined;
  /** The service's `ShareDetails`, unchanged. */
  shareDetails: ShareDetails;
  /**
   * Accounts whose only share error was `DuplicateResourceException` (they already had the
   * portfolio). Empty unless such errors were tolerated.
   */
  duplicateAccounts: string[];
  /** DescribePortfolioShareStatus attempts made (per-call retries inside an attempt not counted). */
  attempts: number;
  /** Seconds from the start of the wait to the final answer. */
  elapsedSeconds: number;
}

/**
 * Passed to `onStatusChange` once per status transition, and to `onProgress` after every check that
 * the service answered (`previousStatus` is then the status of the check before).
 */
export interface StatusChangeEvent {
  token: string;
  status: PortfolioShareStatus;
  /** Status seen before this one; undefined on the first observation. */
  previousStatus?: PortfolioShareStatus | undefined;
  shareDetails: ShareDetails;
  attempts: number;
  elapsedSeconds: number;
}

/** Per-call retry of one DescribePortfolioShareStatus call (p-retry options, times in milliseconds). */
export interface RetryOptions {
  /** Retries after the first try of one call. @default 4 */
  retries?: number;
  /** First back-off, in milliseconds. @default 200 */
  minTimeout?: number;
  /** Largest back-off, in milliseconds. @default 5000 */
  maxTimeout?: number;
  /** Back-off multiplier. @default 2 */
  factor?: number;
}

/**
 * Time, injected so tests of schedules, deadlines and aborts run in milliseconds. Production code
 * uses the real clock; a test passes a fake whose `sleep` advances its `now`.
 */
export interface Timers {
  /** Current time in milliseconds (epoch or any monotonic origin). */
  now(): number;
  /**
   * Resolve after `ms` milliseconds; reject at once (and clear the timer) when `signal` aborts. `ms`
   * may exceed what one `setTimeout` holds (2³¹ − 1 ms, about 24.8 days) when `maxDelay` or
   * `maxWaitTime` is that long: chain timers rather than pass it to `setTimeout` as is.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform random number in [0, 1). */
  random(): number;
  /**
   * Call `callback` once after `ms` milliseconds unless the returned function is called first; must not
   * keep the process alive. The waiter uses it to abandon a call still unanswered well after the
   * deadline. Optional: without it (as in most test fakes) a call in flight is never cut short. `ms`
   * is `maxWaitTime` plus 10 s, which may exceed one `setTimeout`'s 2³¹ − 1 ms.
   */
  schedule?(callback: () => void, ms: number): () => void;
}

/** The part of a Service Catalog client the waiter uses; any compatible object works. */
export interface ServiceCatalogLikeClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** Configuration of a wait; times in seconds, as in AWS SDK v3 waiters. */
export interface WaiterConfiguration {
  /** A Service Catalog client. Give exactly one of `client` and `clientConfig`. */
  client?: ServiceCatalogLikeClient;
  /** Config for a client the waiter creates (and destroys) itself. */
  clientConfig?: ServiceCatalogClientConfig;
  /**
   * Longest time to wait, in seconds. Required, > 0. The last check is made at the deadline; a call
   * still unanswered 10 s after the deadline is abandoned and the wait times out.
   */
  maxWaitTime: number;
  /** Smallest delay between checks, in seconds. @default 0.5 */
  minDelay?: number;
  /** Largest delay between checks, in seconds. @default 7.5 */
  maxDelay?: number;
  /**
   * Another point of the polling frontier (docs/performance.md): a preset — `'balanced'` (the
   * default), `'fewer-calls'` or `'low-lag'` — or the curve itself, `{ coefficient, exponent }`
   * (delay ≈ coefficient·elapsed^exponent s). `minDelay`/`maxDelay`, when given, override a preset's
   * bounds. @default 'balanced'
   */
  schedule?: SchedulePreset | ScheduleCurve;
  /** Aborts the wait; it then rejects with `WaitAbortedError` at once. */
  abortSignal?: AbortSignal;
  /** A pino-compatible logger. @default silent */
  logger?: Logger;
  /** Called once per status transition. May be async; a throw or a rejection is logged at warn and the wait goes on. */
  onStatusChange?: (event: StatusChangeEvent) => void;
  /**
   * Called after every check the service answered, status changed or not: for progress that moves
   * within a status (accounts done while IN_PROGRESS). May be async; a throw or a rejection is logged
   * at warn and the wait goes on (the wait does not wait for it).
   */
  onProgress?: (event: StatusChangeEvent) => void;
  /** Resolve on COMPLETED_WITH_ERRORS instead of rejecting. @default false */
  acceptPartialSuccess?: boolean;
  /** Treat share errors that are all `DuplicateResourceException` as success (with a warning). @default true */
  tolerateDuplicates?: boolean;
  /** Seconds after the start during which ResourceNotFoundException counts as "not visible yet". @default 30 */
  notFoundGraceSeconds?: number;
  /**
   * When the share action (CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare) was
   * made, in milliseconds on the clock of `timers` (`performance.now()` by default). The not-found
   * grace then counts from the call rather than from the start of the wait; a time after the start
   * counts as the start. The share operations (`createPortfolioShareAndWait`, …) set it. @default the start of the wait
   */
  actionStartedAt?: number;
  /** Per-call retry of transient failures. */
  retry?: RetryOptions;
  /** Injected time (tests). @default real clock */
  timers?: Timers;
}

/** Input of a wait, named as in the service API. */
export interface PortfolioShareInput {
  PortfolioShareToken: string;
}

/** Configuration of a one-shot status check (`getPortfolioShareStatus`): one describe, no waiting. */
export interface StatusCheckConfiguration {
  /** A Service Catalog client. Give exactly one of `client` and `clientConfig`. */
  client?: ServiceCatalogLikeClient;
  /** Config for a client the check creates (and destroys) itself. */
  clientConfig?: ServiceCatalogClientConfig;
  /** A pino-compatible logger. @default silent */
  logger?: Logger;
  /** Per-call retry of transient failures. */
  retry?: RetryOptions;
  /** Aborts the check; it then rejects with `WaitAbortedError` at once. */
  abortSignal?: AbortSignal;
  /** Injected time (tests). @default real clock */
  timers?: Timers;
}
