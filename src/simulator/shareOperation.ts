/** The status values of DescribePortfolioShareStatus. */
export type ShareStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'ERROR';
export type ShareAction = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AccountFailure {
  error: string;
  message: string;
}

/** One share action (the thing a PortfolioShareToken names). Everything about it is fixed when it starts. */
export interface ShareOperation {
  token: string;
  portfolioId: string;
  /** The node value as the status reports it (`OrganizationNodeValue`). */
  nodeValue: string;
  action: ShareAction;
  startMs: number;
  /** Time spent NOT_STARTED (≤ durationMs). */
  notStartedMs: number;
  /** Time from the start to the terminal status. */
  durationMs: number;
  /** Accounts the action reaches, in the order it processes them (sorted). */
  accounts: string[];
  /** Accounts that fail, with their error; the others succeed. */
  failures: Map<string, AccountFailure>;
  /** DescribePortfolioShareStatus calls answered so far (for `notFoundDescribes`). */
  describeCalls: number;
}

export interface ShareDetailsOutput {
  SuccessfulShares: string[];
  ShareErrors: Array<{ Accounts: string[]; Message: string; Error: string }>;
}

export function isTerminal(status: ShareStatus): boolean {
  return status === 'COMPLETED' || status === 'COMPLETED_WITH_ERRORS' || status === 'ERROR';
}

/**
 * The status of an operation at `nowMs`. NOT_STARTED for `notStartedMs`; then IN_PROGRESS, during
 * which accounts are processed in order at an even pace (so SuccessfulShares grows, and ShareErrors
 * fill in, as time passes); at `durationMs` every account is processed and the status is terminal:
 * COMPLETED (no failures), ERROR (every account failed) or COMPLETED_WITH_ERRORS.
 */
export function shareStatusAt(op: ShareOperation, nowMs: number): { status: ShareStatus; details: ShareDetailsOutput } {
  const elapsed = nowMs - op.startMs;
  if (elapsed >= op.durationMs) {
    const details = detailsFor(op, op.accounts.length);
    let status: ShareStatus = 'COMPLETED';
    if (op.failures.size > 0) status = details.SuccessfulShares.length === 0 ? 'ERROR' : 'COMPLETED_WITH_ERRORS';
    return { status, details };
  }
  if (elapsed < op.notStartedMs) return { status: 'NOT_STARTED', details: detailsFor(op, 0) };
  const fraction = (elapsed - op.notStartedMs) / (op.durationMs - op.notStartedMs);
  return { status: 'IN_PROGRESS', details: detailsFor(op, Math.floor(op.accounts.length * fraction)) };
}

function detailsFor(op: ShareOperation, processed: number): ShareDetailsOutput {
  const successes: string[] = [];
  const groups = new Map<string, { Accounts: string[]; Message: string; Error: string }>();
  for (const account of op.accounts.slice(0, processed)) {
    const failure = op.failures.get(account);
    if (!failure) {
      successes.push(account);
      continue;
    }
    const key = `${failure.error}\u0000${failure.message}`;
    const group = groups.get(key);
    if (group) group.Accounts.push(account);
    else groups.set(key, { Accounts: [account], Message: failure.message, Error: failure.error });
  }
  return { SuccessfulShares: successes, ShareErrors: [...groups.values()] };
}

/** Default ShareErrors messages for error types seen in real shares. */
export function defaultFailureMessage(error: string): string {
  switch (error) {
    case 'ThrottlingException':
      return 'Rate exceeded';
    case 'DuplicateResourceException':
      return 'The portfolio is already shared with this account.';
    case 'AccessDeniedException':
      return 'Access denied while sharing the portfolio with this account.';
    default:
      return `${error} while sharing the portfolio with this account.`;
  }
}
