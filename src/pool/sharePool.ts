import { EventEmitter } from 'node:events';
import { DEFAULT_REQUEST_HANDLER_OPTIONS, resolveClient } from '../client.js';
import { describeShareStatus } from '../describe.js';
import { toApiError } from '../outcome.js';
import { toServiceErrorInfo } from '../serviceError.js';
import { silentLogger, type Logger } from '../logger.js';
import type { PortfolioShareResult, ServiceCatalogLikeClient, Timers } from '../types.js';
import { isValidToken } from '../token.js';
import { validateWaiterConfiguration, type WaitSettings } from '../validate.js';
import { DueQueue } from './dueQueue.js';
import { OutcomeStream } from './outcomeStream.js';
import { PoolBudget } from './poolBudget.js';
import { POOL_CALL_RETRY, type PoolOutcome, type PoolStats, type PoolTimers, type PoolWaitOptions, type SharePoolOptions } from './types.js';
import { DEFAULT_POOL_MAX_WAIT_SECONDS, realPoolTimers, validatePoolOptions } from './validatePool.js';
import { abortedOutcome, applyCheck, DONE, IN_FLIGHT, PENDING, type WaitRecord } from './waitRecord.js';

/**
 * Many waits under one call budget. Each wait is a small record in one queue ordered by its next due
 * time; one timer serves the whole pool; every describe takes a token from one bucket. Outcomes
 * stream out as they finish: the `outcome` event, `results()` (an async iterator) and, per wait, the
 * promise `wait()` returns.
 */
export class SharePool extends EventEmitter<{ outcome: [PoolOutcome]; idle: [] }> {
  private readonly client: ServiceCatalogLikeClient;
  private readonly release: () => void;
  private readonly timers: PoolTimers;
  private readonly logger: Logger;
  private readonly waitDefaults: SharePoolOptions;
  private readonly queue = new DueQueue<WaitRecord>();
  private readonly budget: PoolBudget;
  private readonly streams = new Set<OutcomeStream>();
  private readonly inFlightRecords = new Set<WaitRecord>();
  private readonly coreTimers: Timers;
  /** The validated settings of a wait that gives no options of its own: shared, not copied per wait. */
  private readonly defaultSettings: WaitSettings;
  private readonly poolSignal: AbortSignal | undefined;
  private readonly onPoolAbort = (): void => this.close();
  private seq = 0;
  private pending = 0;
  private settled = 0;
  private ended = false;
  private closed = false;

  constructor(options: SharePoolOptions) {
    super();
    const settings = validatePoolOptions(options);
    // The core's rules check client/clientConfig (exactly one) and every wait option's default.
    validateWaiterConfiguration({ ...options, maxWaitTime: options.maxWaitTime ?? DEFAULT_POOL_MAX_WAIT_SECONDS, timers: undefined }, { PortfolioShareToken: 'share-check' });
    const resolved = resolveClient(
      options.clientConfig === undefined
        ? options
        : { clientConfig: { requestHandler: { ...DEFAULT_REQUEST_HANDLER_OPTIONS, httpAgent: { keepAlive: true, maxSockets: settings.maxConcurrentCalls } }, ...options.clientConfig } },
    );
    this.client = resolved.client;
    this.release = resolved.release;
    this.timers = options.timers ?? realPoolTimers;
    this.logger = options.logger ?? silentLogger;
    this.waitDefaults = { ...options, maxWaitTime: options.maxWaitTime ?? DEFAULT_POOL_MAX_WAIT_SECONDS };
    this.budget = new PoolBudget(settings, this.timers, () => this.pump());
    const timers = this.timers;
    this.coreTimers = { now: () => timers.now(), random: () => timers.random(), sleep: () => Promise.resolve() };
    this.defaultSettings = this.settingsFor('share-default', {});
    this.poolSignal = options.abortSignal;
    if (this.poolSignal?.aborted) this.close();
    else this.poolSignal?.addEventListener('abort', this.onPoolAbort, { once: true });
  }

  private settingsFor(token: string, options: PoolWaitOptions): WaitSettings {
    const { abortSignal: _pool, ...defaults } = this.waitDefaults;
    return validateWaiterConfiguration({ ...defaults, ...options, client: this.client, clientConfig: undefined, timers: this.coreTimers, logger: this.logger }, { PortfolioShareToken: token });
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
    const stream = new OutcomeStream(() => this.streams.delete(stream));
    this.streams.add(stream);
    if (this.isDrained()) stream.finish();
    return stream;
  }

  /** No more waits will be added: iterators finish when the last one settles. */
  end(): void {
    this.ended = true;
    if (this.isDrained()) this.finishStreams();
  }

  /** Abort every pending wait (WaitAbortedError), stop the timer and destroy a client the pool created. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ended = true;
    const now = this.timers.now();
    const reason = this.poolSignal?.reason;
    for (let record = this.queue.pop(); record !== undefined; record = this.queue.pop()) this.abort(record, now, reason);
    for (const record of [...this.inFlightRecords]) this.abort(record, now, reason);
    this.budget.stop();
    this.poolSignal?.removeEventListener('abort', this.onPoolAbort);
    this.release();
    this.finishStreams();
  }

  stats(): PoolStats {
    return { pending: this.pending, inFlight: this.inFlightRecords.size, settled: this.settled, ...this.budget.stats() };
  }

  private enqueue(token: string, options: PoolWaitOptions, settle: WaitRecord['settle']): void {
    if (this.ended) throw new TypeError(`The pool was ${this.closed ? 'closed' : 'ended'}; add waits before end() and close().`);
    const now = this.timers.now();
    if (!isValidToken(token)) this.settingsFor(token, {});
    const settings = Object.keys(options).length === 0 ? this.defaultSettings : this.settingsFor(token, options);
    const record: WaitRecord = { token, settings, start: now, deadline: now + settings.maxWaitTime * 1000, dueAt: now, seq: this.seq++, attempts: 0, state: PENDING, lastCheckEnd: now, settle };
    this.pending += 1;
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

  /** Start every check that is due, has a token and a free slot; then arm the one timer. */
  private pump(): void {
    const now = this.timers.now();
    for (;;) {
      const top = this.queue.peek();
      if (top === undefined || top.dueAt > now) break;
      if (top.state !== PENDING) {
        this.queue.pop();
        continue;
      }
      if (this.inFlightRecords.size >= this.budget.maxConcurrentCalls || !this.budget.take(now, top)) break;
      this.queue.pop();
      void this.check(top);
    }
    const next = this.queue.peek();
    this.budget.arm(now, next?.dueAt, this.inFlightRecords.size >= this.budget.maxConcurrentCalls);
  }

  private async check(record: WaitRecord): Promise<void> {
    record.state = IN_FLIGHT;
    record.attempts += 1;
    record.call = new AbortController();
    this.inFlightRecords.add(record);
    const logger = this.logger === silentLogger ? silentLogger : this.logger.child({ token: record.token });
    let result: { output: unknown } | { error: unknown };
    try {
      const output = await describeShareStatus({ client: this.client, token: record.token, retry: POOL_CALL_RETRY, timers: this.coreTimers, logger, signal: record.call.signal });
      result = { output };
    } catch (error) {
      result = { error };
    }
    this.inFlightRecords.delete(record);
    record.call = undefined;
    // An abort (or close) may have ended the wait while its call was in flight.
    if ((record.state as WaitRecord['state']) === DONE) {
      this.pump();
      return;
    }
    const now = this.timers.now();
    record.lastCheckEnd = now;
    let verdict: PoolOutcome | { dueAt: number };
    try {
      verdict = applyCheck(record, result, now, logger, this.timers.random);
    } catch (error) {
      // A misbehaving injected logger: end this wait with what it threw, as the waiter does, not the pool.
      verdict = { token: record.token, ok: false, error: toApiError(toServiceErrorInfo(error), { token: record.token, attempts: record.attempts }) };
    }
    if ('dueAt' in verdict) {
      record.dueAt = verdict.dueAt;
      record.state = PENDING;
      this.queue.push(record);
    } else {
      this.finish(record, verdict);
    }
    this.pump();
  }

  private abort(record: WaitRecord, now: number, poolReason?: unknown): void {
    if (record.state === DONE) return;
    const reason = record.settings.abortSignal?.aborted === true ? record.settings.abortSignal.reason : poolReason;
    record.call?.abort(reason);
    this.inFlightRecords.delete(record);
    this.finish(record, abortedOutcome(record, now, reason));
  }

  private finish(record: WaitRecord, outcome: PoolOutcome): void {
    record.state = DONE;
    if (record.onAbort !== undefined) record.settings.abortSignal?.removeEventListener('abort', record.onAbort);
    record.onAbort = undefined;
    this.pending -= 1;
    this.settled += 1;
    if (outcome.ok) record.settle?.resolve(outcome.result);
    else record.settle?.reject(outcome.error);
    record.settle = undefined;
    this.emit('outcome', outcome);
    for (const stream of this.streams) stream.push(outcome);
    if (this.pending === 0) {
      this.emit('idle');
      if (this.ended) this.finishStreams();
    }
  }

  private isDrained(): boolean {
    return this.ended && this.pending === 0;
  }

  private finishStreams(): void {
    for (const stream of this.streams) stream.finish();
  }
}

/** Create a pool of waits sharing one client and one call budget (see docs/pool.md). */
export function createSharePool(options: SharePoolOptions): SharePool {
  return new SharePool(options);
}
