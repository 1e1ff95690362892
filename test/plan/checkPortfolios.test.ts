// checkPortfolios: one DescribePortfolio per distinct portfolio; unknown ones become plan problems, other failures an ApiError.
import { ApiError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { checkPortfolios, PORTFOLIO_CHECKS_AT_ONCE } from '../../src/plan/checkPortfolios.js';
import { InvalidPlanError, validatePlan } from '../../src/plan/validatePlan.js';
import type { Timers } from '../../src/types.js';
import { createFakeClient, serviceError, type Answer } from '../support/fakeClient.js';

const timers: Timers = { now: () => 0, random: () => 0.5, sleep: () => Promise.resolve() };
const retry = { retries: 2, minTimeout: 0, maxTimeout: 0, factor: 1 };

const plan = validatePlan({
  shares: [
    { portfolioId: 'port-known', node: 'o-exampleorg01' },
    { portfolioId: 'port-gone', node: 'o-exampleorg01' },
    { portfolioId: 'port-known', node: 'ou-ab12-prod0001' },
    { action: 'delete', portfolioId: 'port-gone', node: '222222222222' },
  ],
});

/** Answers DescribePortfolio by id: ResourceNotFoundException for the ids in `missing`, `error` for `failing`. */
function client(missing: string[], failing: Record<string, Error> = {}): ReturnType<typeof createFakeClient> {
  const answer: Answer = async () => undefined;
  const fake = createFakeClient([answer]);
  const send = fake.send;
  return Object.assign(fake, {
    send: async (command: unknown, options?: { abortSignal?: AbortSignal }) => {
      await send(command, options);
      const id = (command as { input: { Id: string } }).input.Id;
      if (missing.includes(id)) throw serviceError('ResourceNotFoundException', `Portfolio ${id} not found.`);
      const error = failing[id];
      if (error !== undefined) throw error;
      return { PortfolioDetail: { Id: id } };
    },
  });
}

const options = (c: ReturnType<typeof createFakeClient>) => ({ client: c, retry, timers, logger: silentLogger, source: 'plan.json' });

test('every portfolio exists: one DescribePortfolio per distinct portfolio, nothing thrown', async () => {
  const c = client([]);
  await checkPortfolios(plan, options(c));
  expect(c.calls.map((call) => call.input)).toEqual([{ Id: 'port-known' }, { Id: 'port-gone' }]);
});

test('an unknown portfolio is a plan problem at every share that names it', async () => {
  const c = client(['port-gone']);
  const error = await checkPortfolios(plan, options(c)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidPlanError);
  expect((error as InvalidPlanError).problems).toEqual([
    { path: 'shares[1].portfolioId', message: 'portfolio port-gone was not found (DescribePortfolio: ResourceNotFoundException); check the id, the region and the account' },
    { path: 'shares[3].portfolioId', message: 'portfolio port-gone was not found (DescribePortfolio: ResourceNotFoundException); check the id, the region and the account' },
  ]);
  expect((error as InvalidPlanError).message).toMatch(/^plan\.json is not a valid plan \(2 problems\); nothing was done:/);
});

test('another failure (access denied) is an ApiError that says nothing was shared; transient ones are retried', async () => {
  const c = client([], { 'port-gone': serviceError('AccessDeniedException', 'not allowed') });
  const error = await checkPortfolios(plan, options(c)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ serviceErrorName: 'AccessDeniedException', serviceMessage: 'not allowed', requestId: 'req-AccessDeniedException', httpStatusCode: 400 });
  expect((error as ApiError).message).toMatch(/^DescribePortfolio of portfolio port-gone failed with AccessDeniedException: not allowed \(request id req-AccessDeniedException\); plan\.json was not applied \(nothing was shared\)\./);

  let throttled = 0;
  const flaky = client([]);
  const send = flaky.send;
  flaky.send = async (command, opts) => {
    if (throttled++ === 0) throw serviceError('ThrottlingException', 'Rate exceeded');
    return send(command, opts);
  };
  await checkPortfolios(plan, options(flaky));
  expect(throttled).toBe(3);
});

test(`at most ${PORTFOLIO_CHECKS_AT_ONCE} checks at once, and none after a failure`, async () => {
  const many = validatePlan({ shares: Array.from({ length: 12 }, (_, i) => ({ portfolioId: `port-${i}`, node: 'o-exampleorg01' })) });
  let inFlight = 0;
  let most = 0;
  const ids: string[] = [];
  const c = {
    send: async (command: unknown) => {
      const id = (command as { input: { Id: string } }).input.Id;
      ids.push(id);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      if (id === 'port-0') throw serviceError('AccessDeniedException', 'no');
      return {};
    },
  };
  await expect(checkPortfolios(many, { ...options(createFakeClient([])), client: c })).rejects.toBeInstanceOf(ApiError);
  expect(most).toBe(PORTFOLIO_CHECKS_AT_ONCE);
  // The four first checks were in flight when port-0 failed; no worker took another id after it.
  expect(ids).toEqual(['port-0', 'port-1', 'port-2', 'port-3']);
});

test('a failure without a request id (the endpoint cannot be reached) says so without one', async () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const c = client([], { 'port-known': refused });
  const error = await checkPortfolios(plan, { ...options(c), retry: { ...retry, retries: 0 } }).catch((e: unknown) => e);
  expect((error as ApiError).message).toMatch(/^DescribePortfolio of portfolio port-known failed with \w+: connect ECONNREFUSED 127\.0\.0\.1:9; plan\.json was not applied/);
  expect((error as ApiError).requestId).toBeUndefined();
});
