import { silentLogger } from '../src/logger.js';
import { realTimers } from '../src/timers.js';
import type { WaiterConfiguration } from '../src/types.js';
import { validateCheckConfiguration, validateWaiterConfiguration, validateWaitOptions } from '../src/validate.js';
import { invalidInput } from './support/invalidInput.js';

const client = { send: async () => ({}) };
const input = { PortfolioShareToken: 'share-6v24abcdefghi' };

/** A logger that is itself a function (as some loggers are), whose child() returns such a logger. */
function functionLogger(): unknown {
  const logger: object = Object.assign((): void => {}, { debug() {}, info() {}, warn() {}, error() {}, child: (): object => logger });
  return logger;
}

/** A logger with every method, whose child() records the bindings it is given and returns the logger itself. */
function recordingLogger(): { logger: Record<string, unknown>; bindings: unknown[] } {
  const bindings: unknown[] = [];
  const logger: Record<string, unknown> = { debug() {}, info() {}, warn() {}, error() {} };
  logger.child = (given: unknown): object => {
    bindings.push(given);
    return logger;
  };
  return { logger, bindings };
}

describe('validateWaiterConfiguration', () => {
  it('fills in every default', () => {
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600 }, input)).toEqual({
      token: 'share-6v24abcdefghi',
      logger: silentLogger,
      retry: { retries: 4, minTimeout: 200, maxTimeout: 5000, factor: 2 },
      timers: realTimers,
      abortSignal: undefined,
      maxWaitTime: 600,
      minDelay: 2.1,
      maxDelay: 7.5,
      coefficient: 0.38,
      exponent: 0.64,
      notFoundGraceSeconds: 30,
      acceptPartialSuccess: false,
      tolerateDuplicates: true,
      onStatusChange: undefined,
      onProgress: undefined,
    });
  });

  it('takes a schedule preset or curve; explicit bounds override the preset\'s', () => {
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600, schedule: 'fewer-calls' }, input)).toMatchObject({ coefficient: 0.6, exponent: 0.6, minDelay: 3, maxDelay: 15 });
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600, schedule: 'low-lag', maxDelay: 4 }, input)).toMatchObject({ minDelay: 1, maxDelay: 4 });
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600, schedule: { coefficient: 0.5, exponent: 1 } }, input)).toMatchObject({
      coefficient: 0.5,
      exponent: 1,
      minDelay: 2.1,
      maxDelay: 7.5,
    });
  });

  it.each([
    ['schedule', 'fast', /schedule must be one of "balanced", "fewer-calls", "low-lag"/],
    ['schedule', 7, /schedule must be a preset name or \{ coefficient, exponent \}/],
    ['schedule.coefficient', { coefficient: 0, exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received 0/],
    ['schedule.exponent', { coefficient: 0.4, exponent: 1.5 }, /schedule.exponent must be a number in \(0, 1\], but received 1.5/],
    ['schedule.coefficient', { coefficient: -1, exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received -1/],
    ['schedule.coefficient', { coefficient: Number.NaN, exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received NaN/],
    ['schedule.coefficient', { coefficient: Number.POSITIVE_INFINITY, exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received Infinity/],
    ['schedule.coefficient', { coefficient: '0.4', exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received "0.4"/],
    ['schedule.coefficient', { exponent: 0.5 }, /schedule.coefficient must be a finite number greater than 0, but received nothing/],
    ['schedule.exponent', { coefficient: 0.4, exponent: 0 }, /schedule.exponent must be a number in \(0, 1\], but received 0/],
    ['schedule.exponent', { coefficient: 0.4, exponent: -0.5 }, /schedule.exponent must be a number in \(0, 1\], but received -0.5/],
    ['schedule.exponent', { coefficient: 0.4, exponent: Number.NaN }, /schedule.exponent must be a number in \(0, 1\], but received NaN/],
    ['schedule.exponent', { coefficient: 0.4, exponent: '0.5' }, /schedule.exponent must be a number in \(0, 1\], but received "0.5"/],
  ])('refuses a bad %s', (option, schedule, message) => {
    expect(() => validateWaiterConfiguration({ client, maxWaitTime: 600, schedule }, input)).toThrow(message);
    try {
      validateWaiterConfiguration({ client, maxWaitTime: 600, schedule }, input);
    } catch (error) {
      expect(error).toMatchObject({ name: 'InvalidInputError', option });
    }
  });

  it('moves the other default out of the way when only one delay bound is given', () => {
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600, minDelay: 20 }, input)).toMatchObject({ minDelay: 20, maxDelay: 20 });
    expect(validateWaiterConfiguration({ client, maxWaitTime: 600, maxDelay: 0.2 }, input)).toMatchObject({ minDelay: 0.2, maxDelay: 0.2 });
  });

  it.each([
    ['PortfolioShareToken', { client, maxWaitTime: 60 }, { PortfolioShareToken: '' }, ''],
    ['PortfolioShareToken', { client, maxWaitTime: 60 }, { PortfolioShareToken: 'share 1' }, 'share 1'],
    ['PortfolioShareToken', { client, maxWaitTime: 60 }, { PortfolioShareToken: 'x'.repeat(101) }, 'x'.repeat(101)],
    ['PortfolioShareToken', { client, maxWaitTime: 60 }, {}, undefined],
    ['PortfolioShareToken', { client, maxWaitTime: 60 }, { PortfolioShareToken: 42 }, 42],
    ['maxWaitTime', { client, maxWaitTime: 0 }, input, 0],
    ['maxWaitTime', { client, maxWaitTime: -5 }, input, -5],
    ['maxWaitTime', { client, maxWaitTime: Number.POSITIVE_INFINITY }, input, Number.POSITIVE_INFINITY],
    ['maxWaitTime', { client, maxWaitTime: Number.NaN }, input, Number.NaN],
    ['maxWaitTime', { client, maxWaitTime: '60' }, input, '60'],
    ['maxWaitTime', { client }, input, undefined],
    ['minDelay', { client, maxWaitTime: 60, minDelay: 0 }, input, 0],
    ['maxDelay', { client, maxWaitTime: 60, maxDelay: -1 }, input, -1],
    ['minDelay', { client, maxWaitTime: 60, minDelay: 10, maxDelay: 5 }, input, 10],
    ['notFoundGraceSeconds', { client, maxWaitTime: 60, notFoundGraceSeconds: -1 }, input, -1],
    ['actionStartedAt', { client, maxWaitTime: 60, actionStartedAt: Number.NaN }, input, Number.NaN],
    ['actionStartedAt', { client, maxWaitTime: 60, actionStartedAt: Number.POSITIVE_INFINITY }, input, Number.POSITIVE_INFINITY],
    ['actionStartedAt', { client, maxWaitTime: 60, actionStartedAt: '1700000000000' }, input, '1700000000000'],
    ['client/clientConfig', { client, clientConfig: { region: 'us-east-1' }, maxWaitTime: 60 }, input, 'both'],
    ['client/clientConfig', { maxWaitTime: 60 }, input, 'neither'],
    ['client', { client: {}, maxWaitTime: 60 }, input, {}],
    ['logger', { client, maxWaitTime: 60, logger: { info: () => {} } }, input, { info: '[Function: info]' }],
    ['logger', { client, maxWaitTime: 60, logger: 'pino' }, input, 'pino'],
    ['retry.retries', { client, maxWaitTime: 60, retry: { retries: -1 } }, input, -1],
    ['retry.retries', { client, maxWaitTime: 60, retry: { retries: 1.5 } }, input, 1.5],
    ['retry.minTimeout', { client, maxWaitTime: 60, retry: { minTimeout: Number.NaN } }, input, Number.NaN],
    ['retry.factor', { client, maxWaitTime: 60, retry: { factor: 0.5 } }, input, 0.5],
    ['retry.maxTimeout', { client, maxWaitTime: 60, retry: { minTimeout: 500, maxTimeout: 100 } }, input, 100],
    ['onStatusChange', { client, maxWaitTime: 60, onStatusChange: 'log' }, input, 'log'],
    ['onProgress', { client, maxWaitTime: 60, onProgress: 42 }, input, 42],
    ['acceptPartialSuccess', { client, maxWaitTime: 60, acceptPartialSuccess: 'yes' }, input, 'yes'],
    ['tolerateDuplicates', { client, maxWaitTime: 60, tolerateDuplicates: 0 }, input, 0],
    ['abortSignal', { client, maxWaitTime: 60, abortSignal: {} }, input, {}],
    ['timers', { client, maxWaitTime: 60, timers: { now: () => 0 } }, input, { now: '[Function: now]' }],
  ])('rejects a bad %s, naming it and the value received (as a plain, printable copy)', (option, config, given, received) => {
    const error = invalidInput(() => validateWaiterConfiguration(config, given));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.option).toBe(option);
    expect(error.received).toEqual(received);
    expect(error.message.startsWith(`${option} must `)).toBe(true);
    expect(error.message).toContain('but received');
    expect(error.message.endsWith('.')).toBe(true);
  });

  it('says what to do in one sentence', () => {
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: -5 }, input)).message).toBe(
      'maxWaitTime must be a finite number of seconds greater than 0, but received -5; pass how long to wait at most, in seconds, e.g. 900.',
    );
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60 }, { PortfolioShareToken: 'bad token!' })).message).toBe(
      'PortfolioShareToken must be 1 to 100 letters, digits, "_" or "-", but received "bad token!"; pass the token that CreatePortfolioShare, UpdatePortfolioShare or DeletePortfolioShare returned (e.g. share-6v24abcdefghi).',
    );
  });

  it('never puts client configuration (credentials) into the error', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
    const config = { client, clientConfig: { credentials: { accessKeyId: 'AKIA', secretAccessKey: secret } }, maxWaitTime: 60 } as WaiterConfiguration;
    const error = invalidInput(() => validateWaiterConfiguration(config, input));
    expect(JSON.stringify(error.toJSON())).not.toContain(secret);
    expect(error.message).not.toContain(secret);
  });

  it.each([
    ['a long string, cut at 120 characters', { client, maxWaitTime: 'x'.repeat(130) }, `"${'x'.repeat(120)}…"`],
    ['a function', { client, maxWaitTime: () => 60 }, 'a function'],
    ['an array', { client, maxWaitTime: [60] }, 'an array'],
    ['an object', { client, maxWaitTime: { seconds: 60 } }, 'an object'],
    ['null', { client, maxWaitTime: null }, 'null'],
    ['a boolean', { client, maxWaitTime: true }, 'true'],
  ])('shows the value received as %s', (_name, config, shown) => {
    expect(invalidInput(() => validateWaiterConfiguration(config, input)).message).toContain(`but received ${shown};`);
  });

  it.each([
    ['a 120-character string, whole', { client, maxWaitTime: 'y'.repeat(120) }, `"${'y'.repeat(120)}"`],
    ['a bigint', { client, maxWaitTime: 10n }, '10'],
    ['nothing', { client }, 'nothing'],
  ])('shows %s', (_name, config, shown) => {
    expect(invalidInput(() => validateWaiterConfiguration(config, input)).message).toContain(`but received ${shown};`);
  });

  it.each([
    ['timers', { timers: 5 }],
    ['timers', { timers: { sleep: (): void => {}, random: (): number => 0 } }],
    ['timers', { timers: { now: (): number => 0, random: (): number => 0 } }],
    ['timers', { timers: { now: (): number => 0, sleep: (): void => {} } }],
    ['abortSignal', { abortSignal: 5 }],
    ['abortSignal', { abortSignal: { aborted: false } }],
    ['abortSignal', { abortSignal: { addEventListener: (): void => {} } }],
    ['notFoundGraceSeconds', { notFoundGraceSeconds: 'soon' }],
    ['notFoundGraceSeconds', { notFoundGraceSeconds: Number.POSITIVE_INFINITY }],
  ])('rejects %s missing any one part: %j', (option, extra) => {
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, ...extra }, input)).option).toBe(option);
  });

  it.each([
    ['both delay bounds, in order', { minDelay: 1, maxDelay: 5 }],
    ['equal delay bounds', { minDelay: 3, maxDelay: 3 }],
    ['a zero grace', { notFoundGraceSeconds: 0 }],
    ['fractional back-offs and factor', { retry: { minTimeout: 0.5, maxTimeout: 1.5, factor: 1.5 } }],
    ['equal back-off bounds', { retry: { minTimeout: 300, maxTimeout: 300 } }],
    ['a logger that is a function with the methods', { logger: functionLogger() }],
    ['an object timers', { timers: { now: (): number => 0, sleep: async (): Promise<void> => {}, random: (): number => 0 } }],
    ['an AbortSignal', { abortSignal: new AbortController().signal }],
    ['an actionStartedAt at the clock\'s zero', { actionStartedAt: 0 }],
    ['a curve with the smallest positive coefficient and exponent', { schedule: { coefficient: Number.MIN_VALUE, exponent: Number.MIN_VALUE } }],
  ])('accepts %s', (_name, extra) => {
    expect(() => validateWaiterConfiguration({ client, maxWaitTime: 60, ...extra }, input)).not.toThrow();
  });

  it('a logger that is not an object at all is named as such', () => {
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, logger: 'pino' }, input)).message).toContain('logger must be a pino-compatible logger');
  });

  it('lists the logger methods that are missing, even when child() alone would give a logger', () => {
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, logger: { info: () => {} } }, input)).message).toBe(
      'logger must have the methods debug, info, warn, error, child (missing debug, warn, error, child), but received an object; pass a pino logger or leave it out.',
    );
    const { logger } = recordingLogger();
    const withoutDebug = { ...logger, debug: undefined };
    const error = invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, logger: withoutDebug }, input));
    expect(error.option).toBe('logger');
    expect(error.message).toContain('(missing debug)');
  });

  it('tries the logger\'s child() with the bindings the waiter gives it: { token } with a token, nothing without', () => {
    const withToken = recordingLogger();
    validateCheckConfiguration({ client, logger: withToken.logger }, input);
    expect(withToken.bindings).toStrictEqual([{ token: 'share-6v24abcdefghi' }]);
    const withoutToken = recordingLogger();
    validateWaitOptions({ client, maxWaitTime: 60, logger: withoutToken.logger });
    expect(withoutToken.bindings).toStrictEqual([{}]);
  });

  it('refuses a logger whose child() throws, saying what it threw', () => {
    const { logger } = recordingLogger();
    const throwing = {
      ...logger,
      child: (): never => {
        throw new Error('no children here');
      },
    };
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, logger: throwing }, input)).message).toBe(
      'logger must have a child() that returns a logger (it threw: no children here), but received an object; pass a pino logger or leave it out.',
    );
  });

  it('keeps a zero grace as given', () => {
    expect(validateWaiterConfiguration({ client, maxWaitTime: 60, notFoundGraceSeconds: 0 }, input).notFoundGraceSeconds).toBe(0);
  });

  it('rejects input that is not an object, clientConfig that is not an object, retry that is not an object', () => {
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60 }, 'share-6v24abcdefghi')).option).toBe('PortfolioShareToken');
    expect(invalidInput(() => validateWaiterConfiguration({ clientConfig: 'us-east-1', maxWaitTime: 60 }, input)).option).toBe('clientConfig');
    expect(invalidInput(() => validateWaiterConfiguration({ client, maxWaitTime: 60, retry: 3 }, input)).option).toBe('retry');
  });

  it('rejects a config that is not an object', () => {
    expect(invalidInput(() => validateWaiterConfiguration(null, input)).option).toBe('config');
  });
});

describe('validateCheckConfiguration', () => {
  it('needs no maxWaitTime', () => {
    expect(validateCheckConfiguration({ clientConfig: { region: 'eu-west-1' } }, input)).toMatchObject({ token: 'share-6v24abcdefghi' });
  });

  it('still checks the token and the client', () => {
    expect(invalidInput(() => validateCheckConfiguration({ clientConfig: {} }, { PortfolioShareToken: 'a/b' })).option).toBe('PortfolioShareToken');
    expect(invalidInput(() => validateCheckConfiguration({}, input)).option).toBe('client/clientConfig');
  });
});
