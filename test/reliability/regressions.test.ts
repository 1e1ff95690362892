import { getEventListeners } from 'node:events';
import { main } from '../../src/cli/main.js';
import { defaultLibrary, type CliLibrary } from '../../src/cli/library.js';
import { InvalidInputError, WaitTimeoutError, type ApiError } from '../../src/errors.js';
import { defaultDelaySchedule } from '../../src/schedule.js';
import { createManualClock, defaultScenario, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { longTimeout, MAX_TIMER_MS } from '../../src/timers.js';
import type { Logger } from '../../src/logger.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { createSharePool } from '../../src/pool/sharePool.js';
import { createCapturingLogger } from '../support/capturingLogger.js';
import { createFakeClient, status, type Answer } from '../support/fakeClient.js';
import { createFakeTimers } from '../support/fakeTimers.js';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, TEMP_ACCESS_KEY_ID, secretsIn } from '../support/secrets.js';
import { fakeIo, fakeLibrary, ENV } from '../cli/fakes.js';

// The eight broken promises of issue 9, one named test each; every one fails with the fix undone.
const input = { PortfolioShareToken: 'share-regress01' };

/** An answer that arrives after `ms` of real time, or rejects at once when the call is aborted. */
function slowAnswer(ms: number, output: Record<string, unknown>): Answer {
  return (signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ $metadata: { httpStatusCode: 200 }, ...output }), ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
}

describe('issue 9 regressions', () => {
  it('defect 1: maxWaitTime above 24.8 days (2,200,000 s) waits instead of timing out at once, with no TimeoutOverflowWarning', async () => {
    // Real timers: the late-call guard is armed for deadline + 10 s, past what one setTimeout holds.
    const client = createFakeClient([slowAnswer(50, status('COMPLETED').output)]);
    const result = await waitUntilPortfolioShareComplete({ client, maxWaitTime: 2_200_000 }, input);
    expect(result.status).toBe('COMPLETED');
    expect(client.calls).toHaveLength(1);
  });

  it('defect 1: a long timer is chained, not overflowed: it has not fired after 50 ms and can be cancelled', async () => {
    let fired = false;
    const cancel = longTimeout(() => (fired = true), MAX_TIMER_MS * 2 + 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    cancel();
    expect(fired).toBe(false);
  });

  it('defect 1: the CLI `wait --timeout 2200000` waits for the share (exit 0), not exit 3 at once', async () => {
    const sim = await startSimulator({ scenario: { ...defaultScenario, shares: { ...defaultScenario.shares, defaultDurationSeconds: 0.3, notStartedSeconds: 0.1 } } });
    try {
      const token = await createShare(sim);
      const io = fakeIo();
      const code = await main(['wait', token, '--timeout', '2200000', '--min-delay', '0.05', '--max-delay', '0.1', '--endpoint-url', sim.endpoint, '--output', 'json'], { ...ENV, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' }, io, { library: withCredentials(defaultLibrary) });
      expect({ code, outcome: (JSON.parse(io.out()) as { results: Array<{ outcome: string }> }).results[0]?.outcome }).toEqual({ code: 0, outcome: 'completed' });
    } finally {
      await sim.close();
    }
  });

  it.each(['onProgress', 'onStatusChange'] as const)('defect 2: an async %s that rejects is logged at warn and the wait goes on to COMPLETED', async (callback) => {
    const { logger, lines } = createCapturingLogger();
    const client = createFakeClient([status('IN_PROGRESS'), status('COMPLETED')]);
    const rejecting = async (): Promise<void> => {
      await Promise.resolve();
      throw new Error('callback broke');
    };
    const result = await waitUntilPortfolioShareComplete({ client, maxWaitTime: 60, timers: createFakeTimers(), logger, [callback]: rejecting }, input);
    await new Promise((resolve) => setImmediate(resolve));
    expect(result.status).toBe('COMPLETED');
    const warned = lines.filter((line) => line.level === 'warn' && line.msg === `${callback} threw; the wait goes on`);
    expect(warned.length).toBeGreaterThanOrEqual(1);
    expect(warned[0]?.obj.err).toMatchObject({ message: 'callback broke' });
  });

  it('defect 3: a signature error that echoes the session token reaches no output of the CLI (text, JSON, annotations, $GITHUB_OUTPUT, step summary, logs) and no field of the error', async () => {
    const sim = await startSimulator({ clock: createManualClock() });
    try {
      const token = await createShare(sim);
      sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'signatureMismatch', count: 1000 });
      for (const output of ['text', 'json']) {
        const io = fakeIo();
        const env = { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/out', GITHUB_STEP_SUMMARY: '/summary' };
        const code = await main(['wait', token, '--endpoint-url', sim.endpoint, '--output', output, '--log-level', 'debug'], env, io, { library: withCredentials(defaultLibrary) });
        expect(code).toBe(4);
        const everything = [io.out(), io.err(), io.files.get('/out') ?? '', io.files.get('/summary') ?? ''].join('\n');
        expect(everything).toContain('InvalidSignatureException');
        expect(everything).toContain('[REDACTED]');
        expect(secretsIn(everything)).toEqual([]);
      }
      // The library's own error: message, serviceMessage, toJSON(), and the cause it keeps.
      const error = (await waitUntilPortfolioShareComplete({ clientConfig: { ...clientConfigFor(sim) }, maxWaitTime: 5 }, { PortfolioShareToken: token }).catch((e: unknown) => e)) as ApiError;
      expect(error.code).toBe('API_ERROR');
      const causeMessage = (error.cause as Error | undefined)?.message ?? '';
      expect(secretsIn([error.message, error.serviceMessage, JSON.stringify(error), causeMessage, (error.cause as Error | undefined)?.stack ?? ''].join('\n'))).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('defect 4: a client config passed as `client` puts no secret into the error or its JSON', async () => {
    const config = { region: 'us-east-1', credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN } };
    const error = await invalidInput(() => waitUntilPortfolioShareComplete({ client: config as never, maxWaitTime: 60 }, input));
    expect(error.option).toBe('client');
    const json = JSON.stringify(error);
    expect(secretsIn(json)).toEqual([]);
    expect(json).not.toContain('secretAccessKey":"w');
    expect(secretsIn(JSON.stringify(error.received))).toEqual([]);
  });

  it.each([
    ['a bigint maxWaitTime', { maxWaitTime: 10n }],
    ['a circular option', { maxWaitTime: circular() }],
    ['a getter that throws', { maxWaitTime: throwingGetter() }],
  ])('defect 4: %s gives an InvalidInputError that JSON.stringify serializes', async (_what, options) => {
    const error = await invalidInput(() => waitUntilPortfolioShareComplete({ client: createFakeClient([status('COMPLETED')]), ...(options as object) } as never, input));
    expect(error.option).toBe('maxWaitTime');
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'InvalidInputError', code: 'INVALID_INPUT', option: 'maxWaitTime' });
  });

  it('defect 5: 12 waits sharing one AbortSignal add one listener to it and no MaxListenersExceededWarning (the set-up fails the test on any warning)', async () => {
    const controller = new AbortController();
    const counts: number[] = [];
    const client = createFakeClient([
      async () => {
        counts.push(getEventListeners(controller.signal, 'abort').length);
        return { $metadata: {}, ...status('COMPLETED').output };
      },
    ]);
    const waits = Array.from({ length: 12 }, (_, i) =>
      waitUntilPortfolioShareComplete({ client, maxWaitTime: 60, abortSignal: controller.signal, timers: createFakeTimers() }, { PortfolioShareToken: `share-many${i}` }),
    );
    await Promise.all(waits);
    expect(Math.max(...counts)).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('defect 5: the CLI waits for 12 tokens at once with no warning', async () => {
    const library = fakeLibrary();
    const tokens = Array.from({ length: 12 }, (_, i) => `share-cli${i}`);
    // Several tokens go through one share pool (its real code), which shares the CLI's one signal.
    const completed = { send: async () => ({ $metadata: {}, ...status('COMPLETED').output }) };
    const real: CliLibrary = {
      ...library,
      waitUntilPortfolioShareComplete: (config, given) =>
        waitUntilPortfolioShareComplete({ ...config, clientConfig: undefined, client: createFakeClient([status('IN_PROGRESS'), status('COMPLETED')]), timers: createFakeTimers() }, given),
      createSharePool: async (options) => createSharePool({ ...options, clientConfig: undefined, client: completed }),
    };
    const io = fakeIo();
    const code = await main(['wait', ...tokens, '--quiet'], ENV, io, { library: real });
    expect(code).toBe(0);
    expect(io.err()).toBe('');
  });

  it.each([
    ['child() returns undefined', () => undefined],
    ['child() returns {}', () => ({})],
    ['child() throws', () => {
      throw new Error('no child');
    }],
  ])('defect 6: a logger whose %s is refused with InvalidInputError before any call', async (_what, child) => {
    const client = createFakeClient([status('COMPLETED')]);
    const noop = (): void => {};
    const logger = { debug: noop, info: noop, warn: noop, error: noop, child } as unknown as Logger;
    const error = await invalidInput(() => waitUntilPortfolioShareComplete({ client, maxWaitTime: 60, logger }, input));
    expect(error.option).toBe('logger');
    expect(error.message).toContain('child()');
    expect(client.calls).toHaveLength(0);
  });

  it('defect 6: a logger whose methods all throw cannot turn a COMPLETED share into a rejection', async () => {
    const boom = (): never => {
      throw new Error('log sink broken');
    };
    const logger: Logger = { debug: boom, info: boom, warn: boom, error: boom, child: () => logger };
    const client = createFakeClient([status('IN_PROGRESS'), status('COMPLETED')]);
    const result = await waitUntilPortfolioShareComplete({ client, maxWaitTime: 60, logger, timers: createFakeTimers(), onProgress: boom }, input);
    expect(result.status).toBe('COMPLETED');
  });

  it('defect 7: the CLI reports a token containing a newline on one line, escaped', async () => {
    const io = fakeIo();
    const code = await main(['wait', 'share-a\nb\rc'], ENV, io, { library: fakeLibrary() });
    expect(code).toBe(2);
    expect(io.err().split('\n')).toEqual([String.raw`error: invalid share token 'share-a\nb\rc': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)`, "Run 'portfolio-share wait --help' for usage.", '']);
  });

  it.each([
    ['minDelay 0', { minDelay: 0 }],
    ['a negative minDelay', { minDelay: -1 }],
    ['a NaN maxDelay', { maxDelay: Number.NaN }],
    ['minDelay above maxDelay', { minDelay: 5, maxDelay: 1 }],
    ['jitter 1', { jitter: 1 }],
    ['exponent 0', { exponent: 0 }],
    ['exponent 2', { exponent: 2 }],
    ['coefficient 0', { coefficient: 0 }],
    ['a tiny minDelay for a long horizon', { minDelay: 1e-9 }],
  ])('defect 8: defaultDelaySchedule(10, %s) throws InvalidInputError at once instead of never ending', (_what, options) => {
    expect(() => defaultDelaySchedule(10, options)).toThrow(InvalidInputError);
  });

  it('defect 8: defaultDelaySchedule refuses an infinite horizon', () => {
    expect(() => defaultDelaySchedule(Number.POSITIVE_INFINITY)).toThrow(InvalidInputError);
  });

  it('the timeout still comes: a share that never finishes with a huge maxWaitTime ends in WaitTimeoutError on the driven clock', async () => {
    const client = createFakeClient([status('IN_PROGRESS')]);
    const error = await waitUntilPortfolioShareComplete({ client, maxWaitTime: 3_000_000, minDelay: 20_000, maxDelay: 100_000, timers: createFakeTimers() }, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
  });
});

/** The InvalidInputError a call rejects with (the waiter validates before any call, then rejects). */
async function invalidInput(run: () => Promise<unknown>): Promise<InvalidInputError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof InvalidInputError) return error;
  throw new Error(`expected InvalidInputError, got ${String(error)}`);
}

function circular(): unknown {
  const value: Record<string, unknown> = { seconds: 10 };
  value.self = value;
  return value;
}

function throwingGetter(): unknown {
  return {
    get seconds(): number {
      throw new Error('no');
    },
  };
}

function clientConfigFor(sim: RunningSimulator): { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string } } {
  return { endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: TEMP_ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN } };
}

/** The real library, with temporary credentials (a session token to echo) instead of the environment's. */
function withCredentials(library: CliLibrary): CliLibrary {
  const credentials = { accessKeyId: TEMP_ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN };
  return {
    ...library,
    waitUntilPortfolioShareComplete: (config, given) => library.waitUntilPortfolioShareComplete({ ...config, clientConfig: { ...config.clientConfig, credentials } }, given),
    getPortfolioShareStatus: (config, given) => library.getPortfolioShareStatus({ ...config, clientConfig: { ...config.clientConfig, credentials } }, given),
  };
}

async function createShare(sim: RunningSimulator): Promise<string> {
  const { CreatePortfolioShareCommand, ServiceCatalogClient } = await import('@aws-sdk/client-service-catalog');
  const client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  try {
    const share = await client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }));
    return share.PortfolioShareToken ?? '';
  } finally {
    client.destroy();
  }
}
