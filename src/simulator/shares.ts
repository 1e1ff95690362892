import type { OrganizationNodeType } from './organization.js';
import type { AccountOutcomeSpec, ShareBehaviourSpec, SimulatorClock } from './types.js';
import { invalidState, resourceNotFound } from './serviceError.js';
import { defaultFailureMessage, isTerminal, shareStatusAt } from './shareOperation.js';
import type { AccountFailure, ShareAction, ShareOperation } from './shareOperation.js';

/** A share to an organization node (what DescribePortfolioShares lists as ORGANIZATION, ORGANIZATIONAL_UNIT or ORGANIZATION_MEMBER_ACCOUNT). */
export interface NodeShare {
  type: OrganizationNodeType;
  value: string;
  shareTagOptions: boolean;
  sharePrincipals: boolean;
}

/** A plain `AccountId` share (DescribePortfolioShares type ACCOUNT). */
export interface AccountShare {
  accountId: string;
  createdMs: number;
  acceptedMs?: number | undefined;
  shareTagOptions: boolean;
  sharePrincipals: boolean;
}

export interface ShareStoreOptions {
  clock: SimulatorClock;
  behaviour: ShareBehaviourSpec;
  outcomes: Record<string, AccountOutcomeSpec>;
  newToken: () => string;
}

/** Shares and share operations of every portfolio, and the rules that tie them to time. */
export class ShareStore {
  private readonly nodeShares = new Map<string, Map<string, NodeShare>>();
  private readonly accountShares = new Map<string, Map<string, AccountShare>>();
  private readonly operations = new Map<string, ShareOperation>();
  private readonly outcomeUses = new Map<string, number>();
  /** Portfolios another actor keeps busy, and until when (clock ms). */
  private readonly busyUntil = new Map<string, number>();

  constructor(private readonly options: ShareStoreOptions) {}

  /** InvalidStateException when one of the portfolio's share actions has not finished yet. */
  assertIdle(portfolioId: string): void {
    const now = this.options.clock.now();
    if ((this.busyUntil.get(portfolioId) ?? -Infinity) > now) throw invalidState();
    for (const op of this.operations.values()) {
      if (op.portfolioId === portfolioId && !isTerminal(shareStatusAt(op, now).status)) throw invalidState();
    }
  }

  /**
   * Another actor (a second process, a console user) runs a share action on the portfolio for
   * `seconds` from now: every share action on it is refused with InvalidStateException until then.
   * Returns the clock time it ends.
   */
  holdBusy(portfolioId: string, seconds: number): number {
    const until = this.options.clock.now() + seconds * 1000;
    this.busyUntil.set(portfolioId, until);
    return until;
  }

  /** Starts a share action over `accounts`; its duration is the node's override or the default. */
  start(portfolioId: string, nodeValue: string, action: ShareAction, accounts: string[]): ShareOperation {
    const b = this.options.behaviour;
    const durationMs = 1000 * (b.durationsByNode?.[nodeValue] ?? b.defaultDurationSeconds ?? 5);
    const notStartedMs = Math.min(durationMs, 1000 * (b.notStartedSeconds ?? 1));
    let token = this.options.newToken();
    while (this.operations.has(token)) token = this.options.newToken();
    const op: ShareOperation = {
      token,
      portfolioId,
      nodeValue,
      action,
      startMs: this.options.clock.now(),
      notStartedMs,
      durationMs,
      accounts: [...accounts].sort(),
      failures: this.failuresFor(accounts, action),
      describeCalls: 0,
    };
    this.operations.set(token, op);
    return op;
  }

  /** The operation a DescribePortfolioShareStatus call names; the first `notFoundDescribes` calls do not find it. */
  describe(token: string): ShareOperation {
    const op = this.operations.get(token);
    const notFound = (): Error => resourceNotFound(`Portfolio share token ${token} not found.`);
    if (!op) throw notFound();
    op.describeCalls += 1;
    if (op.describeCalls <= (this.options.behaviour.notFoundDescribes ?? 0)) throw notFound();
    return op;
  }

  nodeShare(portfolioId: string, value: string): NodeShare | undefined {
    return this.nodeShares.get(portfolioId)?.get(value);
  }

  setNodeShare(portfolioId: string, share: NodeShare): void {
    mapFor(this.nodeShares, portfolioId).set(share.value, share);
  }

  removeNodeShare(portfolioId: string, value: string): void {
    this.nodeShares.get(portfolioId)?.delete(value);
  }

  accountShare(portfolioId: string, accountId: string): AccountShare | undefined {
    return this.accountShares.get(portfolioId)?.get(accountId);
  }

  setAccountShare(portfolioId: string, share: AccountShare): void {
    mapFor(this.accountShares, portfolioId).set(share.accountId, share);
  }

  removeAccountShare(portfolioId: string, accountId: string): void {
    this.accountShares.get(portfolioId)?.delete(accountId);
  }

  /** Whether an account share has been accepted, by AcceptPortfolioShare or by `accountAcceptDelaySeconds`. */
  isAccepted(share: AccountShare): boolean {
    if (share.acceptedMs !== undefined) return true;
    const delay = this.options.behaviour.accountAcceptDelaySeconds;
    return delay !== undefined && delay !== null && this.options.clock.now() - share.createdMs >= delay * 1000;
  }

  nodeSharesOf(portfolioId: string): NodeShare[] {
    return [...(this.nodeShares.get(portfolioId)?.values() ?? [])];
  }

  accountSharesOf(portfolioId: string): AccountShare[] {
    return [...(this.accountShares.get(portfolioId)?.values() ?? [])];
  }

  /** Forgets a deleted portfolio's shares and operations. */
  dropPortfolio(portfolioId: string): void {
    this.nodeShares.delete(portfolioId);
    this.accountShares.delete(portfolioId);
    this.busyUntil.delete(portfolioId);
    for (const [token, op] of this.operations) if (op.portfolioId === portfolioId) this.operations.delete(token);
  }

  private failuresFor(accounts: string[], action: ShareAction): Map<string, AccountFailure> {
    const failures = new Map<string, AccountFailure>();
    for (const account of accounts) {
      const outcome = this.options.outcomes[account];
      if (!outcome || !(outcome.actions ?? ['CREATE', 'UPDATE']).includes(action)) continue;
      const used = this.outcomeUses.get(account) ?? 0;
      if (outcome.times !== undefined && used >= outcome.times) continue;
      this.outcomeUses.set(account, used + 1);
      failures.set(account, { error: outcome.shareError, message: outcome.message ?? defaultFailureMessage(outcome.shareError) });
    }
    return failures;
  }
}

function mapFor<V>(maps: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}
