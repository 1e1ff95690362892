// Waiting for an AccountId share with a scripted client: the paths the simulator does not produce on its own.
import { ApiError } from '../../src/errors.js';
import { ShareNotRemovedError } from '../../src/shares/errors.js';
import { createPortfolioQueue } from '../../src/shares/portfolioQueue.js';
import { createPortfolioShareAndWait, deletePortfolioShareAndWait } from '../../src/shares/portfolioShareAndWait.js';
import { createCapturingLogger } from '../support/capturingLogger.js';
import { createFakeClient, serviceError, type Answer } from '../support/fakeClient.js';
import { createFakeTimers } from '../support/fakeTimers.js';

const input = { PortfolioId: 'port-abc123', AccountId: '777777777777' };
const listed = (accepted: boolean, extra: Record<string, unknown> = {}): Answer => ({
  output: { PortfolioShareDetails: [{ PrincipalId: '777777777777', Type: 'ACCOUNT', Accepted: accepted }], ...extra },
});

function setup(script: Answer[], extra: Record<string, unknown> = {}) {
  const client = createFakeClient(script);
  const { logger, lines } = createCapturingLogger();
  const timers = createFakeTimers();
  return { client, lines, timers, config: { client, timers, logger, maxWaitTime: 60, queue: createPortfolioQueue(), ...extra } };
}

describe('waiting for an AccountId share', () => {
  it('retries a throttled DescribePortfolioShares, and follows an empty NextPageToken as the last page', async () => {
    const { client, config } = setup([{ output: {} }, { error: serviceError('ThrottlingException', 'Rate exceeded') }, { output: { PortfolioShareDetails: [], NextPageToken: '' } }, listed(true)]);
    const result = await createPortfolioShareAndWait(config, input);
    expect(result).toMatchObject({ kind: 'account', accepted: true, attempts: 2 });
    expect(client.calls.map((c) => c.input)).toEqual([
      input,
      expect.objectContaining({ PortfolioId: 'port-abc123', Type: 'ACCOUNT', PageSize: 100 }),
      expect.objectContaining({ Type: 'ACCOUNT' }),
      expect.objectContaining({ Type: 'ACCOUNT', PageToken: undefined }),
    ]);
  });

  it('checks again later when a describe fails transiently after its retries, logging it', async () => {
    const { lines, config } = setup([{ output: {} }, { error: serviceError('ServiceUnavailable', 'down', 503) }, listed(true)], { retry: { retries: 0 } });
    await expect(createPortfolioShareAndWait(config, input)).resolves.toMatchObject({ accepted: true, attempts: 2 });
    expect(lines.some((line) => line.level === 'warn' && line.msg === 'DescribePortfolioShares failed after its retries; checking again later')).toBe(true);
  });

  it('a describe retry is not started past the deadline', async () => {
    const { client, config } = setup([{ output: {} }, { error: serviceError('ThrottlingException', 'Rate exceeded') }], { maxWaitTime: 0.1 });
    await expect(createPortfolioShareAndWait(config, input)).rejects.toMatchObject({ code: 'SHARE_NOT_ACCEPTED', attempts: expect.any(Number) });
    expect(client.calls.length).toBeGreaterThan(1);
  });

  it('rejects with ApiError naming DescribePortfolioShares when it fails for good', async () => {
    const { config } = setup([{ output: {} }, { error: serviceError('AccessDeniedException', 'no', 403) }]);
    const error = await createPortfolioShareAndWait(config, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/^DescribePortfolioShares of portfolio port-abc123 failed with AccessDeniedException: no \(request id req-AccessDeniedException\)/);
  });

  it('an error without request metadata, and an abort during a describe', async () => {
    const bare = new Error('denied');
    bare.name = 'AccessDeniedException';
    const first = setup([{ output: {} }, { error: bare }]);
    await expect(createPortfolioShareAndWait(first.config, input)).rejects.toMatchObject({ name: 'ApiError', message: expect.stringMatching(/failed with AccessDeniedException: denied; check/) });
    const controller = new AbortController();
    const aborting: Answer = () => {
      controller.abort(new Error('stop'));
      return Promise.reject(serviceError('ThrottlingException', 'Rate exceeded'));
    };
    const second = setup([{ output: {} }, aborting], { abortSignal: controller.signal });
    await expect(createPortfolioShareAndWait(second.config, input)).rejects.toMatchObject({ name: 'WaitAbortedError', cause: new Error('stop') });
  });

  it('a deleted share still listed at the deadline: ShareNotRemovedError', async () => {
    const { config } = setup([{ output: {} }, listed(true)]);
    const error = await deletePortfolioShareAndWait(config, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareNotRemovedError);
    expect(error).toMatchObject({ code: 'SHARE_NOT_REMOVED', accountId: '777777777777', elapsedSeconds: 60 });
  });

  it('an abort during the wait for acceptance rejects with WaitAbortedError', async () => {
    const controller = new AbortController();
    const { config, timers } = setup([{ output: {} }, listed(false)], { abortSignal: controller.signal });
    timers.sleep = async (_ms, signal) => {
      controller.abort(new Error('stop'));
      signal?.throwIfAborted();
    };
    await expect(createPortfolioShareAndWait(config, input)).rejects.toMatchObject({ name: 'WaitAbortedError', token: '' });
  });
});
