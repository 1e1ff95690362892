import { DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import { DEFAULT_RETRY, describeShareStatus, retryDelayMs, type DescribeOptions } from '../src/describe.js';
import { isTransientError, toServiceErrorInfo } from '../src/serviceError.js';
import { createCapturingLogger } from './support/capturingLogger.js';
import { createFakeClient, serviceError, status, type Answer } from './support/fakeClient.js';
import { createFakeTimers, hangingSleep } from './support/fakeTimers.js';

function setup(script: Answer[], overrides: Partial<DescribeOptions> = {}) {
  const client = createFakeClient(script);
  const timers = createFakeTimers();
  const { logger, lines } = createCapturingLogger();
  const options: DescribeOptions = { client, token: 'share-abc', retry: { ...DEFAULT_RETRY }, timers, logger, ...overrides };
  return { client, timers, lines, options };
}

function socketError(code: string): Error {
  return Object.assign(new Error(`socket ${code}`), { code });
}

describe('describeShareStatus', () => {
  it('sends one DescribePortfolioShareStatus for the token, with the abort signal', async () => {
    const controller = new AbortController();
    const { client, options } = setup([status('IN_PROGRESS')], { signal: controller.signal });
    await expect(describeShareStatus(options)).resolves.toMatchObject({ Status: 'IN_PROGRESS' });
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]?.input).toEqual({ PortfolioShareToken: 'share-abc' });
    expect(client.calls[0]?.signal).toBe(controller.signal);
  });

  it.each([
    ['ThrottlingException', serviceError('ThrottlingException', 'Rate exceeded')],
    ['LimitExceededException', serviceError('LimitExceededException', 'Limit')],
    ['TooManyRequestsException', serviceError('TooManyRequestsException', 'Too many', 429)],
    ['RequestLimitExceeded', serviceError('RequestLimitExceeded', 'Slow down')],
    ['a 500', serviceError('InternalFailure', 'boom', 500)],
    ['a 503', serviceError('ServiceUnavailableException', 'later', 503)],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['EPIPE', socketError('EPIPE')],
    ['ETIMEDOUT', socketError('ETIMEDOUT')],
    ['TimeoutError', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['$retryable', serviceError('SomeRetryableThing', 'retry me', 400, { $retryable: { throttling: false } })],
  ])('retries %s with back-off, logging a warning per retry', async (_label, error) => {
    const { client, timers, lines, options } = setup([{ error }, { error }, status('COMPLETED')]);
    await expect(describeShareStatus(options)).resolves.toMatchObject({ Status: 'COMPLETED' });
    expect(client.calls).toHaveLength(3);
    expect(timers.sleeps).toEqual([200, 400]);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.obj.retry)).toEqual([1, 2]);
    expect(warnings[0]?.obj).toMatchObject({ err: { name: error.name }, delayMs: 200 });
  });

  it('is bounded: after retries it rejects with the last error, never a success', async () => {
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const { client, timers, options } = setup([{ error: throttle }]);
    await expect(describeShareStatus(options)).rejects.toBe(throttle);
    expect(client.calls).toHaveLength(5);
    expect(timers.sleeps).toEqual([200, 400, 800, 1600]);
  });

  it('DEFAULT_RETRY holds the documented defaults, frozen', async () => {
    // Loaded afresh inside the test, so that this test itself builds the constant: for the import above it
    // is built while the module loads, before any test, which per-test coverage credits to no test
    // (docs/testing.md, "Static mutants").
    await import.meta.jest.isolateModulesAsync(async () => {
      const { DEFAULT_RETRY: fresh } = await import('../src/describe.js');
      expect(fresh).toEqual({ retries: 4, minTimeout: 200, maxTimeout: 5000, factor: 2 });
      expect(Object.isFrozen(fresh)).toBe(true);
    });
  });

  it('caps the back-off at maxTimeout', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, DEFAULT_RETRY))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('honours custom retry options', async () => {
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const { client, timers, options } = setup([{ error: throttle }], { retry: { retries: 2, minTimeout: 10, maxTimeout: 15, factor: 3 } });
    await expect(describeShareStatus(options)).rejects.toBe(throttle);
    expect(client.calls).toHaveLength(3);
    expect(timers.sleeps).toEqual([10, 15]);
  });

  it.each(['ResourceNotFoundException', 'ValidationException', 'AccessDeniedException', 'InvalidParametersException'])(
    'does not retry %s and rethrows it unchanged',
    async (name) => {
      const error = serviceError(name, 'nope');
      const { client, timers, options } = setup([{ error }]);
      await expect(describeShareStatus(options)).rejects.toBe(error);
      expect(client.calls).toHaveLength(1);
      expect(timers.sleeps).toEqual([]);
    },
  );

  it('starts no retry whose back-off would cross the deadline', async () => {
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    // Back-offs 200 then 400 ms: the second would end at 600 ms, past a deadline at 500 ms.
    const { client, timers, options } = setup([{ error: throttle }], { deadline: 500 });
    await expect(describeShareStatus(options)).rejects.toBe(throttle);
    expect(client.calls).toHaveLength(2);
    expect(timers.sleeps).toEqual([200]);
  });

  it('starts a retry whose back-off ends exactly at the deadline', async () => {
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    // Back-offs 200 then 400 ms: the second ends at 600 ms, exactly the deadline.
    const { client, timers, options } = setup([{ error: throttle }], { deadline: 600, retry: { ...DEFAULT_RETRY, retries: 2 } });
    await expect(describeShareStatus(options)).rejects.toBe(throttle);
    expect(client.calls).toHaveLength(3);
    expect(timers.sleeps).toEqual([200, 400]);
  });

  it('stops at once when aborted during a back-off, with the abort reason', async () => {
    const controller = new AbortController();
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const { client, timers, options } = setup([{ error: throttle }], { signal: controller.signal });
    const sleepSpy: string[] = [];
    const pending = describeShareStatus({
      ...options,
      timers: {
        ...timers,
        sleep: (ms, signal) => {
          sleepSpy.push(`sleep ${ms}`);
          return hangingSleep(ms, signal);
        },
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('user pressed ^C');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(sleepSpy).toEqual(['sleep 200']);
    expect(client.calls).toHaveLength(1);
  });

  it('does not retry an error caused by the abort itself', async () => {
    const controller = new AbortController();
    const { client, options } = setup(
      [
        (signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener('abort', () => reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ECONNRESET' })));
          }),
      ],
      { signal: controller.signal },
    );
    const pending = describeShareStatus(options);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow();
    expect(client.calls).toHaveLength(1);
  });

  it('builds a real SDK command', async () => {
    const seen: unknown[] = [];
    await describeShareStatus({
      ...setup([]).options,
      client: {
        send: async (command) => {
          seen.push(command);
          return { Status: 'COMPLETED' };
        },
      },
    });
    expect(seen[0]).toBeInstanceOf(DescribePortfolioShareStatusCommand);
  });
});

describe('isTransientError', () => {
  it('does not treat client errors, credentials or region problems as transient', () => {
    for (const error of [
      serviceError('ResourceNotFoundException', 'x'),
      serviceError('AccessDeniedException', 'x', 403),
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      new Error('Region is missing'),
      Object.assign(new Error('getaddrinfo ENOTFOUND servicecatalog.nowhere.amazonaws.com'), { code: 'ENOTFOUND' }),
    ]) {
      expect(isTransientError(toServiceErrorInfo(error))).toBe(false);
    }
  });

  it('reads the original error back from the SDK\'s wrapper of a cross-realm socket error', () => {
    const info = toServiceErrorInfo(new Error('AWS SDK error wrapper for TimeoutError: read ECONNRESET'));
    expect(info).toMatchObject({ name: 'TimeoutError', message: 'read ECONNRESET', code: 'ECONNRESET' });
    expect(isTransientError(info)).toBe(true);
    expect(toServiceErrorInfo(new Error('AWS SDK error wrapper for Error: write EPIPE'))).toMatchObject({ name: 'Error', code: 'EPIPE' });
    expect(isTransientError(toServiceErrorInfo(new Error('AWS SDK error wrapper for Error: write EPIPE')))).toBe(true);
  });
});
