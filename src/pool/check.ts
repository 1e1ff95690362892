import { DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import type { CheckResult } from '../acceptor.js';
import type { Logger } from '../logger.js';
import { toApiError } from '../outcome.js';
import { toServiceErrorInfo } from '../serviceError.js';
import type { ServiceCatalogLikeClient } from '../types.js';
import type { PoolOutcome } from './types.js';
import { applyCheck, type WaitRecord } from './waitRecord.js';

/**
 * One describe of a wait's token, one try: the pool's schedule is its retry, so the call goes to the
 * client directly rather than through the core's p-retry wrapper (whose per-call options and promise
 * chain were, after the SDK's middleware, the largest garbage V8 promoted at 1,000 waits). Never
 * rejects. Without a signal the call is sent without per-call options, so a client with
 * `cacheMiddleware` reuses its resolved middleware.
 */
export async function describeOnce(client: ServiceCatalogLikeClient, token: string, signal: AbortSignal | undefined): Promise<CheckResult> {
  const command = new DescribePortfolioShareStatusCommand({ PortfolioShareToken: token });
  try {
    return { output: await (signal === undefined ? client.send(command) : client.send(command, { abortSignal: signal })) };
  } catch (error) {
    return { error };
  }
}

/** What a call the pool gave up on counts as: a retryable TimeoutError, like a client's request timeout. */
export function unansweredCall(seconds: number): CheckResult {
  const error = new Error(`DescribePortfolioShareStatus was still unanswered after ${seconds} s; the pool gave up on the call (callTimeout) and checks again at the next due time.`);
  error.name = 'TimeoutError';
  return { error };
}

/**
 * A check's result applied to its wait: its outcome, or when its next check is due. A misbehaving
 * injected logger (or status callback) ends that wait with what it threw, as the waiter does, and
 * not the pool.
 */
export function judgeCheck(record: WaitRecord, result: CheckResult, now: number, logger: Logger, random: () => number): PoolOutcome | { dueAt: number } {
  try {
    return applyCheck(record, result, now, logger, random);
  } catch (error) {
    return { token: record.token, ok: false, error: toApiError(toServiceErrorInfo(error), { token: record.token, attempts: record.attempts }) };
  }
}
