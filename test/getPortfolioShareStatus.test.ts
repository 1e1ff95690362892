import { ApiError, InvalidInputError, WaitAbortedError } from '../src/errors.js';
import { getPortfolioShareStatus } from '../src/getPortfolioShareStatus.js';
import { createFakeClient, serviceError, status } from './support/fakeClient.js';
import { createFakeTimers, hangingSleep } from './support/fakeTimers.js';

const input = { PortfolioShareToken: 'share-test1' };

describe('getPortfolioShareStatus', () => {
  it.each(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ERROR'])('resolves with status %s after one describe', async (value) => {
    const client = createFakeClient([status(value)]);
    await expect(getPortfolioShareStatus({ client, timers: createFakeTimers() }, input)).resolves.toMatchObject({ status: value, attempts: 1, token: 'share-test1' });
    expect(client.calls).toHaveLength(1);
  });

  it('retries transient failures per call, then rejects with ApiError', async () => {
    const throttle = serviceError('ThrottlingException', 'Rate exceeded');
    const client = createFakeClient([{ error: throttle }]);
    const timers = createFakeTimers();
    await expect(getPortfolioShareStatus({ client, timers, retry: { retries: 2 } }, input)).rejects.toMatchObject({
      code: 'API_ERROR',
      serviceErrorName: 'ThrottlingException',
      cause: throttle,
    });
    expect(client.calls).toHaveLength(3);
    expect(timers.sleeps).toEqual([200, 400]);
  });

  it('rejects with ApiError on the first not-found (no grace window)', async () => {
    const client = createFakeClient([{ error: serviceError('ResourceNotFoundException', 'none') }]);
    await expect(getPortfolioShareStatus({ client }, input)).rejects.toBeInstanceOf(ApiError);
  });

  it('rejects bad input before any call', async () => {
    const client = createFakeClient([status('COMPLETED')]);
    await expect(getPortfolioShareStatus({ client }, { PortfolioShareToken: 'bad token' })).rejects.toBeInstanceOf(InvalidInputError);
    expect(client.calls).toHaveLength(0);
  });

  it('rejects with WaitAbortedError when aborted during a back-off', async () => {
    const controller = new AbortController();
    const client = createFakeClient([{ error: serviceError('ThrottlingException', 'Rate exceeded') }]);
    const pending = getPortfolioShareStatus({ client, abortSignal: controller.signal, timers: { ...createFakeTimers(), sleep: hangingSleep } }, input);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toBeInstanceOf(WaitAbortedError);
    expect(client.calls).toHaveLength(1);
  });
});
