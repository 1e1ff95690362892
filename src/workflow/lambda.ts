import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { pino } from 'pino';
import { DEFAULT_REQUEST_HANDLER_OPTIONS } from '../client.js';
import type { Logger } from '../logger.js';
import { realTimers } from '../timers.js';
import type { ServiceCatalogLikeClient, Timers } from '../types.js';
import { checkShare, type CheckShareEvent, type CheckShareResponse } from './checkShare.js';

export type { CheckShareEvent, CheckShareResponse } from './checkShare.js';
export { toTaskError } from './checkShare.js';

/** Dependencies of {@link createHandler}; each defaults to what a Lambda function wants. */
export interface HandlerOptions {
  /** @default a ServiceCatalogClient from the function's environment (region, role), created on first use */
  client?: ServiceCatalogLikeClient;
  /** @default pino JSON lines on stdout at $LOG_LEVEL (default info) */
  logger?: Logger;
  /** @default the real clock (epoch milliseconds) */
  timers?: Timers;
}

/**
 * A Lambda handler for state machines that want one check per invocation: takes `{ token, startedAt?,
 * attempt? }` (plus optional maxWaitTime, notFoundGraceSeconds, acceptPartialSuccess,
 * tolerateDuplicates), returns `{ token, status, done, nextDelaySeconds, attempt, startedAt, result? }`,
 * and throws terminal failures as errors named as the library names them.
 */
export function createHandler(options: HandlerOptions = {}): (event: CheckShareEvent) => Promise<CheckShareResponse> {
  let client = options.client;
  const logger = options.logger ?? (pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: 1, sync: true })) as unknown as Logger);
  const timers: Timers = options.timers ?? { ...realTimers, now: () => Date.now() };
  return async (event) => {
    client ??= new ServiceCatalogClient({ maxAttempts: 1, requestHandler: DEFAULT_REQUEST_HANDLER_OPTIONS });
    return checkShare(event, { client, logger, timers });
  };
}

let defaultHandler: ((event: CheckShareEvent) => Promise<CheckShareResponse>) | undefined;

/** The function's handler (`portfolio-share-waiter/lambda` → `handler`). */
export async function handler(event: CheckShareEvent): Promise<CheckShareResponse> {
  defaultHandler ??= createHandler();
  return defaultHandler(event);
}
