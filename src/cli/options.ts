import type { SchedulePreset } from '../schedule.js';
// The parsed command line: what `parseCommandLine` hands to `runInvocation`.
import type { OrganizationNodeInput } from '../organizationNode.js';
import type { StateMachineSpec } from '../workflow/definitions.js';

export const PROGRAM = 'portfolio-share';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** @default seconds a `wait` gives up after when `--timeout` is not given. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/**
 * The library's `notFoundGraceSeconds` default, for the help text (its home, validate.ts, loads the
 * SDK; a test keeps the two equal).
 */
export const DEFAULT_NOT_FOUND_GRACE_SECONDS = 30;

/** The Map machine's MaxConcurrency default, for the help text (a test keeps it equal to the generator's). */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** Options every subcommand takes. */
export interface CommonOptions {
  region?: string | undefined;
  profile?: string | undefined;
  endpointUrl?: string | undefined;
  output: OutputFormat;
  /** Effective level: `--log-level`, else `error` under `--quiet`, else `warn`. */
  logLevel: LogLevel;
  quiet: boolean;
  color: boolean;
}

export interface WaitInvocation {
  command: 'wait';
  /** Validated, duplicates removed, in the order given. */
  tokens: string[];
  timeoutSeconds: number;
  minDelaySeconds?: number | undefined;
  maxDelaySeconds?: number | undefined;
  notFoundGraceSeconds?: number | undefined;
  /** Budget of DescribePortfolioShareStatus calls per second shared by every token (the pool's). */
  maxCallsPerSecond?: number | undefined;
  /** A schedule preset: balanced (default), fewer-calls or low-lag. */
  schedule?: SchedulePreset | undefined;
  acceptPartial: boolean;
  /** False with `--no-tolerate-duplicates`: only-DuplicateResourceException errors fail the share. */
  tolerateDuplicates: boolean;
  options: CommonOptions;
}

export interface StatusInvocation {
  command: 'status';
  token: string;
  acceptPartial: boolean;
  options: CommonOptions;
}

/** Who a share command is for: an organization node (type inferred from its value) or a plain account. */
export type ShareTargetOption = { kind: 'node'; node: OrganizationNodeInput } | { kind: 'account'; accountId: string };

/** `create`, `update` or `delete`: a share action, then (unless `--no-wait`) its wait. */
export interface ShareInvocation {
  command: 'create' | 'update' | 'delete';
  portfolioId: string;
  target: ShareTargetOption;
  /** `--share-tag-options` / `--no-share-tag-options` (update); undefined when not given. */
  shareTagOptions?: boolean | undefined;
  sharePrincipals?: boolean | undefined;
  wait: boolean;
  timeoutSeconds: number;
  minDelaySeconds?: number | undefined;
  maxDelaySeconds?: number | undefined;
  notFoundGraceSeconds?: number | undefined;
  acceptPartial: boolean;
  /** Re-creation rounds for throttled accounts (create). */
  recreateThrottled: number;
  options: CommonOptions;
}

/** `apply`: a plan file's shares, each made and waited for. */
export interface ApplyInvocation {
  command: 'apply';
  /** The plan file's path, as given. */
  file: string;
  dryRun: boolean;
  keepGoing: boolean;
  /** The whole plan's deadline. */
  timeoutSeconds: number;
  minDelaySeconds?: number | undefined;
  maxDelaySeconds?: number | undefined;
  notFoundGraceSeconds?: number | undefined;
  maxCallsPerSecond?: number | undefined;
  acceptPartial: boolean;
  options: CommonOptions;
}

/** What `runInvocation` runs (`state-machine` calls nothing and is printed by `main`). */
export type Invocation = WaitInvocation | StatusInvocation | ShareInvocation;

/** `state-machine`: print a Step Functions definition (or its IAM policy); calls nothing. */
export interface StateMachineInvocation {
  command: 'state-machine';
  spec: StateMachineSpec;
  iamPolicy: boolean;
  options: CommonOptions;
}


/** Either something to run, or what to print and the exit code (help, version, usage error). */
export type ParseOutcome =
  | { kind: 'run'; invocation: Invocation | StateMachineInvocation | ApplyInvocation }
  | { kind: 'exit'; exitCode: 0 | 2; stdout: string; stderr: string };
