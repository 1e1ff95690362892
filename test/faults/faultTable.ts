import type { AccountOutcomeSpec, FaultRule } from '../../src/simulator/index.js';

// The fault matrix's rows and columns, and the outcome each cell must give (DESIGN §2 and §6).
// docs/guarantees.md has the same table for readers; a test keeps the two in step.

/** How the share itself ends when nothing goes wrong on the way (the matrix's columns). */
export type FinalStatus = 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'ERROR' | 'NEVER';
export const FINAL_STATUSES: readonly FinalStatus[] = ['COMPLETED', 'COMPLETED_WITH_ERRORS', 'ERROR', 'NEVER'];

/** Accounts of the Production OU (the share's target): 222… and 333… directly, 444… in a nested OU. */
export const ACCOUNTS = ['222222222222', '333333333333', '444444444444'] as const;
export const SHARE_DURATION_SECONDS = 10;
// Past the 30 s not-found grace window, so `not-found-forever` fails as it would in a real wait.
export const MAX_WAIT_SECONDS = 40;

/** What a library entry point gives: a result with a status, or an error with a code. */
export type LibraryOutcome =
  | { kind: 'result'; status: string; duplicateAccounts?: string[] }
  | { kind: 'error'; code: string; serviceErrorName?: string };

/** How an entry point uses the share: wait for it to end, or check it once after it should have. */
export type EntryKind = 'wait' | 'status';

export interface Fault {
  /** The fault kind, as in docs/guarantees.md. */
  name: string;
  /** What goes wrong, in a few words (for the docs table). */
  what: string;
  /** Simulator fault rules on DescribePortfolioShareStatus, added once the share exists. */
  rules?: Array<Omit<FaultRule, 'operation'>>;
  /** Describes answered ResourceNotFoundException right after the create. */
  notFoundDescribes?: number;
  /** Per-account outcomes added on top of the final status's. */
  accounts?: Record<string, AccountOutcomeSpec>;
  /** The client's request timeout must be shorter than the added latency. */
  slow?: boolean;
  /** The outcome, given the share's final status and how the entry point uses it. */
  expect(final: FinalStatus, entry: EntryKind): LibraryOutcome;
  /**
   * How the generated state machines meet this fault, when it is not as the library's wait does or
   * not for the library's reasons: the outcome (the library's wait's when absent) and why.
   */
  machine?: {
    expect?(final: FinalStatus): LibraryOutcome;
    why: string;
    /** What of secretsIn() the Fail Cause holds: the service's own message, which a machine cannot rewrite. */
    secretsInCause?: string[];
  };
}

/** A state machine's outcome for a cell: the library's wait's, unless the fault says otherwise for machines. */
export function machineOutcome(fault: Fault, final: FinalStatus): LibraryOutcome {
  return fault.machine?.expect?.(final) ?? fault.expect(final, 'wait');
}

const ERROR_CODES: Record<Exclude<FinalStatus, 'COMPLETED'>, string> = {
  COMPLETED_WITH_ERRORS: 'SHARE_COMPLETED_WITH_ERRORS',
  ERROR: 'SHARE_FAILED',
  NEVER: 'WAIT_TIMEOUT',
};

/** What the share's own end gives, nothing else going wrong: DESIGN §2. */
export function baseline(final: FinalStatus, entry: EntryKind): LibraryOutcome {
  if (entry === 'status') return { kind: 'result', status: final === 'NEVER' ? 'IN_PROGRESS' : final };
  return final === 'COMPLETED' ? { kind: 'result', status: 'COMPLETED' } : { kind: 'error', code: ERROR_CODES[final] };
}

const apiError = (serviceErrorName: string): LibraryOutcome => ({ kind: 'error', code: 'API_ERROR', serviceErrorName });
const describe = (rule: Omit<FaultRule, 'operation'>): Array<Omit<FaultRule, 'operation'>> => [rule];

/** Why a machine meets a call that got no readable answer (a reset connection, a body that is not JSON) as the waiter does. */
const CLIENT_FAILURE = { why: 'the test names a call that got no readable answer `ServiceCatalog.SdkClientException` (assumed, see above); the Task retries it, then polls again, as the waiter does' };

/** A failure of one call that the next call may not have: retried, never turned into success. */
function transient(name: string, what: string, rule: Omit<FaultRule, 'operation'>): Fault {
  return { name, what, rules: describe(rule), expect: baseline };
}

/** The same failure on every call: a wait runs out its time, a one-shot check fails after its retries. */
function persistent(name: string, what: string, kind: FaultRule['kind'], serviceErrorName: string): Fault {
  return {
    name,
    what,
    rules: describe({ kind, rate: 1 }),
    expect: (_final, entry) => (entry === 'wait' ? { kind: 'error', code: 'WAIT_TIMEOUT' } : apiError(serviceErrorName)),
  };
}

/** An answer waiting will not fix: every entry point fails at once with ApiError. */
function fatal(name: string, what: string, kind: FaultRule['kind'], serviceErrorName: string): Fault {
  return { name, what, rules: describe({ kind, count: 1 }), expect: () => apiError(serviceErrorName) };
}

export const FAULTS: readonly Fault[] = [
  { name: 'none', what: 'nothing goes wrong', expect: baseline },
  transient('throttling', 'ThrottlingException on two calls', { kind: 'throttle', count: 2 }),
  transient('http-500', '500 InternalFailure on two calls', { kind: 'http500', count: 2 }),
  transient('http-503', '503 ServiceUnavailable on two calls', { kind: 'http503', count: 2 }),
  { ...transient('connection-reset', 'the connection reset on two calls', { kind: 'reset', count: 2 }), machine: CLIENT_FAILURE },
  {
    name: 'slow-past-client-timeout',
    what: 'one call answers after the client request timeout',
    rules: describe({ kind: 'latency', latencyMs: 400, count: 1 }),
    slow: true,
    expect: baseline,
    machine: { why: 'the SDK integration has no client-side request timeout to set: the Task waits for the slow answer and goes on with it' },
  },
  { ...transient('malformed-json', 'a cut-off, non-JSON body on two calls', { kind: 'malformed', count: 2 }), machine: CLIENT_FAILURE },
  persistent('throttling-always', 'ThrottlingException on every call', 'throttle', 'ThrottlingException'),
  persistent('http-500-always', '500 on every call', 'http500', 'InternalFailure'),
  // The SDK names a reset socket TimeoutError (code ECONNRESET), as it does EPIPE and ETIMEDOUT.
  { ...persistent('connection-reset-always', 'every connection reset', 'reset', 'TimeoutError'), machine: CLIENT_FAILURE },
  fatal('unknown-status', 'an answer whose Status the model does not know', 'unknownStatus', 'UnexpectedResponseError'),
  fatal('missing-status', 'an answer with no Status', 'missingStatus', 'UnexpectedResponseError'),
  {
    name: 'missing-share-details',
    what: 'every answer without ShareDetails',
    rules: describe({ kind: 'missingShareDetails', rate: 1 }),
    expect: baseline,
  },
  {
    name: 'not-found-after-create',
    what: 'ResourceNotFoundException for the first 3 describes',
    notFoundDescribes: 3,
    // A wait treats it as "not visible yet" within its grace window; a one-shot check reports it.
    expect: (final, entry) => (entry === 'wait' ? baseline(final, entry) : apiError('ResourceNotFoundException')),
  },
  { name: 'not-found-forever', what: 'ResourceNotFoundException on every describe', notFoundDescribes: 1_000_000, expect: () => apiError('ResourceNotFoundException') },
  fatal('invalid-state', 'InvalidStateException', 'invalidState', 'InvalidStateException'),
  fatal('access-denied', 'AccessDeniedException', 'accessDenied', 'AccessDeniedException'),
  {
    ...fatal('signature-echoes-secrets', 'a signature error quoting the session token back', 'signatureMismatch', 'InvalidSignatureException'),
    machine: {
      why:
        "Step Functions signs the Task's call with the execution role, so no caller's credentials are in play; the Fail Cause quotes the service's message as Step Functions gives it (a machine cannot rewrite text): the role's signing details (`aws4_request` scope) included",
      secretsInCause: ['aws4_request'],
    },
  },
  {
    name: 'throttling-inside-share-errors',
    what: 'ShareErrors: ThrottlingException for one account',
    accounts: { '333333333333': { shareError: 'ThrottlingException' } },
    // The share itself failed for that account: never success, whatever else happened.
    expect: (final, entry) => {
      if (entry === 'status') return { kind: 'result', status: final === 'NEVER' ? 'IN_PROGRESS' : final === 'ERROR' ? 'ERROR' : 'COMPLETED_WITH_ERRORS' };
      if (final === 'NEVER') return { kind: 'error', code: 'WAIT_TIMEOUT' };
      return { kind: 'error', code: final === 'ERROR' ? 'SHARE_FAILED' : 'SHARE_COMPLETED_WITH_ERRORS' };
    },
  },
  {
    name: 'duplicates-inside-share-errors',
    what: 'ShareErrors: DuplicateResourceException for one account',
    accounts: { '444444444444': { shareError: 'DuplicateResourceException' } },
    // Only duplicates: tolerated (success with duplicateAccounts); with real failures: still a failure.
    expect: (final, entry) => {
      if (final === 'COMPLETED') return { kind: 'result', status: 'COMPLETED_WITH_ERRORS', duplicateAccounts: ['444444444444'] };
      if (entry === 'status') return { kind: 'result', status: final === 'NEVER' ? 'IN_PROGRESS' : final };
      return baseline(final, entry);
    },
  },
];

/** Per-account outcomes that make the share end in `final`. */
export function accountsFor(final: FinalStatus): Record<string, AccountOutcomeSpec> {
  if (final === 'COMPLETED_WITH_ERRORS') return { '222222222222': { shareError: 'AccessDeniedException' } };
  if (final === 'ERROR') return Object.fromEntries(ACCOUNTS.map((account) => [account, { shareError: 'AccessDeniedException' }]));
  return {};
}

/** The CLI's view of a library outcome (DESIGN §6): exit code and the JSON `outcome` word. */
export interface CliOutcome {
  exitCode: number;
  outcome: string;
}

export function cliOutcome(expected: LibraryOutcome, entry: EntryKind): CliOutcome {
  if (expected.kind === 'error') {
    const table: Record<string, CliOutcome> = {
      SHARE_FAILED: { exitCode: 1, outcome: 'failed' },
      SHARE_COMPLETED_WITH_ERRORS: { exitCode: 1, outcome: 'failed' },
      WAIT_TIMEOUT: { exitCode: 3, outcome: 'timeout' },
      API_ERROR: { exitCode: 4, outcome: 'api-error' },
    };
    const mapped = table[expected.code];
    if (mapped === undefined) throw new Error(`no CLI outcome for ${expected.code}`);
    return mapped;
  }
  if (entry === 'wait') return { exitCode: 0, outcome: 'completed' };
  switch (expected.status) {
    case 'COMPLETED':
      return { exitCode: 0, outcome: 'completed' };
    case 'NOT_STARTED':
    case 'IN_PROGRESS':
      return { exitCode: 5, outcome: 'in-progress' };
    default:
      // `status` passes a COMPLETED_WITH_ERRORS whose errors are all duplicates, as `wait` does.
      return expected.duplicateAccounts !== undefined ? { exitCode: 0, outcome: 'completed' } : { exitCode: 1, outcome: 'failed' };
  }
}
