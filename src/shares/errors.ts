// Errors of the share operations; the base class and the waiter's own errors are in ../errors.ts.
import { PortfolioShareWaiterError } from '../errors.js';

/** A share action: CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare. */
export type PortfolioShareAction = 'CREATE' | 'UPDATE' | 'DELETE';

/** Fields of {@link PortfolioBusyError}. */
export interface PortfolioBusyFields {
  portfolioId: string;
  action: PortfolioShareAction;
  /** Seconds the portfolio was busy: waiting behind this process's own share actions, then InvalidStateException back-off. */
  busySeconds: number;
  /** Share calls made, each answered InvalidStateException. */
  callAttempts: number;
  elapsedSeconds: number;
  maxWaitTime: number;
}

/**
 * The portfolio stayed busy with another share action (InvalidStateException: "Cannot process more
 * than one portfolio share action at the same time") until the deadline; the share call was never
 * accepted, so nothing changed.
 */
export class PortfolioBusyError extends PortfolioShareWaiterError implements PortfolioBusyFields {
  override readonly name = 'PortfolioBusyError';
  readonly code = 'PORTFOLIO_BUSY';
  readonly portfolioId: string;
  readonly action: PortfolioShareAction;
  readonly busySeconds: number;
  readonly callAttempts: number;
  readonly elapsedSeconds: number;
  readonly maxWaitTime: number;

  constructor(message: string, fields: PortfolioBusyFields, options?: { cause?: unknown }) {
    super(message, options);
    this.portfolioId = fields.portfolioId;
    this.action = fields.action;
    this.busySeconds = fields.busySeconds;
    this.callAttempts = fields.callAttempts;
    this.elapsedSeconds = fields.elapsedSeconds;
    this.maxWaitTime = fields.maxWaitTime;
  }
}

/** Fields of the two "an AccountId share did not get where it should by the deadline" errors. */
export interface AccountShareEndedFields {
  portfolioId: string;
  accountId: string;
  /** DescribePortfolioShares checks made (pages not counted). */
  attempts: number;
  elapsedSeconds: number;
  maxWaitTime: number;
}

abstract class AccountShareEndedError extends PortfolioShareWaiterError implements AccountShareEndedFields {
  readonly portfolioId: string;
  readonly accountId: string;
  readonly attempts: number;
  readonly elapsedSeconds: number;
  readonly maxWaitTime: number;

  constructor(message: string, fields: AccountShareEndedFields) {
    super(message);
    this.portfolioId = fields.portfolioId;
    this.accountId = fields.accountId;
    this.attempts = fields.attempts;
    this.elapsedSeconds = fields.elapsedSeconds;
    this.maxWaitTime = fields.maxWaitTime;
  }
}

/**
 * An AccountId share (no token) was made but the account had not accepted it
 * (DescribePortfolioShares type ACCOUNT, `Accepted: false`) by the deadline. The share stays offered;
 * the account must call AcceptPortfolioShare.
 */
export class ShareNotAcceptedError extends AccountShareEndedError {
  override readonly name = 'ShareNotAcceptedError';
  readonly code = 'SHARE_NOT_ACCEPTED';
}

/** An AccountId share was deleted but DescribePortfolioShares still listed it at the deadline. */
export class ShareNotRemovedError extends AccountShareEndedError {
  override readonly name = 'ShareNotRemovedError';
  readonly code = 'SHARE_NOT_REMOVED';
}
