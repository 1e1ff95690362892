import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/types.js';
import { createSharePool } from '../../src/pool/sharePool.js';
import type { PoolOutcome } from '../../src/pool/types.js';
import { benchAccount, benchPortfolio, benchScenario } from '../../bench/lib/benchScenario.js';
import { maxInWindow } from '../pool/poolClock.js';

const credentials = { accessKeyId: 'AKIDPOOLTEST', secretAccessKey: 'pool-test' };
const DURATIONS = [1, 1.5, 2, 2.5, 3, 1, 2, 3, 1.2, 2.2, 1.8, 2.8];

describe('the share pool against the simulator (real SDK over HTTP, real clock)', () => {
  let simulator: RunningSimulator;
  let client: ServiceCatalogClient;
  let tokens: string[];

  beforeAll(async () => {
    const scenario = benchScenario(DURATIONS, DURATIONS.length);
    scenario.accounts = { [benchAccount(3)]: { shareError: 'AccessDeniedException' } };
    simulator = await startSimulator({ scenario, seed: 11 });
    client = new ServiceCatalogClient({ endpoint: simulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    tokens = [];
    for (let i = 0; i < DURATIONS.length; i += 1) {
      const created = await client.send(new CreatePortfolioShareCommand({ PortfolioId: benchPortfolio(i), OrganizationNode: { Type: 'ACCOUNT', Value: benchAccount(i) } }));
      tokens.push(created.PortfolioShareToken ?? '');
    }
    simulator.clearRequests();
  });

  afterAll(async () => {
    client.destroy();
    await simulator.close();
  });

  it('waits for every token under the budget and streams typed outcomes', async () => {
    const pool = createSharePool({
      clientConfig: { endpoint: simulator.endpoint, region: 'us-east-1', credentials },
      maxCallsPerSecond: 8,
      maxConcurrentCalls: 4,
      schedule: 'low-lag',
      minDelay: 0.3,
    });
    const stream = pool.results();
    for (const token of tokens) pool.add(token);
    pool.add('share-doesnotexist1', { notFoundGraceSeconds: 0 });
    pool.end();
    const outcomes: PoolOutcome[] = [];
    for await (const outcome of stream) outcomes.push(outcome);
    pool.close();

    expect(outcomes).toHaveLength(DURATIONS.length + 1);
    const byToken = new Map(outcomes.map((o) => [o.token, o]));
    for (const [i, token] of tokens.entries()) {
      const outcome = byToken.get(token);
      if (i === 3) expect(outcome).toMatchObject({ ok: false, error: { name: 'ShareFailedError', failedAccounts: [benchAccount(3)] } });
      else expect(outcome).toMatchObject({ ok: true, result: { status: 'COMPLETED', token } });
    }
    expect(byToken.get('share-doesnotexist1')).toMatchObject({ ok: false, error: { name: 'ApiError', serviceErrorName: 'ResourceNotFoundException' } });
    const describes = simulator.requests().filter((r) => r.operation === 'DescribePortfolioShareStatus');
    expect(describes.length).toBe(pool.stats().calls);
    expect(maxInWindow(describes.map((r) => r.time))).toBeLessThanOrEqual(8);
  });

  it('aborts one wait without touching the others', async () => {
    const pool = createSharePool({ client, maxCallsPerSecond: 20 });
    const controller = new AbortController();
    const aborted = pool.wait(tokens[0] ?? '', { abortSignal: controller.signal });
    const other = pool.wait(tokens[1] ?? '');
    controller.abort(new Error('not needed'));
    await expect(aborted).rejects.toMatchObject({ name: 'WaitAbortedError' });
    await expect(other).resolves.toMatchObject({ status: 'COMPLETED' });
    pool.close();
  });

  // The hung-call guard over real HTTP: the simulator's latency fault holds the first describe for ten
  // minutes (a connection that never answers); the pool must give up on it after callTimeout, free the
  // slot and check again, for its own client (whose requestTimeout it sets) and for the caller's client
  // (which has no request timeout at all: only the pool's abort can cut the call).
  const HANG = { operation: 'DescribePortfolioShareStatus', kind: 'latency', latencyMs: 600_000, count: 1 } as const;

  it('gives up on a describe that never answers and checks again (a client the pool creates)', async () => {
    const pool = createSharePool({
      clientConfig: { endpoint: simulator.endpoint, region: 'us-east-1', credentials },
      maxConcurrentCalls: 1,
      callTimeout: 0.5,
      minDelay: 0.3,
    });
    simulator.injectFault({ ...HANG });
    const hungFirst = pool.wait(tokens[0] ?? '');
    const other = pool.wait(tokens[1] ?? '');
    await expect(hungFirst).resolves.toMatchObject({ status: 'COMPLETED', attempts: 2 });
    await expect(other).resolves.toMatchObject({ status: 'COMPLETED' });
    expect(pool.stats()).toMatchObject({ timedOutCalls: 1, inFlight: 0 });
    pool.close();
  });

  it('aborts a hung describe of the caller\'s client (no request timeout of its own) and checks again', async () => {
    const own = new ServiceCatalogClient({ endpoint: simulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    const pool = createSharePool({ client: own, maxConcurrentCalls: 1, callTimeout: 0.5, minDelay: 0.3 });
    simulator.injectFault({ ...HANG });
    simulator.clearRequests();
    await expect(pool.wait(tokens[2] ?? '')).resolves.toMatchObject({ status: 'COMPLETED', attempts: 2 });
    expect(pool.stats()).toMatchObject({ timedOutCalls: 1, inFlight: 0 });
    // The simulator logs a call when it answers: only the second was answered, the first never was.
    const describes = simulator.requests().filter((r) => r.operation === 'DescribePortfolioShareStatus');
    expect(describes).toMatchObject([{ outcome: 'ok' }]);
    pool.close();
    own.destroy();
  });
});
