import type {
  CreatePortfolioShareInput,
  DeletePortfolioShareInput,
  ServiceCatalogClientConfig,
  UpdatePortfolioShareInput,
} from '@aws-sdk/client-service-catalog';
import type { Logger } from '../logger.js';
import type { PortfolioShareResult, RetryOptions, ServiceCatalogLikeClient, Timers, WaiterConfiguration } from '../types.js';
import type { PortfolioShareAction } from './errors.js';
import type { PortfolioQueue } from './portfolioQueue.js';

export type { CreatePortfolioShareInput, DeletePortfolioShareInput, UpdatePortfolioShareInput };

/** The request of any share action, as the service takes it. */
export type PortfolioShareRequest = CreatePortfolioShareInput | UpdatePortfolioShareInput | DeletePortfolioShareInput;

/**
 * Back-off after InvalidStateException (another share action runs on the portfolio), in seconds.
 * Delay n is min(maxDelay, minDelay·factor^(n-1)), drawn uniformly from its upper half (jitter), so
 * the defaults give about 2, 4, 8, 10, 10 s, as Landing Zone Accelerator waits; retries go on until
 * the deadline (`maxWaitTime`).
 */
export interface BusyRetryOptions {
  /** First delay, in seconds. @default 2 */
  minDelay?: number;
  /** Largest delay, in seconds. @default 10 */
  maxDelay?: number;
  /** Growth of the delay from one retry to the next. @default 2 */
  factor?: number;
}

/** Configuration of a share call without waiting (`startPortfolioShareCreate`, …); times in seconds. */
export interface ShareCallConfiguration {
  /** A Service Catalog client. Give exactly one of `client` and `clientConfig`. */
  client?: ServiceCatalogLikeClient;
  /** Config for a client the operation creates (and destroys) itself. */
  clientConfig?: ServiceCatalogClientConfig;
  /** Longest time to keep retrying a busy portfolio, in seconds. Required, > 0. */
  maxWaitTime: number;
  /** Aborts the operation; it then rejects with `WaitAbortedError`. */
  abortSignal?: AbortSignal;
  /** A pino-compatible logger. @default silent */
  logger?: Logger;
  /** Per-call retry of transient failures (throttling, 5xx, sockets). */
  retry?: RetryOptions;
  /** Back-off after InvalidStateException. */
  busyRetry?: BusyRetryOptions;
  /** Serializes share actions on one portfolio in this process. @default the process-wide `sharedPortfolioQueue` */
  queue?: PortfolioQueue;
  /** Injected time (tests). @default real clock */
  timers?: Timers;
}

/** One delete-and-create-again round of {@link ShareOperationConfiguration.recreateThrottled}. */
export interface RecreationRound {
  /** 1 for the first round. */
  round: number;
  /** Rounds allowed (`recreateThrottled`). */
  maxRounds: number;
  /** Accounts throttled inside the share that this round re-creates the share for. */
  throttledAccounts: string[];
  /** The token of the share that ended with them. */
  throttledToken: string;
}

/** Configuration of `createPortfolioShareAndWait` and its siblings: a wait's, plus the call's. */
export interface ShareOperationConfiguration extends WaiterConfiguration {
  /** Back-off after InvalidStateException. */
  busyRetry?: BusyRetryOptions;
  /** Serializes share actions on one portfolio in this process. @default the process-wide `sharedPortfolioQueue` */
  queue?: PortfolioQueue;
  /**
   * Create only: when the share ends with accounts throttled inside it (ShareErrors `ThrottlingException`),
   * delete the share and create it again, at most this many times. @default 0 (report them instead)
   */
  recreateThrottled?: number;
  /** Called when a re-creation round starts. */
  onRecreate?: (round: RecreationRound) => void;
}

/** What a share call without waiting resolves with. */
export interface ShareCallResult {
  action: PortfolioShareAction;
  /** The request the service accepted. */
  request: PortfolioShareRequest;
  portfolioId: string;
  /** The `PortfolioShareToken` (organization-node shares; UpdatePortfolioShare of an account share). */
  token?: string | undefined;
  /** Share calls made: 1, plus one per InvalidStateException. */
  callAttempts: number;
  /** Seconds spent waiting for the portfolio: behind this process's own share actions, then InvalidState back-off. */
  busySeconds: number;
  /** When the accepted call was sent, on the clock of `timers`: pass it as a later wait's `actionStartedAt`. */
  calledAt: number;
}

/** Fields every share operation's result has. */
export interface ShareOperationFields {
  action: PortfolioShareAction;
  /** The request the service accepted (of the last round, when the share was re-created). */
  request: PortfolioShareRequest;
  /** Share calls made, InvalidStateException retries and re-creations included. */
  callAttempts: number;
  /** Seconds spent waiting for the portfolio to be free. */
  busySeconds: number;
  /** Re-creation rounds run; empty unless `recreateThrottled` was used and needed. */
  recreations: RecreationRound[];
}

/** A share action with a token, waited for with `waitUntilPortfolioShareComplete`. */
export interface TokenShareOperationResult extends PortfolioShareResult, ShareOperationFields {
  kind: 'token';
}

/** An AccountId share (no token), waited for through DescribePortfolioShares. */
export interface AccountShareOperationResult extends ShareOperationFields {
  kind: 'account';
  portfolioId: string;
  accountId: string;
  /** Create/update: the account accepted the share. Delete: false. */
  accepted: boolean;
  /** Whether DescribePortfolioShares lists the share at the end (false after a delete). */
  present: boolean;
  /** DescribePortfolioShares checks made (pages not counted). */
  attempts: number;
  /** Seconds from the start of the operation to its end. */
  elapsedSeconds: number;
}

/** What `createPortfolioShareAndWait`, `updatePortfolioShareAndWait` and `deletePortfolioShareAndWait` resolve with. */
export type PortfolioShareOperationResult = TokenShareOperationResult | AccountShareOperationResult;
