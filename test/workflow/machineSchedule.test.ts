import jsonata from 'jsonata';
import { computeDelay, DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../../src/schedule.js';
import { waitSecondsExpression } from '../../src/workflow/jsonataMachine.js';
import { delayTable, jsonataDelayExpression, resolveDelayBounds, roundHalfEven, wholeSecondDelay } from '../../src/workflow/machineSchedule.js';
import { resolveWaitOptions } from '../../src/workflow/options.js';

const ELAPSED = [...Array.from({ length: 400 }, (_, i) => i * 0.75), 0.1, 1.5, 2.5, 1e-9, 12_345.678, 86_400];

describe('the JSONata delay, evaluated with jsonata 2.0.6, is the library schedule in whole seconds', () => {
  test.each([
    ['defaults', {}],
    ['min 1 max 30', { minDelay: 1, maxDelay: 30 }],
    ['max only', { maxDelay: 3 }],
    ['min only', { minDelay: 12 }],
  ] as const)('%s', async (_name, options) => {
    const expression = jsonata(jsonataDelayExpression('$elapsed', options));
    for (const elapsed of ELAPSED) {
      const fromJsonata = (await expression.evaluate({}, { elapsed })) as number;
      expect({ elapsed, delay: fromJsonata }).toEqual({ elapsed, delay: wholeSecondDelay(elapsed, options) });
      // …which is the library's delay (jitter at its midpoint) to the nearest second, never below 1 s.
      const library = computeDelay(elapsed, { ...resolveDelayBounds(options), random: () => 0.5 });
      expect(Math.abs(fromJsonata - Math.max(1, library))).toBeLessThanOrEqual(0.5);
    }
  });
});

test("the Wait's seconds end the last wait on the deadline", async () => {
  const options = resolveWaitOptions({ maxWaitTime: 100 });
  const expression = jsonata(waitSecondsExpression(options));
  expect(await expression.evaluate({}, { elapsed: 10 })).toBe(wholeSecondDelay(10));
  expect(await expression.evaluate({}, { elapsed: 99.2 })).toBe(1);
  expect(await expression.evaluate({}, { elapsed: 98.5 })).toBe(Math.min(2, wholeSecondDelay(98.5)));
});

test('roundHalfEven rounds as JSONata $round does', async () => {
  const round = jsonata('$round($x)');
  for (const x of [0.5, 1.5, 2.5, 3.5, 7.5, 2.4999, 2.5001, 4, 0, 8.5]) expect(roundHalfEven(x)).toBe(await round.evaluate({}, { x }));
});

test('the JSONPath delay table is the same schedule, indexed by check, and ends on the deadline', () => {
  const { delays, graceChecks } = delayTable(600, 30);
  let elapsed = 0;
  delays.forEach((delay, k) => {
    if (k < delays.length - 1) expect(delay).toBe(wholeSecondDelay(elapsed));
    elapsed += delay;
  });
  expect(elapsed).toBe(600);
  // Every delay but the last (shortened to land on the deadline) lies within the schedule's bounds.
  expect(Math.min(...delays.slice(0, -1))).toBeGreaterThanOrEqual(Math.max(1, Math.round(DEFAULT_MIN_DELAY_SECONDS)));
  expect(Math.max(...delays)).toBeLessThanOrEqual(Math.ceil(DEFAULT_MAX_DELAY_SECONDS));
  // Checks 0…graceChecks−1 start before 30 s, the next one at or after it.
  const starts = delays.map((_, k) => delays.slice(0, k).reduce((a, b) => a + b, 0));
  expect(starts[graceChecks - 1]).toBeLessThan(30);
  expect(starts[graceChecks]).toBeGreaterThanOrEqual(30);
  expect(delayTable(10, 0).graceChecks).toBe(0);
  expect(delayTable(5, 30).graceChecks).toBe(delayTable(5, 30).delays.length + 1);
});

test('options are checked before anything is generated', () => {
  expect(() => resolveWaitOptions({ maxWaitTime: 0 })).toThrow('maxWaitTime must be a finite number of seconds greater than 0, got 0');
  expect(() => resolveWaitOptions({ maxWaitTime: 40_000_000 })).toThrow(/at most a year/);
  expect(() => resolveWaitOptions({ notFoundGraceSeconds: -1 })).toThrow(/notFoundGraceSeconds must be a finite number of seconds \(0 or more\)/);
  expect(() => resolveWaitOptions({ minDelay: Number.NaN })).toThrow(/minDelay/);
});
