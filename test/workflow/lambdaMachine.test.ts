import { Writable } from 'node:stream';
import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { pino } from 'pino';
import type { Logger } from '../../src/logger.js';
import { defaultScenario, startSimulator, type RunningSimulator, type Scenario } from '../../src/simulator/index.js';
import type { Timers } from '../../src/types.js';
import type { JsonValue } from '../../src/workflow/asl.js';
import type { CheckShareEvent } from '../../src/workflow/checkShare.js';
import { createHandler } from '../../src/workflow/lambda.js';
import { LAMBDA_STATE, lambdaWaitMachine } from '../../src/workflow/lambdaMachine.js';
import { runLocally, shortWaits } from './localRun.js';

const scenario: Scenario = {
  ...defaultScenario,
  shares: { defaultDurationSeconds: 0.3, notStartedSeconds: 0.05, durationsByNode: { 'ou-ab12-dev00001': 100_000 } },
  accounts: { '222222222222': { shareError: 'ThrottlingException' }, '333333333333': { shareError: 'AccessDeniedException' } },
};

let sim: RunningSimulator;
let client: ServiceCatalogClient;
let portfolios = 0;

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

async function share(value: string): Promise<string> {
  portfolios += 1;
  const created = await client.send(new CreatePortfolioCommand({ DisplayName: `l${portfolios}`, ProviderName: 'tests', IdempotencyToken: `lambda-${portfolios}` }));
  const shared = await client.send(
    new CreatePortfolioShareCommand({ PortfolioId: created.PortfolioDetail?.Id, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: value } }),
  );
  return shared.PortfolioShareToken ?? '';
}

/** pino writing JSON lines into an array. */
function jsonLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream) as unknown as Logger, lines };
}

/** The lambda:invoke integration around the real handler: the Payload in, `{ Payload }` out, errors by name. */
function lambdaInvoke(handler: (event: CheckShareEvent) => Promise<unknown>) {
  return async (input: JsonValue): Promise<JsonValue> => {
    const payload = (input as unknown as { Payload: CheckShareEvent }).Payload;
    return { StatusCode: 200, Payload: JSON.parse(JSON.stringify(await handler(payload))) as JsonValue };
  };
}

function run(token: string, handler: (event: CheckShareEvent) => Promise<unknown>, maxWaitTime?: number) {
  const definition = lambdaWaitMachine({ functionArn: 'arn:aws:lambda:us-east-1:111111111111:function:check-share', maxWaitTime });
  return runLocally(definition, { PortfolioShareToken: token }, {
    taskResourceLocalHandlers: { [LAMBDA_STATE.check]: lambdaInvoke(handler) },
    waitTimeOverrides: shortWaits(definition, 2),
  });
}

test('the Lambda variant reaches COMPLETED through the real handler, which logs pino JSON', async () => {
  const token = await share('ou-ab12-sandbox1');
  const { logger, lines } = jsonLogger();
  const outcome = await run(token, createHandler({ client, logger }));
  expect(outcome).toMatchObject({ ok: true, output: { token, status: 'COMPLETED', done: true, nextDelaySeconds: 0, result: { status: 'COMPLETED', shareDetails: { SuccessfulShares: ['777777777777'] } } } });
  expect(lines.at(-1)).toMatchObject({ level: 30, token, status: 'COMPLETED', msg: 'portfolio share done' });
});

test('COMPLETED_WITH_ERRORS: the handler throws ShareCompletedWithErrorsError, caught into its Fail state with the accounts', async () => {
  const token = await share('ou-ab12-prod0001');
  const outcome = await run(token, createHandler({ client, logger: jsonLogger().logger }));
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.error).toBe('SHARE_COMPLETED_WITH_ERRORS');
  // In the interpreter the Cause is the error's message; in AWS it is the Lambda error whose errorMessage it is.
  expect(JSON.parse(outcome.cause)).toMatchObject({
    name: 'ShareCompletedWithErrorsError',
    code: 'SHARE_COMPLETED_WITH_ERRORS',
    token,
    failedAccounts: ['222222222222', '333333333333'],
    throttledAccounts: ['222222222222'],
  });
});

test('the Lambda variant times out at its deadline with WAIT_TIMEOUT and the last status', async () => {
  const token = await share('ou-ab12-dev00001');
  // Each check moves an injected clock 60 s on, so a 600 s deadline arrives in a few real milliseconds.
  let now = Date.parse('2026-01-01T00:00:00Z');
  const timers: Timers = { now: () => (now += 60_000), sleep: async () => {}, random: () => 0.5 };
  const events: CheckShareEvent[] = [];
  const handler = createHandler({ client, logger: jsonLogger().logger, timers });
  const outcome = await run(token, async (event) => {
    events.push(event);
    return handler({ ...event, startedAt: event.attempt === 0 ? Date.parse('2026-01-01T00:00:00Z') : event.startedAt });
  });
  if (outcome.ok) throw new Error('expected a timeout');
  expect(outcome.error).toBe('WAIT_TIMEOUT');
  expect(JSON.parse(outcome.cause)).toMatchObject({ code: 'WAIT_TIMEOUT', token, lastStatus: 'IN_PROGRESS', attempts: 10 });
  expect(events.map((e) => e.attempt)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
