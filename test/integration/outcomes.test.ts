import { DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import {
  ApiError,
  ShareCompletedWithErrorsError,
  ShareFailedError,
  WaitAbortedError,
  WaitTimeoutError,
} from '../../src/errors.js';
import { getPortfolioShareStatus } from '../../src/getPortfolioShareStatus.js';
import { realTimers } from '../../src/timers.js';
import type { StatusChangeEvent } from '../../src/types.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { PRODUCTION_OU, rejection, SANDBOX_OU, scenarioWith, startWaiterHarness, type WaiterHarness } from './harness.js';

// One test per row of DESIGN §2, each over real HTTP to the simulator with a real SDK client.
describe('waitUntilPortfolioShareComplete against the simulator', () => {
  let h: WaiterHarness;
  afterEach(async () => h.close());

  it('COMPLETED: resolves with the final description, reporting progress on the way', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { defaultDurationSeconds: 600, notStartedSeconds: 5 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const events: StatusChangeEvent[] = [];
    const result = await waitUntilPortfolioShareComplete(
      { clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 900, onStatusChange: (event) => events.push(event) },
      { PortfolioShareToken: token },
    );
    expect(result).toMatchObject({
      status: 'COMPLETED',
      token,
      organizationNodeValue: PRODUCTION_OU,
      shareDetails: { SuccessfulShares: ['222222222222', '333333333333', '444444444444'], ShareErrors: [] },
      duplicateAccounts: [],
    });
    expect(result.portfolioId).toMatch(/^port-/);
    // A ten-minute share, seen within one capped delay of its end.
    expect(result.elapsedSeconds).toBeGreaterThanOrEqual(600);
    expect(result.elapsedSeconds).toBeLessThanOrEqual(609);
    expect(result.attempts).toBe(h.describes().length);
    expect(events.map((event) => event.status)).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED']);
  });

  it('NOT_STARTED / IN_PROGRESS: keeps polling on a schedule bounded by minDelay and maxDelay', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { defaultDurationSeconds: 300 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    await waitUntilPortfolioShareComplete({ client: h.client, timers: h.timers, maxWaitTime: 900, minDelay: 2, maxDelay: 5 }, { PortfolioShareToken: token });
    const times = h.describes().map((entry) => entry.time);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5000);
  });

  it('ResourceNotFound for the first describes after create, then COMPLETED: resolves within the grace window', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { notFoundDescribes: 3 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result.status).toBe('COMPLETED');
    const outcomes = h.describes().map((entry) => entry.outcome);
    expect(outcomes.slice(0, 3)).toEqual(['ResourceNotFoundException', 'ResourceNotFoundException', 'ResourceNotFoundException']);
    expect(outcomes.at(-1)).toBe('ok');
    const firstFound = h.describes()[3];
    expect(firstFound).toBeDefined();
    expect(((firstFound?.time ?? Infinity) - (h.describes()[0]?.time ?? 0)) / 1000).toBeLessThan(30);
  });

  it('ResourceNotFound after the grace window: rejects with ApiError carrying the request id', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { notFoundDescribes: 1000 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const error = await rejection(waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300, notFoundGraceSeconds: 10 }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', serviceErrorName: 'ResourceNotFoundException', httpStatusCode: 400, token });
    expect((error as ApiError).requestId).toEqual(expect.any(String));
    expect((error as ApiError).requestId?.length).toBeGreaterThan(0);
    expect((error as ApiError).elapsedSeconds).toBeGreaterThanOrEqual(10);
    expect((error as ApiError).elapsedSeconds).toBeLessThan(20);
  });

  it('ValidationException (the service refuses the request): rejects with ApiError at once', async () => {
    h = await startWaiterHarness();
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    // The waiter refuses bad tokens itself, so corrupt the request on its way out, as a broken proxy would.
    h.client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { PortfolioShareToken?: string };
        input.PortfolioShareToken = 'not a valid token!';
        return next(args);
      },
      { step: 'initialize', name: 'corruptToken' },
    );
    const error = await rejection(waitUntilPortfolioShareComplete({ client: h.client, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ValidationException', httpStatusCode: 400, attempts: 1 });
    expect((error as ApiError).serviceMessage).toContain('validation error');
    expect((error as ApiError).requestId).toEqual(expect.any(String));
    expect(h.describes()).toHaveLength(1);
  });

  it('COMPLETED_WITH_ERRORS with one throttled account: rejects with throttledAccounts and says to re-create the share', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '333333333333': { shareError: 'ThrottlingException', message: 'Rate exceeded' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const error = await rejection(waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
    expect(error).toMatchObject({
      code: 'SHARE_COMPLETED_WITH_ERRORS',
      status: 'COMPLETED_WITH_ERRORS',
      token,
      organizationNodeValue: PRODUCTION_OU,
      failedAccounts: ['333333333333'],
      throttledAccounts: ['333333333333'],
      shareDetails: {
        SuccessfulShares: ['222222222222', '444444444444'],
        ShareErrors: [{ Accounts: ['333333333333'], Error: 'ThrottlingException', Message: 'Rate exceeded' }],
      },
    });
    expect((error as Error).message).toContain('delete the share and create it again for them');
  });

  it('COMPLETED_WITH_ERRORS with partial success accepted: resolves', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '333333333333': { shareError: 'ThrottlingException' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300, acceptPartialSuccess: true }, { PortfolioShareToken: token });
    expect(result).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['222222222222', '444444444444'] } });
  });

  it('COMPLETED_WITH_ERRORS whose errors are all duplicates: resolves with duplicateAccounts', async () => {
    h = await startWaiterHarness(
      scenarioWith({ accounts: { '222222222222': { shareError: 'DuplicateResourceException' }, '444444444444': { shareError: 'DuplicateResourceException' } } }),
    );
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', duplicateAccounts: ['222222222222', '444444444444'] });
    await expect(
      waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300, tolerateDuplicates: false }, { PortfolioShareToken: token }),
    ).rejects.toBeInstanceOf(ShareCompletedWithErrorsError);
  });

  it('ERROR: rejects with ShareFailedError', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '777777777777': { shareError: 'AccessDeniedException', message: 'Not allowed' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: SANDBOX_OU });
    const error = await rejection(waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(ShareFailedError);
    expect(error).toMatchObject({ code: 'SHARE_FAILED', status: 'ERROR', failedAccounts: ['777777777777'], throttledAccounts: [] });
    expect((error as Error).message).toContain('777777777777: AccessDeniedException "Not allowed"');
  });

  it.each([
    ['throttling', 'throttle', 'fault:throttle', 400],
    ['HTTP 500', 'http500', 'fault:http500', 500],
    ['HTTP 503', 'http503', 'fault:http503', 503],
    ['connection resets', 'reset', 'fault:reset', 0],
  ] as const)('%s on the describe call: retried per call, then resolves (retries visible in the request log)', async (_label, kind, outcome, httpStatus) => {
    h = await startWaiterHarness();
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind, count: 3 });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result.status).toBe('COMPLETED');
    const log = h.describes();
    expect(log.slice(0, 4).map((entry) => [entry.outcome, entry.httpStatus])).toEqual([
      [outcome, httpStatus],
      [outcome, httpStatus],
      [outcome, httpStatus],
      ['ok', 200],
    ]);
    // Per-call retries are not waiter attempts; the back-off (200, 400, 800 ms) ran on the driven clock.
    expect(result.attempts).toBe(log.length - 3);
    expect((log[3]?.time ?? 0) - (log[0]?.time ?? 0)).toBe(1400);
  });

  it('a malformed response body is retried per call like a transient failure', async () => {
    h = await startWaiterHarness();
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'malformed', count: 1 });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result.status).toBe('COMPLETED');
    expect(h.describes()[0]?.outcome).toBe('fault:malformed');
  });

  it('a storm of throttling longer than the per-call retries: keeps polling and still resolves, never early', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { defaultDurationSeconds: 60 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'throttle', count: 12 });
    const result = await waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result.status).toBe('COMPLETED');
    expect(result.elapsedSeconds).toBeGreaterThanOrEqual(60);
    expect(h.describes().filter((entry) => entry.outcome === 'fault:throttle')).toHaveLength(12);
  });

  it('deadline reached: rejects with WaitTimeoutError carrying the last status, after a last check at the deadline', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { defaultDurationSeconds: 3600 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const start = h.clock.now();
    const error = await rejection(waitUntilPortfolioShareComplete({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 120 }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', lastStatus: 'IN_PROGRESS', elapsedSeconds: 120, lastResult: { status: 'IN_PROGRESS', token } });
    expect(h.describes().at(-1)?.time).toBe(start + 120_000);
  });

  it('abort during a long delay: rejects at once from inside the 60 s sleep, clears its timer, and no describe follows', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { defaultDurationSeconds: 3600 } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const controller = new AbortController();
    // Real sleeps: the 60 s delay is a real timer that the abort must clear. Watch the timers created and cleared.
    const created = new Map<unknown, number>();
    const cleared = new Set<unknown>();
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    globalThis.setTimeout = ((handler: () => void, ms?: number) => {
      const handle = realSetTimeout(handler, ms);
      created.set(handle, ms ?? 0);
      return handle;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
      cleared.add(handle);
      realClearTimeout(handle);
    }) as typeof clearTimeout;
    let inLongSleep: () => void = () => {};
    const asleep = new Promise<void>((resolve) => {
      inLongSleep = resolve;
    });
    let longSleep: Promise<unknown> = Promise.resolve();
    const timers = {
      ...realTimers,
      sleep: (ms: number, signal?: AbortSignal) => {
        const sleep = realTimers.sleep(ms, signal);
        if (ms >= 60_000) {
          longSleep = sleep.catch(() => undefined);
          inLongSleep();
        }
        return sleep;
      },
    };
    try {
      const pending = waitUntilPortfolioShareComplete(
        { clientConfig: h.clientConfig, timers, maxWaitTime: 3600, minDelay: 60, abortSignal: controller.signal },
        { PortfolioShareToken: token },
      );
      // Should the wait settle instead of sleeping, fail now rather than by jest's time-out.
      await Promise.race([
        asleep,
        pending.then(
          () => Promise.reject(new Error('the wait resolved before its long sleep')),
          (error: unknown) => Promise.reject(new Error(`the wait rejected before its long sleep: ${String(error)}`)),
        ),
      ]);
      // The abort lands inside the long sleep: its ≥ 60 s timer is alive.
      const alive = [...created].filter(([handle, ms]) => ms >= 60_000 && !cleared.has(handle)).map(([handle]) => handle);
      expect(alive).toHaveLength(1);
      const reason = new Error('operator cancelled');
      controller.abort(reason);
      const error = await rejection(pending);
      expect(error).toBeInstanceOf(WaitAbortedError);
      expect(error).toMatchObject({ code: 'WAIT_ABORTED', lastStatus: 'NOT_STARTED', attempts: 1, cause: reason });
      expect(cleared.has(alive[0])).toBe(true);
      // Had the sleep ended (rather than failed) on the abort, a describe would go out now; give it far
      // more than the few milliseconds a call to 127.0.0.1 takes to reach the simulator.
      await longSleep;
      await new Promise((resolve) => realSetTimeout(resolve, 250));
      expect(h.describes()).toHaveLength(1);
    } finally {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      controller.abort();
    }
  });

  it('credentials missing: rejects with ApiError at once, without waiting', async () => {
    h = await startWaiterHarness();
    const noCredentials = async (): Promise<never> => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    };
    const error = await rejection(
      waitUntilPortfolioShareComplete({ clientConfig: { ...h.clientConfig, credentials: noCredentials }, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: 'share-abcdefghijklm' }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'CredentialsProviderError', attempts: 1 });
    expect((error as Error).message).toContain('configure valid AWS credentials');
    expect(h.describes()).toHaveLength(0);
  });

  it('region missing: rejects with ApiError at once', async () => {
    h = await startWaiterHarness();
    const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const { region: _region, ...noRegion } = h.clientConfig;
      const error = await rejection(
        waitUntilPortfolioShareComplete({ clientConfig: { ...noRegion, endpoint: undefined }, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: 'share-abcdefghijklm' }),
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).serviceMessage).toMatch(/region/i);
      expect((error as Error).message).toContain('set a region');
    } finally {
      for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
    }
  });
});

describe('getPortfolioShareStatus against the simulator', () => {
  let h: WaiterHarness;
  afterEach(async () => h.close());

  it('describes once and resolves whatever the status', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '777777777777': { shareError: 'AccessDeniedException' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: SANDBOX_OU });
    await expect(getPortfolioShareStatus({ clientConfig: h.clientConfig, timers: h.timers }, { PortfolioShareToken: token })).resolves.toMatchObject({
      status: 'NOT_STARTED',
      token,
      attempts: 1,
    });
    h.clock.advance(10_000);
    await expect(getPortfolioShareStatus({ client: h.client }, { PortfolioShareToken: token })).resolves.toMatchObject({
      status: 'ERROR',
      shareDetails: { ShareErrors: [{ Accounts: ['777777777777'], Error: 'AccessDeniedException' }] },
    });
    expect(h.describes()).toHaveLength(2);
  });

  it('lists duplicate accounts when every share error is a duplicate', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '777777777777': { shareError: 'DuplicateResourceException' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const other = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: SANDBOX_OU });
    h.clock.advance(10_000);
    await expect(getPortfolioShareStatus({ client: h.client }, { PortfolioShareToken: token })).resolves.toMatchObject({ duplicateAccounts: [] });
    await expect(getPortfolioShareStatus({ client: h.client }, { PortfolioShareToken: other })).resolves.toMatchObject({
      status: 'ERROR',
      duplicateAccounts: ['777777777777'],
    });
  });

  it('retries transient failures, and rejects with ApiError when they outlast the retries', async () => {
    h = await startWaiterHarness();
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'http503', count: 2 });
    await expect(getPortfolioShareStatus({ clientConfig: h.clientConfig, timers: h.timers }, { PortfolioShareToken: token })).resolves.toMatchObject({ status: 'NOT_STARTED' });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'throttle', count: 10 });
    const error = await rejection(getPortfolioShareStatus({ clientConfig: h.clientConfig, timers: h.timers, retry: { retries: 2 } }, { PortfolioShareToken: token }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ThrottlingException', httpStatusCode: 400 });
    expect(h.describes().map((entry) => entry.outcome)).toEqual(['fault:http503', 'fault:http503', 'ok', 'fault:throttle', 'fault:throttle', 'fault:throttle']);
  });

  it('rejects with ApiError on not-found, without any grace', async () => {
    h = await startWaiterHarness();
    const error = await rejection(getPortfolioShareStatus({ clientConfig: h.clientConfig }, { PortfolioShareToken: 'share-doesnotexist1' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ResourceNotFoundException', token: 'share-doesnotexist1' });
    expect((error as ApiError).requestId).toEqual(expect.any(String));
  });

  it('describes with the same wire call as the SDK command', async () => {
    h = await startWaiterHarness();
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    const direct = await h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: token }));
    const viaHelper = await getPortfolioShareStatus({ client: h.client }, { PortfolioShareToken: token });
    expect(viaHelper.shareDetails).toEqual(direct.ShareDetails);
    expect(viaHelper.status).toBe(direct.Status);
  });
});
