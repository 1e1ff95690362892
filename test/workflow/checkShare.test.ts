import { createCapturingLogger } from '../support/capturingLogger.js';
import { createFakeClient, serviceError, status, type Answer } from '../support/fakeClient.js';
import { computeDelay } from '../../src/schedule.js';
import type { Timers } from '../../src/types.js';
import { checkShare, type CheckShareEvent } from '../../src/workflow/checkShare.js';
import { createHandler } from '../../src/workflow/lambda.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const T = 'share-6v24abcdefghi';

function at(seconds: number): Timers {
  return { now: () => START + seconds * 1000, sleep: async () => {}, random: () => 0.5 };
}

async function check(event: Partial<CheckShareEvent>, script: Answer[], seconds = 0) {
  const { logger, lines } = createCapturingLogger();
  const client = createFakeClient(script);
  try {
    return { response: await checkShare({ token: T, startedAt: START, ...event } as CheckShareEvent, { client, logger, timers: at(seconds) }), lines, client };
  } catch (error) {
    return { error: error as Error & { code?: string; toJSON(): Record<string, unknown> }, lines, client };
  }
}

test('pending: the status, the next delay from the schedule and the attempt, ready to be fed back', async () => {
  const { response } = await check({ attempt: 2 }, [status('IN_PROGRESS')], 100);
  expect(response).toEqual({ token: T, status: 'IN_PROGRESS', done: false, nextDelaySeconds: Math.max(1, Math.round(computeDelay(100, { random: () => 0.5 }))), attempt: 3, startedAt: '2026-01-01T00:00:00.000Z' });
});

test('the first check starts the clock when no startedAt is given', async () => {
  const { response } = await check({ startedAt: undefined }, [status('NOT_STARTED')], 5);
  expect(response).toMatchObject({ attempt: 1, startedAt: new Date(START + 5000).toISOString(), status: 'NOT_STARTED' });
  const iso = await check({ startedAt: '2026-01-01T00:00:00Z', attempt: null }, [status('NOT_STARTED')], 5);
  expect(iso.response).toMatchObject({ attempt: 1, startedAt: '2026-01-01T00:00:00.000Z' });
});

test('the delay is cut so the next check falls on the deadline', async () => {
  const { response } = await check({ maxWaitTime: 100 }, [status('IN_PROGRESS')], 99.6);
  expect(response?.nextDelaySeconds).toBe(1);
});

test('COMPLETED: done, with the library result', async () => {
  const { response, lines } = await check({}, [status('COMPLETED', { SuccessfulShares: ['111111111111'] })], 12);
  expect(response).toMatchObject({ done: true, status: 'COMPLETED', nextDelaySeconds: 0, result: { status: 'COMPLETED', token: T, elapsedSeconds: 12, attempts: 1 } });
  expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'portfolio share done' });
});

test('only duplicate errors succeed unless tolerateDuplicates is false; accept-partial succeeds', async () => {
  const duplicates = status('COMPLETED_WITH_ERRORS', { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Error: 'DuplicateResourceException' }] });
  expect((await check({}, [duplicates])).response).toMatchObject({ done: true, result: { duplicateAccounts: ['2'] } });
  expect((await check({ tolerateDuplicates: false }, [duplicates])).error?.name).toBe('ShareCompletedWithErrorsError');
  expect((await check({ acceptPartialSuccess: true, tolerateDuplicates: false }, [duplicates])).response?.done).toBe(true);
});

test('terminal failures are the library errors, named for a Catch, with their JSON as the message', async () => {
  const details = { ShareErrors: [{ Accounts: ['222222222222'], Error: 'ThrottlingException', Message: 'Rate exceeded' }] };
  const { error } = await check({}, [status('ERROR', details)]);
  expect(error?.name).toBe('ShareFailedError');
  expect(JSON.parse(error?.message ?? '')).toMatchObject({ name: 'ShareFailedError', code: 'SHARE_FAILED', failedAccounts: ['222222222222'], throttledAccounts: ['222222222222'] });
  const denied = await check({}, [{ error: serviceError('AccessDeniedException', 'no') }]);
  expect(denied.error?.name).toBe('ApiError');
  expect(JSON.parse(denied.error?.message ?? '')).toMatchObject({ code: 'API_ERROR', serviceErrorName: 'AccessDeniedException' });
});

test('not found within the grace is NOT_VISIBLE_YET, after it an ApiError', async () => {
  const notFound: Answer = { error: serviceError('ResourceNotFoundException', 'no such share') };
  expect((await check({}, [notFound], 10)).response).toMatchObject({ status: 'NOT_VISIBLE_YET', done: false });
  expect((await check({ notFoundGraceSeconds: 5 }, [notFound], 10)).error?.name).toBe('ApiError');
});

test('a transient failure that outlives its retries is UNAVAILABLE, and the wait goes on', async () => {
  const { response, client } = await check({ attempt: 3 }, [{ error: serviceError('ThrottlingException', 'slow down') }], 20);
  expect(response).toMatchObject({ status: 'UNAVAILABLE', done: false, attempt: 4 });
  expect(client.calls.length).toBe(5);
});

test('past the deadline: WaitTimeoutError with the last status, or the last error', async () => {
  const pending = await check({ maxWaitTime: 60 }, [status('IN_PROGRESS')], 60);
  expect(pending.error?.name).toBe('WaitTimeoutError');
  expect(JSON.parse(pending.error?.message ?? '')).toMatchObject({ code: 'WAIT_TIMEOUT', lastStatus: 'IN_PROGRESS', attempts: 1 });
  const failing = await check({ maxWaitTime: 60 }, [{ error: serviceError('InternalFailure', 'oops', 500) }], 61);
  expect(JSON.parse(failing.error?.message ?? '')).toMatchObject({ code: 'WAIT_TIMEOUT' });
});

test.each([
  [{ token: 'bad token' }, 'token'],
  [{ token: undefined }, 'token'],
  [{ startedAt: 'yesterday' }, 'startedAt'],
  [{ startedAt: true as unknown as string }, 'startedAt'],
  [{ attempt: -1 }, 'attempt'],
  [{ maxWaitTime: 'long' as unknown as number }, 'maxWaitTime'],
])('bad input %j is an InvalidInputError naming %s, before any call', async (event, option) => {
  const { error, client } = await check(event, [status('COMPLETED')]);
  expect(error?.name).toBe('InvalidInputError');
  expect(JSON.parse(error?.message ?? '')).toMatchObject({ code: 'INVALID_INPUT', option });
  expect(client.calls).toHaveLength(0);
});

test('createHandler wires a client, a logger and a clock', async () => {
  const { logger } = createCapturingLogger();
  const handler = createHandler({ client: createFakeClient([status('COMPLETED')]), logger, timers: at(0) });
  expect(await handler({ token: T })).toMatchObject({ done: true, status: 'COMPLETED' });
});
