import { DEADLINE_CALL_GRACE_SECONDS } from '../waitUntilPortfolioShareComplete.js';
import type { WaitRecord } from './waitRecord.js';

/** One describe on its way: the wait holds it only while it is in flight. */
export interface InFlightCall {
  /** Cuts the call; only for a client that takes an AbortSignal per call. */
  controller: AbortController | undefined;
  /** When the pool gives up on the call if it is still unanswered, ms. */
  expiresAt: number;
}

/**
 * The calls in flight (at most maxConcurrentCalls) and the hung-call guard: every call gets an
 * expiry, `callTimeout` after it starts but never more than the core waiter's grace past its wait's
 * deadline, and the pool's one timer is also armed for the earliest expiry. A scan of a few dozen
 * calls costs less than a second heap.
 */
export class InFlightCalls {
  private readonly records = new Set<WaitRecord>();

  constructor(
    private readonly callTimeoutMs: number,
    private readonly abortable: boolean,
  ) {}

  get size(): number {
    return this.records.size;
  }

  /** The record's call starts at `now`: it is in flight until `end` (answered, given up or aborted). */
  start(record: WaitRecord, now: number): InFlightCall {
    const call: InFlightCall = {
      controller: this.abortable ? new AbortController() : undefined,
      expiresAt: Math.min(now + this.callTimeoutMs, record.deadline + DEADLINE_CALL_GRACE_SECONDS * 1000),
    };
    record.call = call;
    this.records.add(record);
    return call;
  }

  /** The call is no longer the pool's concern; `reason` aborts it if it can still be cut. */
  end(record: WaitRecord, reason?: unknown): void {
    if (reason !== undefined) record.call?.controller?.abort(reason);
    record.call = undefined;
    this.records.delete(record);
  }

  /** The earliest moment a call in flight expires, or undefined when none is in flight. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const record of this.records) {
      const at = record.call?.expiresAt;
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /** The records whose call is still unanswered at `now` past its expiry. */
  expired(now: number): WaitRecord[] {
    const out: WaitRecord[] = [];
    for (const record of this.records) if (record.call !== undefined && record.call.expiresAt <= now) out.push(record);
    return out;
  }

  /** Every record in flight (for close()). */
  all(): WaitRecord[] {
    return [...this.records];
  }
}
