import type { Logger } from '../logger.js';

/** The simulator's notion of time: milliseconds, injectable so tests can drive it. */
export interface SimulatorClock {
  now(): number;
}

/** One organizational unit (or the root) of the simulated organization. */
export interface OrganizationalUnitSpec {
  /** `ou-xxxx-xxxxxxxx` (the root uses `r-xxxx`). */
  id: string;
  name?: string;
  /** 12-digit account ids directly under this unit. */
  accounts?: string[];
  organizationalUnits?: OrganizationalUnitSpec[];
}

export interface OrganizationSpec {
  /** `o-` followed by 10–32 lowercase letters or digits. */
  id: string;
  managementAccountId: string;
  root: OrganizationalUnitSpec;
}

export interface PortfolioSpec {
  /** `port-…`; generated when omitted. */
  id?: string;
  displayName: string;
  providerName?: string;
  description?: string;
}

/** How shares behave over time. */
export interface ShareBehaviourSpec {
  /** Seconds from the share action to its terminal status. @default 5 */
  defaultDurationSeconds?: number;
  /** Seconds a share stays NOT_STARTED before IN_PROGRESS. @default 1 (capped at the duration) */
  notStartedSeconds?: number;
  /** Duration overrides by organization node value (org id, OU id or account id). */
  durationsByNode?: Record<string, number>;
  /** The first N DescribePortfolioShareStatus calls on each new token answer ResourceNotFoundException. @default 0 */
  notFoundDescribes?: number;
  /** Seconds after which an AccountId share is accepted by itself; null: only AcceptPortfolioShare accepts it. @default null */
  accountAcceptDelaySeconds?: number | null;
}

/** What happens to one account when a share reaches it. */
export interface AccountOutcomeSpec {
  /** Error type reported in ShareErrors, e.g. `ThrottlingException`, `DuplicateResourceException`. */
  shareError: string;
  /** Message reported with it; a realistic default per error type when omitted. */
  message?: string;
  /** Share actions the outcome applies to. @default ['CREATE', 'UPDATE'] */
  actions?: Array<'CREATE' | 'UPDATE' | 'DELETE'>;
  /** Fail only the first N share actions that reach this account (then it succeeds). @default every one */
  times?: number;
}

/**
 * What a fault does to a call: answer ThrottlingException, 500, 503, AccessDeniedException,
 * InvalidStateException or a signature mismatch that quotes the request's session token back (as AWS
 * does); reset the connection; add latency; send a cut-off body; or run the operation and answer with
 * an unknown `Status`, no `Status` or no `ShareDetails`.
 */
export type FaultKind =
  | 'throttle'
  | 'http500'
  | 'http503'
  | 'reset'
  | 'latency'
  | 'malformed'
  | 'accessDenied'
  | 'invalidState'
  | 'signatureMismatch'
  | 'unknownStatus'
  | 'missingStatus'
  | 'missingShareDetails';

/** A fault injected into calls of one operation (or all, with `*`). */
export interface FaultRule {
  /** Operation name, e.g. `DescribePortfolioShareStatus`, or `*` for every operation. */
  operation: string;
  kind: FaultKind;
  /** Apply to the next N matching calls, then remove itself. Exactly one of `count` and `rate`. */
  count?: number;
  /** Apply to this fraction (0–1) of matching calls, drawn from the seeded random source. */
  rate?: number;
  /** Added delay for `latency` faults, in milliseconds. */
  latencyMs?: number;
}

/** A scenario file: the organization, portfolios, timing, per-account outcomes and standing faults. */
export interface Scenario {
  /** Free text for readers of the file; ignored. */
  description?: string;
  organization: OrganizationSpec;
  portfolios?: PortfolioSpec[];
  shares?: ShareBehaviourSpec;
  /** Per-account outcomes keyed by account id; accounts not listed succeed. */
  accounts?: Record<string, AccountOutcomeSpec>;
  faults?: FaultRule[];
}

export interface SimulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (ephemeral) */
  port?: number;
  /**
   * A scenario object, the name of a built-in scenario (`default`, `flaky-service`, `partial-failure`)
   * or the path of a scenario JSON file. @default the built-in `default` scenario
   */
  scenario?: Scenario | string;
  /** Seed of the random source (tokens, ids, fault rates). @default 1 */
  seed?: number;
  /** @default the real clock */
  clock?: SimulatorClock;
  /** pino-compatible logger. @default silent */
  logger?: Logger;
  /** Largest request body accepted, in bytes. @default 1 MiB */
  maxBodyBytes?: number;
}

/** One entry of the request log. */
export interface RequestLogEntry {
  /** Operation from X-Amz-Target, or '' when missing. */
  operation: string;
  /** Simulator clock time the request arrived, in milliseconds. */
  time: number;
  /** HTTP status answered (0 for a reset connection). */
  httpStatus: number;
  /** 'ok', the error `__type` answered, or `fault:<kind>`. */
  outcome: string;
  /** The `x-amzn-RequestId` answered ('' for a reset connection). */
  requestId?: string;
  /** Added latency the call waited, in real milliseconds (0 when none). */
  latencyMs?: number;
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  host: string;
  port: number;
  /** Stop listening and close open connections. */
  close(): Promise<void>;
  /** Requests seen so far, oldest first. */
  requests(): RequestLogEntry[];
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  /**
   * Another actor runs a share action on the portfolio for `seconds`: until then every
   * CreatePortfolioShare, UpdatePortfolioShare and DeletePortfolioShare on it answers
   * InvalidStateException. Returns the clock time the hold ends. Also `POST /_simulator/busy`.
   */
  holdPortfolioBusy(portfolioId: string, seconds: number): number;
  /** Forget the request log. */
  clearRequests(): void;
  /** The clock the simulator runs on (a ManualClock when one was passed). */
  clock: SimulatorClock;
}
