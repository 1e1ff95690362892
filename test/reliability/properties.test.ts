import { WaiterState } from '@smithy/util-waiter';
import fc from 'fast-check';
import { accept, type AcceptorContext } from '../../src/acceptor.js';
import { parseCommandLine } from '../../src/cli/parse.js';
import { InvalidInputError, WaitTimeoutError } from '../../src/errors.js';
import { ORGANIZATIONAL_UNIT_ID_PATTERN, ORGANIZATION_ID_PATTERN, parseOrganizationNode } from '../../src/organizationNode.js';
import { computeDelay, DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS, defaultDelaySchedule, type DelayScheduleOptions } from '../../src/schedule.js';
import { inputShapes } from '../../src/simulator/shapes.js';
import { validateInput } from '../../src/simulator/validation.js';
import { isValidToken } from '../../src/token.js';
import { validateCheckConfiguration, validateWaiterConfiguration } from '../../src/validate.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { createFakeClient, status } from '../support/fakeClient.js';
import { createFakeTimers } from '../support/fakeTimers.js';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, SIGNATURE, TEMP_ACCESS_KEY_ID, secretsIn, signatureMismatchMessage } from '../support/secrets.js';

// Properties of issue 9, 1,000 generated cases each. fast-check prints the seed and the shrunk
// counter-example of a failure; rerun it with fc.assert(…, { seed, path }).
const RUNS = { numRuns: 1000 };
const DUPLICATE = 'DuplicateResourceException';
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ERROR'] as const;

describe('property: the acceptor never turns a non-terminal or failed status into success', () => {
  const shareError = fc.record(
    { Accounts: fc.oneof(fc.array(fc.stringMatching(/^\d{12}$/)), fc.anything()), Error: fc.oneof(fc.constantFrom(DUPLICATE, 'ThrottlingException', 'AccessDenied'), fc.anything()), Message: fc.anything() },
    { requiredKeys: [] },
  );
  const shareDetails = fc.oneof(
    fc.anything(),
    fc.record({ SuccessfulShares: fc.oneof(fc.array(fc.string()), fc.anything()), ShareErrors: fc.oneof(fc.array(fc.oneof(shareError, fc.anything())), fc.anything()) }, { requiredKeys: [] }),
  );
  const output = fc.record(
    { Status: fc.oneof(fc.constantFrom(...STATUSES), fc.anything()), ShareDetails: shareDetails, PortfolioId: fc.anything(), OrganizationNodeValue: fc.anything() },
    { requiredKeys: [] },
  );
  const context: fc.Arbitrary<AcceptorContext> = fc.record({
    elapsedSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }),
    notFoundGraceSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }),
    acceptPartialSuccess: fc.boolean(),
    tolerateDuplicates: fc.boolean(),
    transientFailure: fc.constantFrom('retry' as const, 'fail' as const),
    firstCheck: fc.boolean(),
  });

  /** The rule of DESIGN §2, stated on the raw answer. */
  function mayResolve(out: Record<string, unknown>, ctx: AcceptorContext): boolean {
    if (out.Status === 'COMPLETED') return true;
    if (out.Status !== 'COMPLETED_WITH_ERRORS') return false;
    if (ctx.acceptPartialSuccess) return true;
    const details = out.ShareDetails;
    const errors = typeof details === 'object' && details !== null && Array.isArray((details as { ShareErrors?: unknown }).ShareErrors) ? ((details as { ShareErrors: unknown[] }).ShareErrors) : [];
    const entries = errors.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
    return ctx.tolerateDuplicates && entries.length > 0 && entries.every((e) => e.Error === DUPLICATE);
  }

  it('for any answer shape: success only for COMPLETED, or COMPLETED_WITH_ERRORS when accepted or all duplicates; pending statuses retry; ERROR fails', () => {
    fc.assert(
      fc.property(output, context, (out, ctx) => {
        const verdict = accept({ output: out }, ctx);
        if (verdict.state === WaiterState.SUCCESS) expect(mayResolve(out, ctx)).toBe(true);
        if (out.Status === 'NOT_STARTED' || out.Status === 'IN_PROGRESS') expect(verdict.state).toBe(WaiterState.RETRY);
        if (out.Status === 'ERROR') expect(verdict.state).toBe(WaiterState.FAILURE);
        if (!(STATUSES as readonly unknown[]).includes(out.Status)) expect(verdict.state).toBe(WaiterState.FAILURE);
      }),
      RUNS,
    );
  });

  it('for any thrown value: never success', () => {
    const thrown = fc.oneof(
      fc.anything(),
      fc.record({ name: fc.oneof(fc.constantFrom('ResourceNotFoundException', 'ThrottlingException', 'TimeoutError', 'Error'), fc.string()), message: fc.string(), code: fc.option(fc.constantFrom('ECONNRESET', 'ECONNREFUSED')), $retryable: fc.anything(), $metadata: fc.anything() }),
    );
    fc.assert(
      fc.property(thrown, context, (error, ctx) => {
        expect(accept({ error }, ctx).state).not.toBe(WaiterState.SUCCESS);
      }),
      RUNS,
    );
  });
});

describe('property: the schedule stays within its bounds and the deadline, and refuses what it cannot honour', () => {
  const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof(fc.constant(undefined), valid, fc.double(), fc.anything());
  const options = fc.record(
    {
      minDelay: maybe(fc.double({ min: 0.001, max: 100, noNaN: true })),
      maxDelay: maybe(fc.double({ min: 0.001, max: 1000, noNaN: true })),
      jitter: maybe(fc.double({ min: 0, max: 0.999, noNaN: true })),
      coefficient: maybe(fc.double({ min: 0.001, max: 100, noNaN: true })),
      exponent: maybe(fc.double({ min: 0.001, max: 1, noNaN: true })),
      random: fc.oneof(fc.constant(undefined), fc.double().map((x) => () => x), fc.anything()),
    },
    { requiredKeys: [] },
  );
  const finite = (x: unknown, test: (n: number) => boolean): boolean => x === undefined || (typeof x === 'number' && Number.isFinite(x) && test(x));

  /** The documented option rules, stated independently of schedule.ts. */
  function acceptable(o: Record<string, unknown>): boolean {
    return (
      finite(o.minDelay, (n) => n > 0) &&
      finite(o.maxDelay, (n) => n > 0) &&
      !(typeof o.minDelay === 'number' && typeof o.maxDelay === 'number' && o.minDelay > o.maxDelay) &&
      finite(o.jitter, (n) => n >= 0 && n < 1) &&
      finite(o.coefficient, (n) => n > 0) &&
      finite(o.exponent, (n) => n > 0 && n <= 1) &&
      (o.random === undefined || typeof o.random === 'function')
    );
  }

  /** The bounds a delay must lie in: one bound given alone moves the other default out of its way. */
  function bounds(o: Record<string, unknown>): [number, number] {
    const min = typeof o.minDelay === 'number' ? o.minDelay : Math.min(DEFAULT_MIN_DELAY_SECONDS, typeof o.maxDelay === 'number' ? o.maxDelay : DEFAULT_MIN_DELAY_SECONDS);
    const max = typeof o.maxDelay === 'number' ? o.maxDelay : Math.max(DEFAULT_MAX_DELAY_SECONDS, min);
    return [min, max];
  }

  it('computeDelay: within [minDelay, maxDelay] for every accepted option set and any elapsed time; InvalidInputError for the rest', () => {
    fc.assert(
      fc.property(options, fc.oneof(fc.double(), fc.double({ min: 0, max: 1e7, noNaN: true })), (o, elapsed) => {
        const given = o as DelayScheduleOptions;
        if (!acceptable(o)) {
          expect(() => computeDelay(elapsed, given)).toThrow(InvalidInputError);
          return;
        }
        const [min, max] = bounds(o);
        const delay = computeDelay(elapsed, given);
        expect(delay).toBeGreaterThanOrEqual(min);
        expect(delay).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });

  it('defaultDelaySchedule: ends, each delay within bounds, reaching the horizon with only its last delay', () => {
    fc.assert(
      fc.property(options, fc.oneof(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double()), (o, horizon) => {
        const given = o as DelayScheduleOptions;
        const [min, max] = bounds(o);
        if (!acceptable(o) || !Number.isFinite(horizon) || horizon < 0 || horizon / min > 1_000_000) {
          expect(() => defaultDelaySchedule(horizon, given)).toThrow(InvalidInputError);
          return;
        }
        const delays = defaultDelaySchedule(horizon, given);
        let elapsed = 0;
        delays.forEach((delay, i) => {
          expect(delay).toBeGreaterThanOrEqual(min);
          expect(delay).toBeLessThanOrEqual(max);
          expect(elapsed).toBeLessThan(horizon);
          elapsed += delay;
          if (i === delays.length - 1) expect(elapsed).toBeGreaterThanOrEqual(horizon);
        });
      }),
      RUNS,
    );
  });

  it('a wait: every sleep within [minDelay, maxDelay] except a last one cut short at the deadline, no check after it, then WaitTimeoutError', async () => {
    // The engine sleeps 1 real ms between checks: keep a wait to a few dozen checks (maxWaitTime ≤ 25 minDelay).
    const config = fc
      .record({ checks: fc.double({ min: 0.05, max: 25, noNaN: true }), minDelay: fc.double({ min: 0.2, max: 60, noNaN: true }), spread: fc.double({ min: 1, max: 10, noNaN: true }), r: fc.double({ min: 0, max: 0.9999, noNaN: true }) })
      .map(({ checks, minDelay, spread, r }) => ({ maxWaitTime: checks * minDelay, minDelay, maxDelay: minDelay * spread, r }));
    await fc.assert(
      fc.asyncProperty(config, async ({ maxWaitTime, minDelay, maxDelay, r }) => {
        const checkTimes: number[] = [];
        const timers = createFakeTimers({ random: () => r });
        const client = createFakeClient([
          async () => {
            checkTimes.push(timers.now());
            return { $metadata: {}, ...status('IN_PROGRESS').output };
          },
        ]);
        const error = await waitUntilPortfolioShareComplete({ client, timers, maxWaitTime, minDelay, maxDelay, retry: { retries: 0 } }, { PortfolioShareToken: 'share-prop1' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WaitTimeoutError);
        const deadline = maxWaitTime * 1000;
        const slack = 1e-6;
        timers.sleeps.forEach((ms, i) => {
          expect(ms).toBeLessThanOrEqual(maxDelay * 1000 + slack);
          if (i < timers.sleeps.length - 1) expect(ms).toBeGreaterThanOrEqual(minDelay * 1000 - slack);
        });
        for (const t of checkTimes) expect(t).toBeLessThanOrEqual(deadline + slack);
        expect(checkTimes.at(-1)).toBeCloseTo(deadline, 6);
      }),
      RUNS,
    );
  }, 180_000);
});

describe("property: validation accepts exactly the service's patterns", () => {
  const tokenChars = fc.constantFrom(...'abcXYZ019_-', ' ', '\n', '.', '/', 'é', '\u0000', '+');
  const tokenLike = fc.oneof(fc.string({ unit: tokenChars, maxLength: 110 }), fc.string({ unit: tokenChars, minLength: 95, maxLength: 105 }), fc.string(), fc.string({ unit: 'grapheme' }));

  /** The model's own rule, as the simulator enforces it from botocore's shapes. */
  const serviceAccepts = (operation: string, input: Record<string, unknown>): boolean => {
    try {
      validateInput(input, inputShapes[operation] ?? {});
      return true;
    } catch {
      return false;
    }
  };

  it('PortfolioShareToken: the library, the waiter, the status check and the CLI accept a token exactly when the service model does', () => {
    const client = { send: async () => ({}) };
    fc.assert(
      fc.property(tokenLike, (token) => {
        const service = serviceAccepts('DescribePortfolioShareStatus', { PortfolioShareToken: token });
        expect(isValidToken(token)).toBe(service);
        const waiter = (() => {
          try {
            validateWaiterConfiguration({ client, maxWaitTime: 60 }, { PortfolioShareToken: token });
            return true;
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInputError);
            return false;
          }
        })();
        expect(waiter).toBe(service);
        expect((() => {
          try {
            validateCheckConfiguration({ client }, { PortfolioShareToken: token });
            return true;
          } catch {
            return false;
          }
        })()).toBe(service);
        // `--` so that a token starting with '-' (valid for the service) is not read as an option.
        const parsed = parseCommandLine(['wait', '--', token], { AWS_REGION: 'us-east-1' }, '0.0.0');
        expect(parsed.kind === 'run').toBe(service);
      }),
      RUNS,
    );
  });

  it('organization nodes: o-…, ou-…-… and 12-digit values are accepted exactly when the model pattern matches', () => {
    const lowerDigits = fc.constantFrom(...'abz09', 'A', '-', '_', ' ');
    const node = fc.oneof(
      fc.string({ unit: lowerDigits, minLength: 8, maxLength: 34 }).map((s) => `o-${s}`),
      fc.tuple(fc.string({ unit: lowerDigits, minLength: 3, maxLength: 33 }), fc.string({ unit: lowerDigits, minLength: 7, maxLength: 33 })).map(([a, b]) => `ou-${a}-${b}`),
      fc.string({ unit: fc.constantFrom(...'0123456789', 'a'), minLength: 10, maxLength: 14 }),
      fc.string(),
    );
    fc.assert(
      fc.property(node, fc.constantFrom('ORGANIZATION', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'), (value, type) => {
        const parsed = parseOrganizationNode(value);
        const service = serviceAccepts('CreatePortfolioShare', { PortfolioId: 'port-abc', OrganizationNode: { Type: type, Value: value } });
        expect(parsed.ok).toBe(service);
        if (parsed.ok) {
          const expectedType = ORGANIZATION_ID_PATTERN.test(value) ? 'ORGANIZATION' : ORGANIZATIONAL_UNIT_ID_PATTERN.test(value) ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
          expect(parsed.node.Type).toBe(expectedType);
        }
      }),
      RUNS,
    );
  });
});

describe('property: every InvalidInputError serializes with JSON.stringify and carries no secret', () => {
  const secret = fc.constantFrom(SECRET_ACCESS_KEY, SESSION_TOKEN, ACCESS_KEY_ID, TEMP_ACCESS_KEY_ID, SIGNATURE, signatureMismatchMessage(), `x${'y'.repeat(110)}${SECRET_ACCESS_KEY}`);
  const leaf = fc.oneof(secret, fc.string(), fc.bigInt(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
  const value = fc.anything({ values: [leaf], withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, maxDepth: 4 });
  const credentials = fc.record({ accessKeyId: fc.oneof(secret, value), secretAccessKey: fc.oneof(secret, value), sessionToken: fc.oneof(secret, value) }, { requiredKeys: [] });
  const config = fc.record(
    {
      client: fc.oneof(value, fc.record({ region: fc.string(), credentials })),
      clientConfig: fc.oneof(value, fc.record({ region: fc.string(), credentials })),
      maxWaitTime: fc.oneof(value, fc.bigInt(), fc.constant(10n)),
      minDelay: value,
      maxDelay: value,
      logger: value,
      retry: value,
      timers: value,
      abortSignal: value,
      onProgress: value,
      notFoundGraceSeconds: value,
      acceptPartialSuccess: value,
    },
    { requiredKeys: [] },
  );
  const withCycle = config.map((c) => {
    const cyclic = { ...c } as Record<string, unknown>;
    if (typeof cyclic.maxWaitTime === 'object' && cyclic.maxWaitTime !== null) (cyclic.maxWaitTime as Record<string, unknown>).self = cyclic;
    return cyclic;
  });
  const input = fc.oneof(fc.record({ PortfolioShareToken: fc.oneof(secret, value) }), value);

  it('for any configuration and input given to the waiter or the status check', () => {
    fc.assert(
      fc.property(fc.oneof(config, withCycle), input, fc.boolean(), (c, i, wait) => {
        let error: unknown;
        try {
          if (wait) validateWaiterConfiguration(c, i);
          else validateCheckConfiguration(c, i);
          return;
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(InvalidInputError);
        const json = JSON.stringify(error);
        expect(JSON.parse(json)).toMatchObject({ name: 'InvalidInputError', code: 'INVALID_INPUT' });
        expect(secretsIn(`${json}\n${(error as Error).message}\n${JSON.stringify((error as InvalidInputError).received) ?? ''}`)).toEqual([]);
      }),
      RUNS,
    );
  });
});
