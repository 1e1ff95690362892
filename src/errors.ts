import { redact, redactErrorInPlace, redactValue } from './redact.js';
import type { PortfolioShareResult, PortfolioShareStatus, ShareDetails } from './types.js';

/** Stable, machine-readable codes of every failure the waiter reports. */
export type PortfolioShareWaiterErrorCode =
  | 'SHARE_FAILED'
  | 'SHARE_COMPLETED_WITH_ERRORS'
  | 'WAIT_TIMEOUT'
  | 'WAIT_ABORTED'
  | 'API_ERROR'
  | 'INVALID_INPUT'
  // Share operations (src/shares/errors.ts):
  | 'PORTFOLIO_BUSY'
  | 'SHARE_NOT_ACCEPTED'
  | 'SHARE_NOT_REMOVED';

/**
 * Base of every error this package throws; `code` and `name` are stable, `toJSON()` is for machines.
 * Credentials, session tokens and signatures are redacted from the message, the fields, `toJSON()`
 * and the `cause`'s message, whatever echoed them (the service's own messages included).
 */
export abstract class PortfolioShareWaiterError extends Error {
  abstract readonly code: PortfolioShareWaiterErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    redactErrorInPlace(options?.cause);
    super(redact(message), options);
  }

  /** The error's fields as plain, redacted data (no stack, no cause object), for JSON output. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, code: this.code, message: redact(this.message) };
    for (const [key, value] of Object.entries(this)) {
      if (key === 'cause' || value === undefined) continue;
      fields[key] = redactValue(value, { bounded: false });
    }
    return fields;
  }
}

/** ShareDetails with the service's messages redacted (they are free text). */
function redactShareDetails(details: ShareDetails): ShareDetails {
  if (details.ShareErrors === undefined) return details;
  return {
    ...details,
    ShareErrors: details.ShareErrors.map((entry) => (typeof entry.Message === 'string' ? { ...entry, Message: redact(entry.Message) } : entry)),
  };
}

/** Fields shared by the two "the share finished, but not cleanly" errors. */
export interface ShareOutcomeFields {
  status: PortfolioShareStatus;
  token: string;
  portfolioId?: string | undefined;
  organizationNodeValue?: string | undefined;
  shareDetails: ShareDetails;
  /** Every account named in `ShareErrors`. */
  failedAccounts: string[];
  /** Accounts whose error is throttling: the share must be deleted and created again for them. */
  throttledAccounts: string[];
  attempts: number;
  elapsedSeconds: number;
}

abstract class ShareOutcomeError extends PortfolioShareWaiterError implements ShareOutcomeFields {
  readonly status: PortfolioShareStatus;
  readonly token: string;
  readonly portfolioId?: string | undefined;
  readonly organizationNodeValue?: string | undefined;
  readonly shareDetails: ShareDetails;
  readonly failedAccounts: string[];
  readonly throttledAccounts: string[];
  readonly attempts: number;
  readonly elapsedSeconds: number;

  constructor(message: string, fields: ShareOutcomeFields) {
    super(message);
    this.status = fields.status;
    this.token = fields.token;
    this.portfolioId = fields.portfolioId;
    this.organizationNodeValue = fields.organizationNodeValue;
    this.shareDetails = redactShareDetails(fields.shareDetails);
    this.failedAccounts = fields.failedAccounts;
    this.throttledAccounts = fields.throttledAccounts;
    this.attempts = fields.attempts;
    this.elapsedSeconds = fields.elapsedSeconds;
  }
}

/** The share ended in status ERROR. */
export class ShareFailedError extends ShareOutcomeError {
  override readonly name = 'ShareFailedError';
  readonly code = 'SHARE_FAILED';
}

/** The share ended in COMPLETED_WITH_ERRORS (and partial success was not accepted). */
export class ShareCompletedWithErrorsError extends ShareOutcomeError {
  override readonly name = 'ShareCompletedWithErrorsError';
  readonly code = 'SHARE_COMPLETED_WITH_ERRORS';
}

/** Fields of the two "the wait ended before the share did" errors. */
export interface WaitEndedFields {
  token: string;
  /** Last status observed, if any describe answered. */
  lastStatus?: PortfolioShareStatus | undefined;
  /** Last full observation, if any describe answered. */
  lastResult?: PortfolioShareResult | undefined;
  attempts: number;
  elapsedSeconds: number;
}

abstract class WaitEndedError extends PortfolioShareWaiterError implements WaitEndedFields {
  readonly token: string;
  readonly lastStatus?: PortfolioShareStatus | undefined;
  readonly lastResult?: PortfolioShareResult | undefined;
  readonly attempts: number;
  readonly elapsedSeconds: number;

  constructor(message: string, fields: WaitEndedFields, options?: { cause?: unknown }) {
    super(message, options);
    this.token = fields.token;
    this.lastStatus = fields.lastStatus;
    this.lastResult = fields.lastResult;
    this.attempts = fields.attempts;
    this.elapsedSeconds = fields.elapsedSeconds;
  }
}

/** `maxWaitTime` passed before the share reached a terminal status. */
export class WaitTimeoutError extends WaitEndedError {
  override readonly name = 'WaitTimeoutError';
  readonly code = 'WAIT_TIMEOUT';
}

/** The caller's `abortSignal` fired; `cause` is the signal's reason. */
export class WaitAbortedError extends WaitEndedError {
  override readonly name = 'WaitAbortedError';
  readonly code = 'WAIT_ABORTED';
}

/** Fields of an API error. */
export interface ApiErrorFields {
  token?: string | undefined;
  /** The service error's name, e.g. `ResourceNotFoundException`, `AccessDeniedException`. */
  serviceErrorName: string;
  /** The service's own message. */
  serviceMessage: string;
  /** `$metadata.requestId` of the failed call, when the service answered. */
  requestId?: string | undefined;
  /** HTTP status of the failed call, when the service answered. */
  httpStatusCode?: number | undefined;
  attempts?: number | undefined;
  elapsedSeconds?: number | undefined;
}

/** A call failed in a way that waiting longer will not fix (not found, access denied, credentials…). */
export class ApiError extends PortfolioShareWaiterError implements ApiErrorFields {
  override readonly name = 'ApiError';
  readonly code = 'API_ERROR';
  readonly token?: string | undefined;
  readonly serviceErrorName: string;
  readonly serviceMessage: string;
  readonly requestId?: string | undefined;
  readonly httpStatusCode?: number | undefined;
  readonly attempts?: number | undefined;
  readonly elapsedSeconds?: number | undefined;

  constructor(message: string, fields: ApiErrorFields, options?: { cause?: unknown }) {
    super(message, options);
    this.token = fields.token;
    this.serviceErrorName = fields.serviceErrorName;
    this.serviceMessage = redact(fields.serviceMessage);
    this.requestId = fields.requestId;
    this.httpStatusCode = fields.httpStatusCode;
    this.attempts = fields.attempts;
    this.elapsedSeconds = fields.elapsedSeconds;
  }
}

/** Bad input, found before any call: names the option and the value received. */
export class InvalidInputError extends PortfolioShareWaiterError {
  override readonly name = 'InvalidInputError';
  readonly code = 'INVALID_INPUT';
  /** The option (or input field) at fault, e.g. `maxWaitTime`, `PortfolioShareToken`. */
  readonly option: string;
  /**
   * The value received, as a plain copy safe to print and serialize: secrets (by key name or shape)
   * replaced by `[REDACTED]`, bigints as `"10n"`, cycles as `"[Circular]"`, size bounded.
   */
  readonly received: unknown;

  constructor(message: string, fields: { option: string; received: unknown }) {
    super(message);
    this.option = fields.option;
    this.received = redactValue(fields.received);
  }
}
