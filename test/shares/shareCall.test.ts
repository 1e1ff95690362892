// The share call's retry and error mapping, with a scripted client (unit level; the integration tests
// drive the real SDK against the simulator).
import { ApiError, WaitAbortedError } from '../../src/errors.js';
import { PortfolioBusyError } from '../../src/shares/errors.js';
import { createPortfolioShareAndWait } from '../../src/shares/portfolioShareAndWait.js';
import { busyDelayMs } from '../../src/shares/shareCall.js';
import { createPortfolioQueue } from '../../src/shares/portfolioQueue.js';
import { DEFAULT_BUSY_RETRY } from '../../src/shares/shareSettings.js';
import { createCapturingLogger } from '../support/capturingLogger.js';
import { createFakeClient, serviceError, status, type Answer } from '../support/fakeClient.js';
import { createFakeTimers } from '../support/fakeTimers.js';

const input = { PortfolioId: 'port-abc123', OrganizationNode: { Value: 'ou-ab12-abcdefgh' } };
const token = { output: { PortfolioShareToken: 'share-test1' } };

function setup(script: Answer[], extra: Record<string, unknown> = {}) {
  const client = createFakeClient(script);
  const timers = createFakeTimers();
  const config = { client, timers, maxWaitTime: 600, queue: createPortfolioQueue(), ...extra };
  return { client, timers, config };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the share call', () => {
  it('busy delays grow 2, 4, 8, 10, 10 s, each drawn from the upper half of its step', () => {
    expect([1, 2, 3, 4, 5].map((n) => busyDelayMs(n, DEFAULT_BUSY_RETRY, () => 0.999999))).toEqual([2, 4, 8, 10, 10].map((s) => expect.closeTo(s * 1000, 0)));
    expect([1, 2, 3].map((n) => busyDelayMs(n, DEFAULT_BUSY_RETRY, () => 0))).toEqual([1000, 2000, 4000]);
  });

  it('retries a transient failure of the call after the per-call back-off, logging it', async () => {
    const { logger, lines } = createCapturingLogger();
    const { client, timers, config } = setup([{ error: serviceError('ThrottlingException', 'Rate exceeded') }, token, status('COMPLETED')], { logger });
    const result = await createPortfolioShareAndWait(config, input);
    expect(result).toMatchObject({ kind: 'token', status: 'COMPLETED', callAttempts: 2, busySeconds: 0 });
    expect(timers.sleeps[0]).toBe(200);
    expect(client.calls).toHaveLength(3);
    expect(lines.some((line) => line.msg === 'share call failed transiently; retrying')).toBe(true);
  });

  it('gives up on transient failures after retry.retries with ApiError naming the call', async () => {
    const { config } = setup([{ error: serviceError('ServiceUnavailable', 'try later', 503) }], { retry: { retries: 1 } });
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ServiceUnavailable', attempts: 2, httpStatusCode: 503 });
  });

  it('a transient failure at the deadline is not retried', async () => {
    const { client, timers, config } = setup([{ error: serviceError('ThrottlingException', 'Rate exceeded') }], { maxWaitTime: 1 });
    timers.advance(0);
    const promise = createPortfolioShareAndWait(config, input);
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(ApiError);
    // 0.2, 0.4 s back-offs fit in the second, the third (0.8 s) is cut to the deadline, then no more.
    expect(timers.now()).toBe(1000);
    expect(client.calls.length).toBe(4);
  });

  it.each([
    ['AccessDeniedException', 403, /call from the account that owns the portfolio/],
    ['InvalidParametersException', 400, /node must be in the organization/],
    ['OperationNotSupportedException', 400, /EnableAWSOrganizationsAccess/],
    ['DuplicateResourceException', 400, /check the error and try again/],
  ])('%s fails at once with a hint', async (name, httpStatus, hint) => {
    const { client, config } = setup([{ error: serviceError(name, 'refused', httpStatus) }]);
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(hint);
    expect(client.calls).toHaveLength(1);
  });

  it('a connection that cannot be made: ApiError saying to check the endpoint, after the per-call retries', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const { config } = setup([{ error: refused }], { retry: { retries: 0 } });
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect((error as Error).message).toMatch(/could not connect: check the endpoint/);
  });

  it('a thrown value that is not an Error still becomes an ApiError', async () => {
    const { config } = setup([() => Promise.reject('plain string')]);
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect(error).toMatchObject({ name: 'ApiError', serviceMessage: 'plain string' });
  });

  it('an abort during the busy back-off rejects with WaitAbortedError at once', async () => {
    const controller = new AbortController();
    const { client, config } = setup([{ error: serviceError('InvalidStateException', 'busy') }], { abortSignal: controller.signal });
    config.timers.sleep = async (_ms, signal) => {
      controller.abort(new Error('stop'));
      signal?.throwIfAborted();
    };
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toMatchObject({ token: '', cause: new Error('stop') });
    expect(client.calls).toHaveLength(1);
  });

  it('the not-found grace of the wait counts from the share call, not from the start of the wait', async () => {
    const times: number[] = [];
    const timers = createFakeTimers();
    const notFound = serviceError('ResourceNotFoundException', 'no such share');
    const inner = createFakeClient([
      // A slow call: the service answers 5 s after it was sent.
      async () => {
        timers.advance(5000);
        return { PortfolioShareToken: 'share-test1' };
      },
      { error: notFound },
    ]);
    const client = { calls: inner.calls, send: (command: unknown, options?: { abortSignal?: AbortSignal }) => (times.push(timers.now()), inner.send(command, options)) };
    const error = await rejection(createPortfolioShareAndWait({ client, timers, maxWaitTime: 600, notFoundGraceSeconds: 6, queue: createPortfolioQueue() }, input));
    expect(error).toMatchObject({ name: 'ApiError', serviceErrorName: 'ResourceNotFoundException' });
    const describes = times.slice(1);
    expect(describes[0]).toBe(5000);
    expect(describes.at(-1)).toBeGreaterThanOrEqual(6000);
    expect(describes.at(-2)).toBeLessThan(6000);
  });

  it('an organization-node share answered without a token: ApiError UnexpectedResponseError', async () => {
    const { config } = setup([{ output: {} }]);
    await expect(createPortfolioShareAndWait(config, input)).rejects.toMatchObject({ name: 'ApiError', serviceErrorName: 'UnexpectedResponseError' });
  });

  it('PortfolioBusyError carries the InvalidStateException as its cause and serializes its fields', async () => {
    const { config } = setup([{ error: serviceError('InvalidStateException', 'busy') }], { maxWaitTime: 5, busyRetry: { minDelay: 1, maxDelay: 1 } });
    const error = await rejection(createPortfolioShareAndWait(config, input));
    expect(error).toBeInstanceOf(PortfolioBusyError);
    expect((error as PortfolioBusyError).cause).toMatchObject({ name: 'InvalidStateException' });
    expect((error as PortfolioBusyError).toJSON()).toEqual({
      name: 'PortfolioBusyError',
      code: 'PORTFOLIO_BUSY',
      message: expect.stringMatching(/refused \d+ time\(s\) with InvalidStateException/),
      portfolioId: 'port-abc123',
      action: 'CREATE',
      busySeconds: 5,
      callAttempts: expect.any(Number),
      elapsedSeconds: 5,
      maxWaitTime: 5,
    });
  });
});
