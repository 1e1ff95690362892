import './promiseWithResolvers.js';
import { readFileSync } from 'node:fs';
import { StateMachine, type StateMachineDefinition as LocalDefinition } from 'aws-local-stepfunctions';
import type { StateMachineDefinition } from '../../src/workflow/asl.js';
import { checksForDuration, costDocsBlock, longestWaitMinutes, costTable, COST_END, COST_START, mapCallRates, PRICES, transitionsForChecks } from '../../src/workflow/cost.js';
import { generateStateMachine } from '../../src/workflow/definitions.js';
import { LAMBDA_STATE, lambdaWaitMachine } from '../../src/workflow/lambdaMachine.js';
import { POLL } from '../../src/workflow/jsonPathPolling.js';
import { delayTable } from '../../src/workflow/machineSchedule.js';
import { shortWaits } from './localRun.js';

/** States entered in one run (what Step Functions bills), the describe answering IN_PROGRESS `pending` times. */
async function transitions(definition: StateMachineDefinition, task: string, pending: number, answer: (done: boolean) => unknown): Promise<number> {
  let calls = 0;
  const execution = new StateMachine(definition as unknown as LocalDefinition, { validationOptions: { checkArn: false } }).run({ PortfolioShareToken: 'share-x' }, {
    overrides: {
      taskResourceLocalHandlers: { [task]: async () => answer((calls += 1) > pending) as never },
      waitTimeOverrides: shortWaits(definition, 0),
    },
  });
  let entered = 0;
  const counting = (async () => {
    for await (const event of execution.eventLogs) if (event.type === 'StateEntered') entered += 1;
  })();
  await execution.result;
  await counting;
  return entered;
}

test.each([0, 1, 5, 20])('the JSONPath machine enters 4 states a check (%i pending checks)', async (pending) => {
  const entered = await transitions(generateStateMachine(), POLL.describe, pending, (done) => ({ Status: done ? 'COMPLETED' : 'IN_PROGRESS' }));
  expect(entered).toBe(transitionsForChecks('jsonpath', pending + 1));
});

test.each([0, 3])('the Lambda variant enters 3 states a check, and one to start (%i pending checks)', async (pending) => {
  const definition = lambdaWaitMachine({ functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' });
  const entered = await transitions(definition, LAMBDA_STATE.check, pending, (done) => ({ Payload: { token: 'share-x', done, status: done ? 'COMPLETED' : 'IN_PROGRESS', nextDelaySeconds: 1, attempt: 1, startedAt: '2026-01-01T00:00:00Z' } }));
  expect(entered).toBe(transitionsForChecks('lambda', pending + 1));
});

test('checks for a duration follow the delay table: the first check at or after the share ends sees it', () => {
  const { delays } = delayTable(700, 0);
  const starts = delays.map((_, k) => delays.slice(0, k).reduce((a, b) => a + b, 0));
  const n = checksForDuration(600);
  expect(starts[n - 2]).toBeLessThan(600);
  expect(starts[n - 1]).toBeGreaterThanOrEqual(600);
  expect(checksForDuration(0)).toBe(1);
});

test('prices are the published ones', () => {
  expect(PRICES.perStateTransition * 1000).toBeCloseTo(0.025, 12);
  expect(PRICES.lambdaPerGbSecond).toBe(0.0000166667);
  expect(PRICES.lambdaPerRequest * 1_000_000).toBeCloseTo(0.2, 12);
});

test('docs/step-functions.md carries the current cost table and call rates (npm run generate:step-functions)', () => {
  const docs = readFileSync(new URL('../../docs/step-functions.md', import.meta.url), 'utf8');
  expect(docs).toContain(`${COST_START}\n${costDocsBlock()}\n${COST_END}`);
  expect(costDocsBlock()).toContain(costTable());
  const { peak, average } = mapCallRates(10, 600);
  expect(costDocsBlock()).toContain(`at most ${peak.toFixed(1)} calls/s, ${average.toFixed(1)} calls/s on average`);
});

test('a wait that would outgrow 25,000 history events is refused when generated', () => {
  const longest = longestWaitMinutes() * 60;
  expect(() => generateStateMachine({ maxWaitTime: longest })).not.toThrow();
  expect(() => generateStateMachine({ maxWaitTime: longest + 60 })).toThrow(/past Step Functions' limit of 25000/);
  expect(() => generateStateMachine({ maxWaitTime: 6 * 3600 })).toThrow(/past Step Functions' limit of 25000/);
  expect(() => generateStateMachine({ maxWaitTime: 8 * 3600, queryLanguage: 'JSONata' })).toThrow(/past Step Functions' limit of 25000/);
  expect(() => generateStateMachine({ maxWaitTime: 4 * 3600 })).not.toThrow();
});
