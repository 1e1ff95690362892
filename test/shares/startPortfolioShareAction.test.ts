// The share calls without waiting, over real HTTP against the simulator.
import { InvalidInputError, WaitAbortedError } from '../../src/errors.js';
import { createPortfolioQueue } from '../../src/shares/portfolioQueue.js';
import { startPortfolioShareCreate, startPortfolioShareDelete, startPortfolioShareUpdate } from '../../src/shares/startPortfolioShareAction.js';
import type { ShareCallConfiguration } from '../../src/shares/types.js';
import { rejection, SANDBOX_OU, startWaiterHarness, type WaiterHarness } from '../integration/harness.js';

const PORTFOLIO = 'port-examplepf0001';

describe('startPortfolioShareCreate / Update / Delete', () => {
  let h: WaiterHarness;
  afterEach(async () => h.close());
  const config = (extra: Partial<ShareCallConfiguration> = {}): ShareCallConfiguration => ({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 600, queue: createPortfolioQueue(), ...extra });

  it('each resolves with the token and the request at once; a second action on the busy portfolio is retried until the first is done', async () => {
    h = await startWaiterHarness();
    const node = { Value: SANDBOX_OU };
    const created = await startPortfolioShareCreate(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node });
    expect(created).toMatchObject({ action: 'CREATE', portfolioId: PORTFOLIO, token: expect.stringMatching(/^share-/), callAttempts: 1, busySeconds: 0, calledAt: h.clock.now() });
    const updated = await startPortfolioShareUpdate(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node, ShareTagOptions: true });
    expect(updated.callAttempts).toBeGreaterThan(1);
    expect(updated.busySeconds).toBeGreaterThan(0);
    expect(updated.request).toEqual({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: SANDBOX_OU }, ShareTagOptions: true });
    const deleted = await startPortfolioShareDelete(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node });
    expect(deleted).toMatchObject({ action: 'DELETE', token: expect.stringMatching(/^share-/) });
  });

  it('an AccountId share has no token', async () => {
    h = await startWaiterHarness();
    await expect(startPortfolioShareCreate(config(), { PortfolioId: PORTFOLIO, AccountId: '777777777777' })).resolves.toMatchObject({ token: undefined, callAttempts: 1 });
  });

  it('refuses bad options before any call', async () => {
    h = await startWaiterHarness();
    const input = { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } };
    for (const [extra, option] of [
      [{ maxWaitTime: 0 }, 'maxWaitTime'],
      [{ maxWaitTime: undefined }, 'maxWaitTime'],
      [{ busyRetry: { factor: 0.5 } }, 'busyRetry.factor'],
      [{ logger: {} }, 'logger'],
    ] as const) {
      const error = await rejection(startPortfolioShareCreate(config(extra as never), input));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ option });
    }
    expect(h.sim.requests()).toEqual([]);
  });

  it('an unknown portfolio: ApiError; an abort during the busy back-off: WaitAbortedError', async () => {
    h = await startWaiterHarness();
    await expect(startPortfolioShareCreate(config(), { PortfolioId: 'port-nope', AccountId: '777777777777' })).rejects.toMatchObject({ name: 'ApiError', serviceErrorName: 'ResourceNotFoundException' });
    h.sim.holdPortfolioBusy(PORTFOLIO, 60);
    const controller = new AbortController();
    const timers = { ...h.timers, sleep: async (_ms: number, signal?: AbortSignal) => {
      controller.abort(new Error('stop'));
      signal?.throwIfAborted();
    } };
    const error = await rejection(startPortfolioShareCreate(config({ timers, abortSignal: controller.signal }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } }));
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toMatchObject({ attempts: 1 });
  });

  it('an abort while queued: WaitAbortedError and no call', async () => {
    h = await startWaiterHarness();
    const queue = createPortfolioQueue();
    let release!: () => void;
    const holding = queue.run(PORTFOLIO, () => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const started = startPortfolioShareCreate(config({ queue, abortSignal: controller.signal }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } });
    controller.abort(new Error('stop'));
    const error = await rejection(started);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as Error).message).toMatch(/^Stopped CreatePortfolioShare of portfolio port-examplepf0001 with ou-ab12-sandbox1 after/);
    release();
    await holding;
    expect(h.sim.requests()).toEqual([]);
  });
});
