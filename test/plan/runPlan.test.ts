// runPlan's order, serialization, stop rules and the not-made plan, with injected steps (no client, no clock).
import { notMadePlan, runPlan, wasMade, type PlanShareRun, type PlanSteps } from '../../src/plan/runPlan.js';
import { validatePlan } from '../../src/plan/validatePlan.js';
import type { ShareCallResult } from '../../src/shares/types.js';
import type { PortfolioShareResult } from '../../src/types.js';

const plan = validatePlan({
  shares: [
    { portfolioId: 'port-a', node: 'ou-ab12-prod0001' },
    { portfolioId: 'port-b', node: 'ou-ab12-prod0001' },
    { action: 'update', portfolioId: 'port-a', node: 'o-exampleorg01', shareTagOptions: true },
    { portfolioId: 'port-b', node: '222222222222', sharePrincipals: false },
    { action: 'delete', portfolioId: 'port-a', node: '333333333333' },
  ],
});

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Script {
  /** Indexes whose call fails. */
  callFails?: number[];
  /** Indexes whose wait fails. */
  waitFails?: number[];
  /** Indexes whose wait takes ten ticks instead of two. */
  slow?: number[];
  /** Run before a step (index, step) resolves: may move the clock or abort. */
  during?: (index: number, step: 'start' | 'wait') => void;
}

/** Steps that record what runs at once per portfolio and in which order, each step a few ticks long. */
function steps(script: Script = {}): PlanSteps & { log: string[]; maxPerPortfolio: number; maxAtOnce: number } {
  const running = new Map<string, number>();
  let atOnce = 0;
  const result = {
    log: [] as string[],
    maxPerPortfolio: 0,
    maxAtOnce: 0,
    async start(share: (typeof plan.shares)[number], index: number): Promise<ShareCallResult & { token: string }> {
      const busy = (running.get(share.portfolioId) ?? 0) + 1;
      running.set(share.portfolioId, busy);
      result.maxPerPortfolio = Math.max(result.maxPerPortfolio, busy);
      result.maxAtOnce = Math.max(result.maxAtOnce, ++atOnce);
      result.log.push(`start ${index}`);
      await tick();
      script.during?.(index, 'start');
      if (script.callFails?.includes(index)) {
        running.set(share.portfolioId, busy - 1);
        atOnce -= 1;
        throw new Error(`call ${index} failed`);
      }
      return { action: 'CREATE', request: { PortfolioId: share.portfolioId }, portfolioId: share.portfolioId, token: `share-${index}`, callAttempts: 1, busySeconds: 0, calledAt: 0 };
    },
    async wait(token: string, share: (typeof plan.shares)[number], index: number): Promise<PortfolioShareResult> {
      result.log.push(`wait ${index}`);
      for (let i = script.slow?.includes(index) === true ? 10 : 2; i > 0; i -= 1) await tick();
      script.during?.(index, 'wait');
      running.set(share.portfolioId, (running.get(share.portfolioId) ?? 1) - 1);
      atOnce -= 1;
      if (script.waitFails?.includes(index)) throw new Error(`wait ${index} failed`);
      return { token, status: 'COMPLETED' } as PortfolioShareResult;
    },
  };
  return result;
}

const phases = (runs: PlanShareRun[]): string[] => runs.map((run) => `${run.index}:${run.phase}${run.phase === 'not-started' ? `:${run.reason.kind}` : ''}`);

test('every share is made and waited for: one at a time per portfolio in file order, portfolios at once', async () => {
  const s = steps();
  const ended: number[] = [];
  const runs = await runPlan(plan, s, { deadline: Infinity, now: () => 0, onShareEnd: (run) => ended.push(run.index) });
  expect(phases(runs)).toEqual(['0:done', '1:done', '2:done', '3:done', '4:done']);
  expect(runs.map((run) => ('token' in run ? run.token : null))).toEqual(['share-0', 'share-1', 'share-2', 'share-3', 'share-4']);
  expect(s.maxPerPortfolio).toBe(1);
  expect(s.maxAtOnce).toBe(2);
  // Within a portfolio: 0 → 2 → 4 and 1 → 3, each waited for before the next starts.
  const order = (i: number, step: string): number => s.log.indexOf(`${step} ${i}`);
  expect(order(0, 'wait')).toBeLessThan(order(2, 'start'));
  expect(order(2, 'wait')).toBeLessThan(order(4, 'start'));
  expect(order(1, 'wait')).toBeLessThan(order(3, 'start'));
  // Both portfolios start before either's first share is done.
  expect(order(1, 'start')).toBeLessThan(order(2, 'start'));
  expect(ended.sort()).toEqual([0, 1, 2, 3, 4]);
});

test('after the first failure no new share starts; a share already made is waited for to its end', async () => {
  // Share 2's call fails while share 1 (port-b) is still being waited for; 3 and 4 never start.
  const s = steps({ callFails: [2], slow: [1] });
  const runs = await runPlan(plan, s, { deadline: Infinity, now: () => 0 });
  expect(phases(runs)).toEqual(['0:done', '1:done', '2:call-failed', '3:not-started:after-failure', '4:not-started:after-failure']);
  expect(runs[3]).toMatchObject({ reason: { kind: 'after-failure', failedIndex: 2 } });
  expect(s.log).not.toContain('start 3');
  expect(runs.filter(wasMade).map((run) => run.index)).toEqual([0, 1]);
  expect(notMadePlan(runs)).toEqual({
    shares: [
      { action: 'update', portfolioId: 'port-a', node: 'o-exampleorg01', shareTagOptions: true },
      { action: 'create', portfolioId: 'port-b', node: '222222222222', sharePrincipals: false },
      { action: 'delete', portfolioId: 'port-a', node: '333333333333' },
    ],
  });
  // The plan to re-run is itself a valid plan.
  expect(validatePlan(notMadePlan(runs)).shares).toHaveLength(3);
});

test('a failed wait stops the run too, but counts as made; keepGoing runs every share anyway', async () => {
  const stopped = await runPlan(plan, steps({ waitFails: [0], slow: [1] }), { deadline: Infinity, now: () => 0 });
  expect(phases(stopped)).toEqual(['0:wait-failed', '1:done', '2:not-started:after-failure', '3:not-started:after-failure', '4:not-started:after-failure']);
  expect(wasMade(stopped[0] as PlanShareRun)).toBe(true);
  const going = await runPlan(plan, steps({ waitFails: [0], callFails: [3] }), { deadline: Infinity, now: () => 0, keepGoing: true });
  expect(phases(going)).toEqual(['0:wait-failed', '1:done', '2:done', '3:call-failed', '4:done']);
  expect(notMadePlan(going)?.shares).toHaveLength(1);
  expect(notMadePlan(await runPlan(plan, steps(), { deadline: Infinity, now: () => 0 }))).toBeUndefined();
});

test('no share starts at or after the deadline, nor after an abort', async () => {
  let now = 0;
  // The clock passes the deadline while share 0 is waited for.
  const late = await runPlan(plan, steps({ during: (i, step) => (i === 0 && step === 'wait' ? (now = 10) : undefined) }), { deadline: 10, now: () => now });
  expect(phases(late)).toEqual(['0:done', '1:done', '2:not-started:deadline', '3:not-started:deadline', '4:not-started:deadline']);
  const controller = new AbortController();
  const aborted = await runPlan(plan, steps({ during: (i) => (i === 1 ? controller.abort() : undefined) }), { deadline: Infinity, now: () => 0, signal: controller.signal });
  expect(phases(aborted)).toEqual(['0:done', '1:done', '2:not-started:aborted', '3:not-started:aborted', '4:not-started:aborted']);
  const before = new AbortController();
  before.abort();
  const none = steps();
  expect(phases(await runPlan(plan, none, { deadline: Infinity, now: () => 0, signal: before.signal }))).toEqual(['0:not-started:aborted', '1:not-started:aborted', '2:not-started:aborted', '3:not-started:aborted', '4:not-started:aborted']);
  expect(none.log).toEqual([]);
});
