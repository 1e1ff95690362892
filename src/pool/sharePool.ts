import { EventEmitter } from 'node:events';
import { silentLogger, type Logger } from '../logger.js';
import type { PortfolioShareResult } from '../types.js';
import { describeOnce, judgeCheck, unansweredCall } from './check.js';
import { DueQueue } from './dueQueue.js';
import { InFlightCalls } from './inFlightCalls.js';
import { OutcomeHub } from './outcomeHub.js';
import { PoolBudget } from './poolBudget.js';
import { createPoolClient } from './poolClient.js';
import { checkPoolWaitDefaults, PoolWaitSettings } from './poolWaitSettings.js';
import type { PoolOutcome, PoolStats, PoolTimers, PoolWaitOptions, SharePoolOptions } from './types.js';
import { realPoolTimers, validatePoolOptions } from './validatePool.js';
import { abortedOutcome, DONE, IN_FLIGHT, PENDING, type WaitRecord } from './waitRecord.js';
import type { CheckResult } from '../acceptor.js';
import type { ServiceCatalogLikeClient } from '../types.js';

/**
 * Many waits under one call budget. Each wait is a small record in one queue ordered by its next due
 * time; one timer serves the whole pool (due checks, an empty bucket, calls that hang); every
 * describe takes a token from one bucket. Outcomes stream out as they finish: the `outcome` event,
 * `results()` (an async iterator) and, per wait, the promise `wait()` returns.
 */
export class SharePool extends EventEmitter<{ outcome: [PoolOutcome]; idle: [] }> {
  private readonly client: ServiceCatalogLikeClient;
  private readonly release: () => void;
  private readonly timers: PoolTimers;
  private readonly logger: Logger;
  private readonly settings: PoolWaitSettings;
  private readonly queue = new DueQueue<WaitRecord>();
  private readonly budget: PoolBudget;
  private readonly calls: InFlightCalls;
  private readonly outcomes: OutcomeHub;
  private readonly callTimeoutSeconds: number;
  private readonly poolSignal: AbortSignal | undefined;
  private readonly onPoolAbort = (): void => this.close();
  private seq = 0;
  private timedOutCalls = 0;
  private closed = false;

  constructor(options: SharePoolOptions) {
    super();
    const settings = validatePoolOptions(options);
    checkPoolWaitDefaults(options);
    const pooled = createPoolClient(options, settings);
    this.client = pooled.client;
    this.release = pooled.release;
    this.timers = options.timers ?? realPoolTimers;
    this.logger = options.logger ?? silentLogger;
    this.settings = new PoolWaitSettings(options, this.client, this.timers, this.logger);
    this.budget = new PoolBudget(settings, this.timers, () => this.pump());
    this.calls = new InFlightCalls(settings.callTimeoutMs, pooled.abortable);
    this.callTimeoutSeconds = settings.callTimeoutMs / 1000;
    this.outcomes = new OutcomeHub((outcome) => this.emit('outcome', outcome), () => this.emit('idle'));
    this.poolSignal = options.abortSignal;
    if (this.poolSignal?.aborted) this.close();
    else this.poolSignal?.addEventListener('abort', this.onPoolAbort, { once: true });
  }

  /** Add a wait whose outcome is only streamed (event and results()); throws InvalidInputError at once on bad input. */
  add(token: string, options: PoolWaitOptions = {}): void {
    this.enqueue(token, options, undefined);
  }

  /** Add a wait and get its own promise too: it resolves like waitUntilPortfolioShareComplete. */
  wait(token: string, options: PoolWaitOptions = {}): Promise<PortfolioShareResult> {
    return new Promise((resolve, reject) => this.enqueue(token, options, { resolve, reject }));
  }

  /** Outcomes from now on, as they finish; ends once end() was called and every wait has settled, or on close(). */
  results(): AsyncIterableIterator<PoolOutcome> {
    return this.outcomes.open();
  }

  /** No more waits will be added: iterators finish when the last one settles. */
  end(): void {
    this.outcomes.end();
  }

  /** Abort every pending wait (WaitAbortedError), stop the timer and destroy a client the pool created. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.outcomes.ended = true;
    const now = this.timers.now();
    const reason = this.poolSignal?.reason;
    for (let record = this.queue.pop(); record !== undefined; record = this.queue.pop()) this.abort(record, now, reason);
    for (const record of this.calls.all()) this.abort(record, now, reason);
    this.budget.stop();
    this.poolSignal?.removeEventListener('abort', this.onPoolAbort);
    this.release();
    this.outcomes.finishStreams();
  }

  stats(): PoolStats {
    return { pending: this.outcomes.pending, inFlight: this.calls.size, settled: this.outcomes.settled, timedOutCalls: this.timedOutCalls, ...this.budget.stats() };
  }

  private enqueue(token: string, options: PoolWaitOptions, settle: WaitRecord['settle']): void {
    if (this.outcomes.ended) throw new TypeError(`The pool was ${this.closed ? 'closed' : 'ended'}; add waits before end() and close().`);
    const now = this.timers.now();
    const settings = this.settings.for(token, options);
    const record: WaitRecord = { token, settings, start: now, deadline: now + settings.maxWaitTime * 1000, dueAt: now, seq: this.seq++, attempts: 0, state: PENDING, lastCheckEnd: now, settle };
    this.outcomes.pending += 1;
    const signal = settings.abortSignal;
    if (signal?.aborted) {
      this.abort(record, now);
      return;
    }
    if (signal !== undefined) {
      record.onAbort = () => this.abort(record, this.timers.now());
      signal.addEventListener('abort', record.onAbort, { once: true });
    }
    this.queue.push(record);
    this.budget.wake(now);
  }

  /** Give up on calls that hung, start every check that is due, has a token and a free slot; then arm the one timer. */
  private pump(): void {
    const now = this.timers.now();
    for (const record of this.calls.expired(now)) this.giveUp(record, now);
    const max = this.budget.maxConcurrentCalls;
    for (;;) {
      const top = this.queue.peek();
      if (top === undefined || top.dueAt > now) break;
      if (top.state !== PENDING) {
        this.queue.pop();
        continue;
      }
      if (this.calls.size >= max || !this.budget.take(now, top)) break;
      this.queue.pop();
      void this.check(top, now);
    }
    this.budget.arm(now, this.queue.peek()?.dueAt, this.calls.size >= max, this.calls.nextExpiry());
  }

  private async check(record: WaitRecord, now: number): Promise<void> {
    record.state = IN_FLIGHT;
    record.attempts += 1;
    const call = this.calls.start(record, now);
    const logger = this.logger === silentLogger ? silentLogger : this.logger.child({ token: record.token });
    const result = await describeOnce(this.client, record.token, call.controller?.signal);
    // Given up on (hung), aborted or closed while in flight: its answer is no one's any more.
    if (record.call !== call) return;
    this.calls.end(record);
    this.conclude(record, result, this.timers.now(), logger);
    this.pump();
  }

  /** A call unanswered past its expiry: cut it where possible, free its slot, count a retryable timeout. */
  private giveUp(record: WaitRecord, now: number): void {
    const result = unansweredCall(this.callTimeoutSeconds);
    this.calls.end(record, 'error' in result ? result.error : undefined);
    this.timedOutCalls += 1;
    this.conclude(record, result, now, this.logger === silentLogger ? silentLogger : this.logger.child({ token: record.token }));
  }

  private conclude(record: WaitRecord, result: CheckResult, now: number, logger: Logger): void {
    record.lastCheckEnd = now;
    const verdict = judgeCheck(record, result, now, logger, this.timers.random);
    if ('dueAt' in verdict) {
      record.dueAt = verdict.dueAt;
      record.state = PENDING;
      this.queue.push(record);
    } else {
      this.finish(record, verdict);
    }
  }

  private abort(record: WaitRecord, now: number, poolReason?: unknown): void {
    if (record.state === DONE) return;
    const reason = record.settings.abortSignal?.aborted === true ? record.settings.abortSignal.reason : poolReason;
    if (record.call !== undefined) {
      this.calls.end(record, reason ?? new Error('The wait was aborted.'));
      // Its slot is free: start what waited for it (once, after the current synchronous work).
      this.budget.wake(now);
    }
    this.finish(record, abortedOutcome(record, now, reason));
  }

  private finish(record: WaitRecord, outcome: PoolOutcome): void {
    record.state = DONE;
    if (record.onAbort !== undefined) record.settings.abortSignal?.removeEventListener('abort', record.onAbort);
    record.onAbort = undefined;
    this.outcomes.deliver(record, outcome);
  }
}

/** Create a pool of waits sharing one client and one call budget (see docs/pool.md). */
export function createSharePool(options: SharePoolOptions): SharePool {
  return new SharePool(options);
}
