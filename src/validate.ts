import { DEFAULT_RETRY } from './describe.js';
import { InvalidInputError } from './errors.js';
import { isFiniteNumber } from './finiteNumber.js';
import { redact } from './redact.js';
import { guardLogger, isLogger, silentLogger, type Logger } from './logger.js';
import { SCHEDULE_PRESETS, type ScheduleDefinition, type SchedulePreset } from './schedule.js';
import { realTimers } from './timers.js';
import { isValidToken, TOKEN_MAX_LENGTH } from './token.js';
import type { RetryOptions, StatusChangeEvent, Timers } from './types.js';

/** Default of `notFoundGraceSeconds`. */
export const DEFAULT_NOT_FOUND_GRACE_SECONDS = 30;

/** What both entry points share once validated. */
export interface CheckSettings {
  token: string;
  logger: Logger;
  retry: Required<RetryOptions>;
  timers: Timers;
  abortSignal?: AbortSignal | undefined;
}

/** A validated wait configuration with every default filled in. */
export interface WaitSettings extends CheckSettings {
  maxWaitTime: number;
  minDelay: number;
  maxDelay: number;
  /** The delay curve: delay ≈ coefficient·elapsed^exponent seconds. */
  coefficient: number;
  exponent: number;
  notFoundGraceSeconds: number;
  /** When the share action was made (timers clock, ms); the not-found grace counts from it. */
  actionStartedAt?: number | undefined;
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
  onStatusChange?: ((event: StatusChangeEvent) => unknown) | undefined;
  onProgress?: ((event: StatusChangeEvent) => unknown) | undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    // Redact before cutting: a cut could leave part of a secret that no rule recognizes.
    const clean = redact(value);
    return JSON.stringify(clean.length > 120 ? `${clean.slice(0, 120)}…` : clean);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

/** Throw an InvalidInputError: "<option> must <rule>, but received <value>; <what to do>." */
function invalid(option: string, received: unknown, rule: string, hint: string): never {
  throw new InvalidInputError(`${option} must ${rule}, but received ${describeValue(received)}; ${hint}.`, { option, received });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function positiveSeconds(option: string, value: unknown, hint: string): number {
  if (!isFiniteNumber(value) || value <= 0) {
    return invalid(option, value, 'be a finite number of seconds greater than 0', hint);
  }
  return value;
}

function optionalBoolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') return invalid(option, value, 'be true or false', `pass a boolean or leave ${option} out`);
  return value;
}

function validateToken(input: unknown): string {
  const token = isRecord(input) ? input.PortfolioShareToken : undefined;
  if (!isValidToken(token)) {
    return invalid(
      'PortfolioShareToken',
      token,
      `be 1 to ${TOKEN_MAX_LENGTH} letters, digits, "_" or "-"`,
      'pass the token that CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare returned (e.g. share-6v24abcdefghi)',
    );
  }
  return token;
}

function validateClient(config: Record<string, unknown>): void {
  const hasClient = config.client !== undefined;
  const hasClientConfig = config.clientConfig !== undefined;
  if (hasClient === hasClientConfig) {
    invalid(
      'client/clientConfig',
      hasClient ? 'both' : 'neither',
      'be given exactly one of the two',
      'pass a ServiceCatalogClient as client, or its configuration (region, credentials, endpoint) as clientConfig',
    );
  }
  if (hasClient && (!isRecord(config.client) || typeof config.client.send !== 'function')) {
    invalid('client', config.client, 'be a Service Catalog client with a send method', 'pass new ServiceCatalogClient({...})');
  }
  if (hasClientConfig && !isRecord(config.clientConfig)) {
    invalid('clientConfig', config.clientConfig, 'be an object', 'pass a ServiceCatalogClientConfig such as { region: "us-east-1" }');
  }
}

function validateLogger(value: unknown, token: string | undefined): Logger {
  if (value === undefined) return silentLogger;
  const methods = ['debug', 'info', 'warn', 'error', 'child'];
  if (!isRecord(value) && typeof value !== 'function') {
    return invalid('logger', value, 'be a pino-compatible logger', 'pass a pino logger (or any object with debug, info, warn, error and child) or leave it out');
  }
  const record = value as Record<string, unknown>;
  const missing = methods.filter((method) => typeof record[method] !== 'function');
  if (missing.length > 0) {
    return invalid('logger', value, `have the methods ${methods.join(', ')} (missing ${missing.join(', ')})`, 'pass a pino logger or leave it out');
  }
  // The waiter logs through logger.child({ token }): check once, before any call, that it gives a logger.
  let child: unknown;
  try {
    child = (value as unknown as Logger).child(token === undefined ? {} : { token });
  } catch (error) {
    return invalid('logger', value, `have a child() that returns a logger (it threw: ${error instanceof Error ? error.message : String(error)})`, 'pass a pino logger or leave it out');
  }
  if (!isLogger(child)) {
    return invalid('logger', value, `have a child() that returns a logger with ${methods.join(', ')} (it returned ${describeValue(child)})`, 'pass a pino logger or leave it out');
  }
  return guardLogger(value as unknown as Logger);
}

function validateRetry(value: unknown): Required<RetryOptions> {
  if (value === undefined) return { ...DEFAULT_RETRY };
  if (!isRecord(value)) return invalid('retry', value, 'be an object', 'pass e.g. { retries: 4, minTimeout: 200, maxTimeout: 5000 } or leave it out');
  const number = (key: keyof RetryOptions, min: number, integer: boolean): number => {
    const given = value[key];
    if (given === undefined) return DEFAULT_RETRY[key];
    if (!isFiniteNumber(given) || given < min || (integer && !Number.isInteger(given))) {
      return invalid(`retry.${key}`, given, `be a finite ${integer ? 'integer' : 'number'} ≥ ${min}`, `pass a value like ${DEFAULT_RETRY[key]} (the default)`);
    }
    return given;
  };
  const retry = {
    retries: number('retries', 0, true),
    minTimeout: number('minTimeout', 0, false),
    maxTimeout: number('maxTimeout', 0, false),
    factor: number('factor', 1, false),
  };
  if (retry.maxTimeout < retry.minTimeout) {
    invalid('retry.maxTimeout', retry.maxTimeout, `be at least retry.minTimeout (${retry.minTimeout} ms)`, 'raise retry.maxTimeout or lower retry.minTimeout');
  }
  return retry;
}

function validateTimers(value: unknown): Timers {
  if (value === undefined) return realTimers;
  if (!isRecord(value) || typeof value.now !== 'function' || typeof value.sleep !== 'function' || typeof value.random !== 'function') {
    return invalid('timers', value, 'have now, sleep and random functions', 'leave timers out outside tests');
  }
  return value as unknown as Timers;
}

function validateSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.aborted !== 'boolean' || typeof value.addEventListener !== 'function') {
    return invalid('abortSignal', value, 'be an AbortSignal', 'pass AbortController.signal or AbortSignal.timeout(ms)');
  }
  return value as unknown as AbortSignal;
}

/** Validate what both entry points take; throws InvalidInputError before any call. */
export function validateCheckConfiguration(config: unknown, input: unknown): CheckSettings {
  if (!isRecord(config)) return invalid('config', config, 'be an object', 'pass { client } or { clientConfig } with the other options');
  validateClient(config);
  const token = validateToken(input);
  return { token, ...validateCallOptions(config, token) };
}

/** Validate the options of calls (client, logger, retry, timers, abortSignal), without a token; throws InvalidInputError. */
export function validateCallOptions(config: unknown, token?: string): Omit<CheckSettings, 'token'> {
  if (!isRecord(config)) return invalid('config', config, 'be an object', 'pass { client } or { clientConfig } with the other options');
  validateClient(config);
  return {
    logger: validateLogger(config.logger, token),
    retry: validateRetry(config.retry),
    timers: validateTimers(config.timers),
    abortSignal: validateSignal(config.abortSignal),
  };
}

/** Validate a wait's configuration and input and fill in the defaults; throws InvalidInputError before any call. */
export function validateWaiterConfiguration(config: unknown, input: unknown): WaitSettings {
  const check = validateCheckConfiguration(config, input);
  return { ...check, ...validateWaitOptions(config) };
}

/** Validate a wait's options without a token (the share operations check them before their call); throws InvalidInputError. */
export function validateWaitOptions(config: unknown): Omit<WaitSettings, 'token'> {
  const check = validateCallOptions(config);
  const record = config as Record<string, unknown>;
  const maxWaitTime = positiveSeconds('maxWaitTime', record.maxWaitTime, 'pass how long to wait at most, in seconds, e.g. 900');
  const schedule = validateSchedule(record.schedule);
  const minDelay =
    record.minDelay === undefined ? undefined : positiveSeconds('minDelay', record.minDelay, `pass the shortest delay between checks in seconds, e.g. ${schedule.minDelay}, or leave it out`);
  const maxDelay =
    record.maxDelay === undefined ? undefined : positiveSeconds('maxDelay', record.maxDelay, `pass the longest delay between checks in seconds, e.g. ${schedule.maxDelay}, or leave it out`);
  if (minDelay !== undefined && maxDelay !== undefined && minDelay > maxDelay) {
    invalid('minDelay', minDelay, `not exceed maxDelay (${maxDelay} s)`, 'lower minDelay or raise maxDelay');
  }
  // A single bound given alone moves the other default out of its way rather than failing.
  const resolvedMin = minDelay ?? Math.min(schedule.minDelay, maxDelay ?? schedule.minDelay);
  const resolvedMax = maxDelay ?? Math.max(schedule.maxDelay, resolvedMin);
  const grace = record.notFoundGraceSeconds;
  if (grace !== undefined && (!isFiniteNumber(grace) || grace < 0)) {
    invalid('notFoundGraceSeconds', grace, 'be a finite number of seconds ≥ 0', `pass e.g. ${DEFAULT_NOT_FOUND_GRACE_SECONDS} (the default), or 0 to fail on the first not-found`);
  }
  const actionStartedAt = record.actionStartedAt;
  if (actionStartedAt !== undefined && !isFiniteNumber(actionStartedAt)) {
    invalid('actionStartedAt', actionStartedAt, 'be a finite number of milliseconds on the clock of timers', 'pass timers.now() as read right before the share call, or leave it out');
  }
  const onStatusChange = optionalCallback('onStatusChange', record.onStatusChange);
  const onProgress = optionalCallback('onProgress', record.onProgress);
  return {
    ...check,
    maxWaitTime,
    minDelay: resolvedMin,
    maxDelay: resolvedMax,
    coefficient: schedule.coefficient,
    exponent: schedule.exponent,
    notFoundGraceSeconds: typeof grace === 'number' ? grace : DEFAULT_NOT_FOUND_GRACE_SECONDS,
    actionStartedAt: actionStartedAt as number | undefined,
    acceptPartialSuccess: optionalBoolean('acceptPartialSuccess', record.acceptPartialSuccess, false),
    tolerateDuplicates: optionalBoolean('tolerateDuplicates', record.tolerateDuplicates, true),
    onStatusChange,
    onProgress,
  };
}

function optionalCallback(option: string, value: unknown): ((event: StatusChangeEvent) => unknown) | undefined {
  if (value !== undefined && typeof value !== 'function') {
    invalid(option, value, 'be a function', 'pass (event) => { … } or leave it out');
  }
  return value as ((event: StatusChangeEvent) => unknown) | undefined;
}

/** A preset name or a `{ coefficient, exponent }` curve (bounds from the default preset). */
export function validateSchedule(value: unknown): ScheduleDefinition {
  const names = Object.keys(SCHEDULE_PRESETS);
  if (value === undefined) return SCHEDULE_PRESETS.balanced;
  if (typeof value === 'string') {
    if (names.includes(value)) return SCHEDULE_PRESETS[value as SchedulePreset];
    return invalid('schedule', value, `be one of ${names.map((n) => JSON.stringify(n)).join(', ')} or { coefficient, exponent }`, 'pick a preset or leave schedule out');
  }
  if (!isRecord(value)) return invalid('schedule', value, 'be a preset name or { coefficient, exponent }', "pass e.g. 'fewer-calls' or { coefficient: 0.38, exponent: 0.64 }");
  const { coefficient, exponent } = value;
  if (!isFiniteNumber(coefficient) || coefficient <= 0) {
    return invalid('schedule.coefficient', coefficient, 'be a finite number greater than 0', 'pass e.g. 0.38 (the default)');
  }
  if (!isFiniteNumber(exponent) || exponent <= 0 || exponent > 1) {
    return invalid('schedule.exponent', exponent, 'be a number in (0, 1]', 'pass e.g. 0.64 (the default); 1 grows linearly');
  }
  return { ...SCHEDULE_PRESETS.balanced, coefficient, exponent };
}
